import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What sits at a path, looked at without following a symbolic link at its end.
enum FileEntry: Equatable {
  case missing
  case file
  case folder
  case symbolicLink(target: String)
  /// A fifo, device or socket, by name.
  case other(kind: String)
  /// The path cannot be looked at: a parent that is a file, no permission…
  case unreadable(reason: String)

  init(_ path: String) {
    var status = stat()
    guard lstat(path, &status) == 0 else {
      self = errno == ENOENT ? .missing : .unreadable(reason: String(cString: strerror(errno)))
      return
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG: self = .file
    case S_IFDIR: self = .folder
    case S_IFLNK:
      let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "an unreadable target"
      self = .symbolicLink(target: target)
    case S_IFIFO: self = .other(kind: "fifo")
    case S_IFSOCK: self = .other(kind: "socket")
    case S_IFCHR, S_IFBLK: self = .other(kind: "device")
    default: self = .other(kind: "special file")
    }
  }

  /// The file a project keeps beside itself, after the project's own name ("" first).
  static let companionSuffixes = ["", "-wal", "-shm", "-journal"]

  /// `path` with every symbolic link and `.`/`..` resolved; nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether both paths exist and are the same file (one may be a hard link to the other).
  static func sameFile(_ one: String, _ other: String) -> Bool {
    var a = stat()
    var b = stat()
    return stat(one, &a) == 0 && stat(other, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  /// The permission bits of a regular file, nil when there is none at `path`.
  static func permissions(_ path: String) -> mode_t? {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    return status.st_mode & 0o7777
  }

  /// Whether the regular file at `path` starts like an SQLite database or write-ahead log.
  static func isDatabase(_ path: String) throws(ExportDestinationError) -> Bool {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    guard descriptor >= 0 else {
      throw .cannotWrite(
        path: path, reason: "it cannot be read to make sure it is not a database: \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    var header = [UInt8](repeating: 0, count: 16)
    let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 16) }
    if count == 16 && header == Array("SQLite format 3\0".utf8) { return true }
    // A write-ahead log starts with 0x377f0682 or 0x377f0683, big-endian.
    return count >= 4 && header[0] == 0x37 && header[1] == 0x7F && header[2] == 0x06 && header[3] & 0xFE == 0x82
  }
}
