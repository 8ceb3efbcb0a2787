import Foundation
import HashiyaAnnotating
import HashiyaModel
import HashiyaStore

/// `open FILE`: switches to another project file, creating it if needed.
struct OpenCommand: Command {
  let name = "open"
  let synopsis = "FILE"
  let summary = "open (or create) another project file"
  let details = """
    The session starts afresh on it: its own plugins (beside the file, yours, and --plugins
    folders), its first report, and no pending suggestions, review queue or @ from before.
    A number (open 12) is refused with a pointer to show 12, unless such a file exists.
    """
  let completion = CompletionKind.files

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    guard let path = try arguments.takePositional() else {
      throw CommandError.usage(command: name, message: "name the project file")
    }
    try arguments.finish()
    // `open 12` is more likely a report than a new project called "12": only a name that says it
    // is a project (or a file already there) is created.
    if Int(path.replacingOccurrences(of: "#", with: "")) != nil, !FileManager.default.fileExists(atPath: path) {
      throw CommandError.usage(
        command: name,
        message: "\"\(path.visiblyEscaped)\" is not a project file: show \(path.visiblyEscaped) opens that report; "
          + "a new project needs a name like \(path.visiblyEscaped).hashiya")
    }
    let store = try ProjectStore.open(path: path)
    // Another project has its own team: the user must be one of it, perhaps spelt differently.
    let member = try store.admit(session.user)
    let plugins = Launcher.loadPlugins(project: path, extra: session.extraPluginFolders)
    session.open(
      store, catalog: LayerCatalog(plugins: plugins.plugins, failures: plugins.failures), user: member.name)
    let count = try session.store.reportCount()
    return Message(
      "opened \(path) (\(count) report\(count == 1 ? "" : "s"))",
      json: .object(["project": .string(path), "reports": .int(count)]))
  }
}
