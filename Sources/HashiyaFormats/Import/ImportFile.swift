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

  /// About how many rows an import of `bytes` bytes writes, for the store to choose how it writes
  /// them (`ProjectStoring.importReports`): at least one per 256 bytes read, since an annotation
  /// is a line of some 300 bytes and a report's text a few kilobytes that make its row, its
  /// search index entries and its word tokens.
  static func expectedRows(bytes: Int) -> Int { bytes / 256 }

  /// The size of the file at `path` in bytes; 0 when it cannot be read (standard input, a folder).
  static func size(of path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
  }
}
