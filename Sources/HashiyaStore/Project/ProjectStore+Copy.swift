import Foundation
import GRDB
import Glibc
import HashiyaModel

extension ProjectStore {
  /// Writes a consistent single-file copy of the project to `path` while others may keep working:
  /// SQLite's `VACUUM INTO` reads one snapshot of the file, write-ahead log included.
  ///
  /// The copy is made under a temporary name in the same folder and renamed into place, so
  /// `path` holds a whole project or nothing; an existing file there is never replaced.
  public func saveCopy(to path: String) throws(StoreError) {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    let temporary = ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(
      ".\(name).hashiya-partial-\(ProcessInfo.processInfo.processIdentifier)")
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder),
      isFolder.boolValue
    else { throw .missingFolder(path: path) }
    var status = stat()
    guard lstat(path, &status) != 0 else {
      throw .cannotOpen(path: path, reason: "it already exists; name a new file for the copy")
    }
    do {
      try database.inDatabase { db in
        try db.execute(sql: "VACUUM INTO ?", arguments: [temporary])
      }
      // link(2) fails if the name was taken meanwhile, where rename(2) would replace it.
      guard Glibc.link(temporary, path) == 0 else {
        throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
      }
      unlink(temporary)
    } catch {
      unlink(temporary)
      if let error = error as? StoreError { throw error }
      throw .database(operation: "save a copy to \(path)", message: Self.message(of: error))
    }
  }
}
