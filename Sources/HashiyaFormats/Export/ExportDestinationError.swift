/// Why an export will not write where it was asked to: what is in the way, and what to do instead.
public enum ExportDestinationError: Error, Equatable, CustomStringConvertible {
  /// A single-file format was given a folder: an existing one, or a path ending in `/`, `.`, `..`
  /// or `~`. `example` is a file name in it to suggest.
  case folder(path: String, example: String)
  /// The open project, or its write-ahead log, shared-memory index or journal.
  case openProject(path: String)
  /// An SQLite database (another project, perhaps), its write-ahead log or its journal.
  case database(path: String)
  /// A symbolic link: an export writes neither through it nor over it.
  case symbolicLink(path: String, target: String)
  /// A fifo, device, socket or other file that is not a regular file.
  case notRegularFile(path: String, kind: String)
  /// A folder export (brat, HTML of several reports) was given a file, standard output, or a
  /// name like `.` or `..`.
  case notAFolder(path: String, reason: String)
  /// A folder export writes into a new or empty folder; this one holds `names` (the first few)
  /// of `total`.
  case folderNotEmpty(path: String, names: [String], total: Int)
  /// The folder to write in does not exist.
  case missingFolder(path: String)
  /// `~user` or `~` without a home folder.
  case tilde(path: String, reason: String)
  /// The file system refused: permissions, a full disk, a file too large…
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .folder(let path, let example):
      return "\(path): a folder, and this format writes one file; name a file in it, e.g. \(example) "
        + "(only --format brat and html write a folder)"
    case .openProject(let path):
      return "\(path): belongs to the open project, which export never overwrites; name another file"
    case .database(let path):
      return "\(path): an SQLite database (a project?) or its log, which export never overwrites; name another file"
    case .symbolicLink(let path, let target):
      return "\(path): a symbolic link to \(target); export writes neither through nor over a link: "
        + "name the file itself, or remove the link"
    case .notRegularFile(let path, let kind):
      return "\(path): a \(kind), not a regular file; export to a file, or to - for standard output"
    case .notAFolder(let path, let reason):
      return "\(path): \(reason); this export writes a folder: name a new or empty one, e.g. out/"
    case .folderNotEmpty(let path, let names, let total):
      let more = total > names.count ? " and \(total - names.count) more" : ""
      return "\(path): the folder is not empty (\(names.joined(separator: ", "))\(more)); "
        + "a folder export writes into a new or empty folder: name another"
    case .missingFolder(let path):
      return "the folder \(path) does not exist"
    case .tilde(let path, let reason):
      return "\(path): \(reason); write the folder in full"
    case .cannotWrite(let path, let reason):
      return "\(path): cannot write (\(reason))"
    }
  }
}
