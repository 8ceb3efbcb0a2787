/// One input of an import, after directories have been expanded.
public struct ImportFile: Sendable, Equatable {
  /// How the file's bytes are read.
  public enum Kind: Sendable, Equatable {
    case text, jsonl
  }

  /// The path as the user named it, or `-` for standard input.
  public var path: String
  public var kind: Kind
  public var byteSize: Int
}
