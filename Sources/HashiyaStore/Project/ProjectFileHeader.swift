import Foundation
import HashiyaModel

/// Reads the 100-byte SQLite header of a file so a project can be vetted before SQLite touches it.
///
/// Opening a file with SQLite in WAL mode rewrites its header, so a file that is not a Hashiya
/// project (or that a newer Hashiya wrote) must be refused by reading these bytes first.
struct ProjectFileHeader {
  static let sqliteMagic: [UInt8] = Array("SQLite format 3\0".utf8)

  /// `PRAGMA application_id` of the file (big-endian at offset 68).
  let applicationID: UInt32
  /// `PRAGMA user_version` of the file (big-endian at offset 60), the Hashiya schema version.
  let userVersion: UInt32
  /// Whether the file is in write-ahead-log mode (read and write versions 2 at offsets 18 and 19).
  var isWAL = false

  /// Reads the header; returns nil for a missing or empty file, which is a new project.
  static func read(path: String) throws(StoreError) -> ProjectFileHeader? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw .cannotOpen(path: path, reason: "permission denied")
    }
    defer { try? handle.close() }
    let bytes: [UInt8]
    do {
      bytes = Array(try handle.read(upToCount: 100) ?? Data())
    } catch {
      throw .cannotOpen(path: path, reason: "\(error)")
    }
    if bytes.isEmpty { return nil }
    guard bytes.count == 100, Array(bytes[0..<16]) == sqliteMagic else {
      throw .notAProject(path: path, reason: "not an SQLite database")
    }
    func word(at offset: Int) -> UInt32 {
      bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
    return ProjectFileHeader(
      applicationID: word(at: 68), userVersion: word(at: 60), isWAL: bytes[18] == 2 && bytes[19] == 2)
  }
}
