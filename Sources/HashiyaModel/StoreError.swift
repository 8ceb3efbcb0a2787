/// Everything that can go wrong while opening or changing a project file.
public enum StoreError: Error, Equatable, CustomStringConvertible {
  /// The folder that should hold the project does not exist.
  case missingFolder(path: String)
  /// The file exists but is not a Hashiya project (another SQLite file, or not SQLite at all).
  case notAProject(path: String, reason: String)
  /// The project was written by a newer Hashiya whose schema this build does not know.
  case newerSchema(path: String, found: Int, supported: Int)
  /// The project cannot be opened or read.
  case cannotOpen(path: String, reason: String)
  /// No report has this id.
  case noSuchReport(id: Int)
  /// A report with this uid already exists with a different text.
  case uidConflict(uid: String, existingID: Int)
  /// No annotation has this handle.
  case noSuchAnnotation(id: Int)
  /// The annotation was deleted; its history remains.
  case annotationDeleted(id: Int)
  /// No link has this id.
  case noSuchLink(id: Int)
  /// No open merge conflict has this number.
  case noSuchConflict(id: Int)
  /// The user has nothing left to undo or redo.
  case nothingTo(action: String, user: String)
  /// Someone changed the annotation after the change being undone or redone.
  case changedSince(action: String, handle: Int, by: String)
  /// A report in an imported or merged file has the uid of a report here but another text.
  case reportTextDiffers(uid: String, existingID: Int)
  /// A link or review names an annotation the file does not contain.
  case unknownAnnotationKey(String, location: String)
  /// A stored row breaks an invariant Hashiya keeps (possible only in a file changed outside
  /// Hashiya, or by a damaged disk): `what` names it, e.g. "annotation #12 on report #3".
  case damaged(what: String, reason: String)
  /// The file fails SQLite's own integrity check, or its schema is not the one its version implies.
  case damagedFile(path: String, problems: String)
  /// A lower-level database failure, with the operation that failed.
  case database(operation: String, message: String)
  /// The project's backend cannot do this yet; nothing was changed.
  case unsupported(what: String, path: String)

  public var description: String {
    switch self {
    case .missingFolder(let path):
      return "cannot create project \(path): the folder does not exist"
    case .notAProject(let path, let reason):
      return "\(path) is not a Hashiya project (\(reason)); it was left untouched"
    case .newerSchema(let path, let found, let supported):
      return
        "\(path) was written by a newer Hashiya (schema \(found), this build knows up to \(supported)); it was left untouched"
    case .cannotOpen(let path, let reason):
      return "cannot open \(path): \(reason)"
    case .noSuchReport(let id):
      return "no report #\(id)"
    case .uidConflict(let uid, let existingID):
      return "report id \"\(uid)\" already exists as #\(existingID) with a different text"
    case .noSuchAnnotation(let id):
      return "no annotation #\(id)"
    case .annotationDeleted(let id):
      return "annotation #\(id) was deleted (see \"history #\(id)\")"
    case .noSuchLink(let id):
      return "no link \(id)"
    case .noSuchConflict(let id):
      return "no open merge conflict \(id) (conflicts lists them)"
    case .nothingTo(let action, let user):
      return "nothing to \(action) for \(user)"
    case .changedSince(let action, let handle, let by):
      return "cannot \(action): #\(handle) was changed since by \(by); undo that first or edit it by hand"
    case .reportTextDiffers(let uid, let existingID):
      return "report \"\(uid)\" has a different text here (#\(existingID)); it was left as it is"
    case .unknownAnnotationKey(let key, let location):
      return "\(location): refers to an annotation \"\(key)\" that is not in the file"
    case .damaged(let what, let reason):
      return "\(what) is damaged: \(reason) (the file was changed outside Hashiya; \"check\" lists every problem)"
    case .damagedFile(let path, let problems):
      return
        "\(path) is damaged (\(problems)); nothing was written to it. \"hashiya \(path) check\" lists the problems"
    case .database(let operation, let message):
      return "\(operation) failed: \(message)"
    case .unsupported(let what, let path):
      return "\(what) is not supported yet for \(path); nothing was changed"
    }
  }
}
