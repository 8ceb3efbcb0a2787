import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `save --copy FILE`: a consistent single-file copy of the project, made while others work.
struct SaveCommand: Command {
  let name = "save"
  let synopsis = "--copy FILE"
  let summary = "write a consistent single-file copy of the project (to send or back up)"
  let details = """
    Every change is saved as it is made; save --copy writes the whole project, as of this
    moment, into one new file that can be copied, mailed or merged on another machine, even
    while teammates keep working on the original. FILE must not exist yet. On a team server
    the copy is a project file of the server's project, with its whole history.

    Example:
      save --copy backup-2026-12-03.hashiya
    """
  let completion = CompletionKind.files

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    guard let path = try arguments.takeOption("copy") else {
      throw CommandError.usage(
        command: name, message: "changes are saved as they are made; give --copy FILE to write a copy")
    }
    try arguments.finish()
    if ProjectOpener.isServer(session.store.path) {
      // A server's copy is a project file made table by table from one snapshot.
      guard !ProjectOpener.isServer(path) else {
        throw CommandError.usage(command: name, message: "a copy is a file; clone copies into a server database")
      }
      try ProjectOpener.copy(session.store, to: path)
    } else {
      try session.store.saveCopy(to: path)
    }
    return Message("saved a copy of \(session.store.path) to \(path)", json: .object(["copy": .string(path)]))
  }
}
