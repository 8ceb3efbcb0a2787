import Foundation

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

  /// The size of the file at `path` in bytes; 0 when it cannot be read (standard input, a folder).
  static func size(of path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }
}
