import Foundation

/// Where an export writes, checked before anything is created: the one place that decides what
/// an export may write over.
///
/// An export never deletes or replaces anything it did not create. A single-file format writes a
/// new file, or replaces an existing regular file by renaming a finished temporary over it; brat
/// fills a new folder or an empty one. Refused whatever the format: the open project and its
/// companion files, any SQLite database or write-ahead log, symbolic links (even to a regular
/// file: the link's target may be anywhere, and renaming over the link would quietly turn it into
/// a file), fifos, devices and sockets. Single-file formats also refuse folders, and any path
/// ending in `/`, `.`, `..` or `~`. HTML writes a file, or a folder like brat's when given one
/// or when it exports several reports. `~` and `~/…` stand for the home folder, as in a shell.
public struct ExportDestination: Sendable, Equatable {
  /// The file or folder to write, `~` expanded; nil for standard output.
  public let path: String?
  public let format: ExportFormat

  /// Checks `argument` (a path, or `-` for standard output) as a destination for `format`.
  ///
  /// `project` is the open project's file, which nothing may replace; `home` expands `~`.
  public init(
    _ argument: String, format: ExportFormat, project: String? = nil,
    home: String? = ProcessInfo.processInfo.environment["HOME"]
  ) throws(ExportDestinationError) {
    self.format = format
    if argument == "-" {
      guard !format.writesFolder else {
        throw .notAFolder(path: argument, reason: "standard output cannot hold a folder")
      }
      path = nil
      return
    }
    let expanded = try Self.expandingTilde(argument, home: home)
    if format.writesFolder || (format.mayWriteFolder && Self.namesFolder(expanded)) {
      try Self.checkFolder(expanded, project: project)
    } else {
      try Self.checkFile(expanded, project: project, example: "export." + format.fileExtension)
    }
    path = expanded
  }

  /// Whether `path` names a folder rather than a file: it ends in `/` or is an existing folder.
  public static func namesFolder(_ path: String) -> Bool {
    if path.hasSuffix("/") { return true }
    if case .folder = FileEntry(path) { return true }
    return false
  }

  /// `~` and `~/…` with the home folder in front, as a shell does; `~user` is refused. `~` alone
  /// becomes the home folder with a `/`, so it still names a folder when the home does not exist.
  static func expandingTilde(_ path: String, home: String?) throws(ExportDestinationError) -> String {
    guard path.hasPrefix("~") else { return path }
    let rest = path.dropFirst()
    guard rest.isEmpty || rest.hasPrefix("/") else {
      throw .tilde(path: path, reason: "only ~ and ~/… are expanded")
    }
    guard let home, home.hasPrefix("/") else {
      throw .tilde(path: path, reason: "HOME is not set to a folder")
    }
    return rest.isEmpty && !home.hasSuffix("/") ? home + "/" : home + rest
  }

  /// Refuses `path` as a single-file destination unless it is new, or a regular file an export
  /// may replace. `example` is the file name suggested when `path` is a folder.
  static func checkFile(_ path: String, project: String?, example: String = "export.jsonl")
    throws(ExportDestinationError)
  {
    let name = (path as NSString).lastPathComponent
    if path.isEmpty || path.hasSuffix("/") || [".", "..", "~"].contains(name) {
      throw .folder(path: path, example: (path.isEmpty ? "." : path as NSString).appendingPathComponent(example))
    }
    try checkNotProtected(path, project: project)
    let entry = FileEntry(path)
    switch entry {
    case .missing:
      return
    case .file:
      if try FileEntry.isDatabase(path) { throw .database(path: path) }
    case .folder:
      throw .folder(path: path, example: (path as NSString).appendingPathComponent(example))
    case .symbolicLink, .other, .unreadable:
      try refuseNeitherFileNorFolder(entry, at: path)
    }
  }

  /// What neither kind of export writes over: links, devices, what cannot be examined.
  private static func refuseNeitherFileNorFolder(_ entry: FileEntry, at path: String) throws(ExportDestinationError) {
    switch entry {
    case .symbolicLink(let target): throw .symbolicLink(path: path, target: target)
    case .other(let kind): throw .notRegularFile(path: path, kind: kind)
    case .unreadable(let reason): throw .cannotWrite(path: path, reason: reason)
    case .missing, .file, .folder: return
    }
  }

  /// Refuses `path` as a folder destination (brat's, HTML's) unless it is a new folder or an empty one.
  static func checkFolder(_ path: String, project: String?) throws(ExportDestinationError) {
    let name = (path as NSString).lastPathComponent
    if path.isEmpty || [".", "..", "~"].contains(name) {
      throw .notAFolder(
        path: path, reason: "the folder is renamed into place when complete, so it needs a name of its own")
    }
    try checkNotProtected(path, project: project, creatingParents: true)
    let entry = FileEntry(path)
    switch entry {
    case .missing:
      return
    case .file:
      if try FileEntry.isDatabase(path) { throw .database(path: path) }
      throw .notAFolder(path: path, reason: "a file")
    case .folder:
      if FileEntry.realPath(path) == FileEntry.realPath(FileManager.default.currentDirectoryPath) {
        throw .notAFolder(path: path, reason: "the current folder cannot be renamed into place")
      }
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
      } catch {
        throw .cannotWrite(path: path, reason: "cannot list the folder")
      }
      if !names.isEmpty { throw .folderNotEmpty(path: path, names: Array(names.prefix(3)), total: names.count) }
    case .symbolicLink, .other, .unreadable:
      try refuseNeitherFileNorFolder(entry, at: path)
    }
  }

  /// Refuses the open project and its companions, by name (even before SQLite creates them) and
  /// by identity (a hard link), and a database's own companions; also a missing parent folder
  /// unless the export creates it (brat does).
  private static func checkNotProtected(_ path: String, project: String?, creatingParents: Bool = false)
    throws(ExportDestinationError)
  {
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    guard let realFolder = FileEntry.realPath(folder) else {
      guard case .missing = FileEntry(folder) else {
        throw .cannotWrite(path: path, reason: "\(folder) is not a folder")
      }
      // Nothing can be in the way inside a folder that does not exist yet.
      if creatingParents { return }
      throw .missingFolder(path: folder)
    }
    let name = (path as NSString).lastPathComponent
    let canonical = (realFolder as NSString).appendingPathComponent(name)
    if let project, let realProject = FileEntry.realPath(project) {
      let companions = FileEntry.companionSuffixes.map { realProject + $0 }
      if companions.contains(canonical) || companions.contains(where: { FileEntry.sameFile($0, path) }) {
        throw .openProject(path: path)
      }
    }
    for suffix in FileEntry.companionSuffixes.dropFirst() where name.hasSuffix(suffix) {
      let base = String(canonical.dropLast(suffix.count))
      if case .file = FileEntry(base), (try? FileEntry.isDatabase(base)) == true { throw .database(path: path) }
    }
  }
}

extension ExportFormat {
  /// The extension a file in this format usually has, for suggestions.
  var fileExtension: String {
    switch self {
    case .json, .w3c, .labelstudio: return "json"
    case .jsonl, .prodigy, .doccano: return "jsonl"
    case .html: return "html"
    case .brat: return "ann"
    }
  }
}
