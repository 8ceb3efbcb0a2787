import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The temporary files and folders exports write before renaming them into place: their names,
/// the ones in progress in this process, and the ones a killed export left behind.
///
/// A temporary is `.NAME.hashiya-partial-PID` beside its target `NAME`: hidden, recognisably
/// Hashiya's, and owned by process PID. One whose process is gone is stale; the next export into
/// that folder removes it. The ones in progress are kept in a lock-protected set, so that after
/// SIGINT or SIGTERM a cleanup thread can call `removeAll()`.
public enum ExportTemporaries {
  /// What sets a temporary's name apart, before the owner's process id.
  static let marker = ".hashiya-partial-"

  /// The name an export before this scheme used: `NAME.partial-PID`.
  static let legacyMarker = ".partial-"

  private static let inProgress = Registry()

  /// Removes every temporary this process is writing. Safe from any thread, but not from inside a
  /// signal handler: it takes a lock and deletes files. The interrupted export then fails.
  public static func removeAll() {
    removeAll { _ in true }
  }

  /// Removes the temporaries in progress that `chosen` picks (tests pick their own).
  static func removeAll(where chosen: (String) -> Bool) {
    inProgress.withLock { paths in
      for path in paths where chosen(path) {
        remove(path)
        paths.remove(path)
      }
    }
  }

  /// The temporaries in `folder` that an export killed before it finished left behind: names of
  /// this scheme whose process is gone, and `NAME.partial-PID` files of earlier versions (which
  /// are named here but never removed automatically, their name being less distinctive).
  public static func stale(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.sorted().compactMap { name in
      let path = (folder as NSString).appendingPathComponent(name)
      if let owner = owner(of: name, marker: marker), name.hasPrefix("."), isStale(path, owner: owner) { return path }
      if let owner = owner(of: name, marker: legacyMarker), !name.hasPrefix("."), FileEntry(path) == .file,
        isStale(path, owner: owner)
      {
        return path
      }
      return nil
    }
  }

  /// Removes the stale temporaries of this scheme in `folder`.
  static func removeStale(in folder: String) {
    for path in stale(in: folder) where owner(of: (path as NSString).lastPathComponent, marker: marker) != nil {
      remove(path)
    }
  }

  /// The temporary for `target`, beside it; its name is cut so it stays within NAME_MAX.
  static func path(for target: String) -> String {
    let name = (target as NSString).lastPathComponent
    var kept = ""
    for character in name where kept.utf8.count + character.utf8.count <= 200 { kept.append(character) }
    let temporary = ".\(kept)\(marker)\(getpid())"
    return ((target as NSString).deletingLastPathComponent as NSString).appendingPathComponent(temporary)
  }

  /// Creates the temporary file for `target` (mode 0644, or `permissions`), clearing stale ones
  /// first, and records it as in progress.
  static func createFile(for target: String, permissions: mode_t?) throws(ExportDestinationError) -> (
    path: String, descriptor: Int32
  ) {
    let temporary = try prepare(for: target)
    // Created and recorded under the lock, so no cleanup can find it unrecorded.
    let descriptor = try inProgress.withLock { paths throws(ExportDestinationError) in
      let descriptor = try createFile(at: temporary, shownAs: target)
      paths.insert(temporary)
      return descriptor
    }
    if let permissions { fchmod(descriptor, permissions) }
    return (temporary, descriptor)
  }

  /// Creates the temporary folder for `target`, clearing stale ones first, and records it as in
  /// progress.
  static func createFolder(for target: String) throws(ExportDestinationError) -> String {
    let temporary = try prepare(for: target)
    try inProgress.withLock { paths throws(ExportDestinationError) in
      guard mkdir(temporary, 0o755) == 0 else { throw failure(target) }
      paths.insert(temporary)
    }
    return temporary
  }

  /// Creates a new file at `path`, failing if anything is there already (`O_EXCL`); an error
  /// names `shownAs`, the name the user knows.
  static func createFile(at path: String, shownAs: String? = nil) throws(ExportDestinationError) -> Int32 {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw failure(shownAs ?? path) }
    return descriptor
  }

  /// Writes all of `bytes` to `descriptor`; an error (a full disk, a file too large) names `shownAs`.
  static func writeAll(_ bytes: [UInt8], to descriptor: Int32, shownAs: String) throws(ExportDestinationError) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return 0 }
        return write(descriptor, base + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw failure(shownAs)
      }
      offset += written
    }
  }

  /// Renames `temporary` over `target` with `rename(2)`, which replaces a file or an empty folder
  /// atomically, once `check` (the destination's rules, looked at again) passes; then forgets it.
  ///
  /// Under the lock, so a cleanup never deletes a folder half way through its rename, and a
  /// temporary `removeAll()` took is never renamed.
  static func commit(
    _ temporary: String, to target: String, check: () throws(ExportDestinationError) -> Void
  ) throws(ExportDestinationError) {
    try inProgress.withLock { paths throws(ExportDestinationError) in
      guard paths.contains(temporary) else {
        throw .cannotWrite(path: target, reason: "the export was interrupted")
      }
      try check()
      guard rename(temporary, target) == 0 else {
        if errno == ENOTEMPTY || errno == EEXIST {
          throw .cannotWrite(path: target, reason: "something was put there during the export")
        }
        throw failure(target)
      }
      paths.remove(temporary)
    }
  }

  /// Removes `temporary` if it is still in progress.
  static func discard(_ temporary: String) {
    inProgress.withLock { paths in
      if paths.remove(temporary) != nil { remove(temporary) }
    }
  }

  /// The last system call's failure at `path`.
  static func failure(_ path: String) -> ExportDestinationError {
    .cannotWrite(path: path, reason: String(cString: strerror(errno)))
  }

  private static func prepare(for target: String) throws(ExportDestinationError) -> String {
    let parent = (target as NSString).deletingLastPathComponent
    removeStale(in: parent.isEmpty ? "." : parent)
    let temporary = path(for: target)
    // A name of ours, of our own process id, that we are not writing: left by an earlier process
    // that had the same id (after a restart, or in a container where ids start over).
    if FileEntry(temporary) != .missing, !inProgress.withLock({ $0.contains(temporary) }) { remove(temporary) }
    return temporary
  }

  /// The process id at the end of a temporary's name, after `marker`.
  private static func owner(of name: String, marker: String) -> pid_t? {
    guard let range = name.range(of: marker, options: .backwards), range.lowerBound != name.startIndex else {
      return nil
    }
    let digits = name[range.upperBound...]
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    // An id past pid_t's range belongs to no process.
    return pid_t(digits) ?? pid_t.max
  }

  /// Whether no live process is writing the temporary at `path` owned by `owner`.
  private static func isStale(_ path: String, owner: pid_t) -> Bool {
    if owner == getpid() { return !inProgress.withLock { $0.contains(path) } }
    return owner <= 0 || (kill(owner, 0) != 0 && errno == ESRCH)
  }

  /// Deletes a temporary: a file, or a folder and what is in it. Never follows a symbolic link.
  private static func remove(_ path: String) {
    guard case .folder = FileEntry(path) else {
      unlink(path)
      return
    }
    // A file may appear while the folder is emptied (a brat export still running): try again.
    for _ in 0..<3 {
      if (try? FileManager.default.removeItem(atPath: path)) != nil { return }
    }
  }
}

/// A set of paths behind a lock. A lock rather than `Mutex` because the package still supports macOS 13.
private final class Registry: @unchecked Sendable {
  private let lock = NSLock()
  private var paths: Set<String> = []

  func withLock<T, E: Error>(_ body: (inout Set<String>) throws(E) -> T) throws(E) -> T {
    lock.lock()
    defer { lock.unlock() }
    return try body(&paths)
  }
}
