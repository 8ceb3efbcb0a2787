import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A folder built under a temporary name beside its target and renamed into place when complete,
/// so a failed or killed export never leaves a half-filled folder under the name asked for.
///
/// The target must be new or an empty folder (`ExportDestination`); `rename(2)` onto an empty
/// folder replaces it atomically. Missing parent folders are created. A staged folder dropped
/// without `commit` is removed with everything in it.
final class StagedFolder {
  let target: String
  /// The folder being filled, beside `target`.
  let temporary: String
  private let project: String?
  private var open = true

  init(target: String, project: String?) throws(ExportDestinationError) {
    var target = target
    while target.count > 1 && target.hasSuffix("/") { target.removeLast() }
    try ExportDestination.checkFolder(target, project: project)
    let parent = (target as NSString).deletingLastPathComponent
    if !parent.isEmpty {
      do {
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
      } catch {
        throw .cannotWrite(path: parent, reason: "cannot create the folder")
      }
    }
    self.target = target
    self.project = project
    temporary = try ExportTemporaries.createFolder(for: target)
  }

  deinit { discard() }

  /// Writes `bytes` as the new file `name` in the folder.
  func write(_ name: String, _ bytes: [UInt8]) throws(ExportDestinationError) {
    let descriptor = try create(name)
    defer { close(descriptor) }
    // No fsync per file: thousands of them would make a large brat export crawl.
    try ExportTemporaries.writeAll(bytes, to: descriptor, shownAs: shown(name))
  }

  /// Creates the new file `name` in the folder, to be written in parts; the caller closes the
  /// descriptor.
  func create(_ name: String) throws(ExportDestinationError) -> Int32 {
    try ExportTemporaries.createFile(at: (temporary as NSString).appendingPathComponent(name), shownAs: shown(name))
  }

  /// The file `name` as it will be once the folder is in place, for messages.
  func shown(_ name: String) -> String {
    (target as NSString).appendingPathComponent(name)
  }

  /// Renames the finished folder into place.
  func commit() throws(ExportDestinationError) {
    guard open else { return }
    try ExportTemporaries.commit(temporary, to: target) { () throws(ExportDestinationError) in
      try ExportDestination.checkFolder(target, project: project)
    }
    open = false
  }

  /// Abandons the folder, removing it and what was written in it.
  func discard() {
    guard open else { return }
    open = false
    ExportTemporaries.discard(temporary)
  }
}
