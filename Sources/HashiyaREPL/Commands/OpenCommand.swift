import Foundation
import HashiyaAnnotating
import HashiyaModel
import HashiyaStore

/// `open FILE`: switches to another project file, creating it if needed.
struct OpenCommand: Command {
  let name = "open"
  let synopsis = "FILE | postgresql://…"
  let summary = "open (or create) another project file, or a team server's project"
  let details = """
    The session starts afresh on it: its own plugins (beside the file, yours, and --plugins
    folders), its first report, and no pending suggestions, review queue or @ from before.
    A number (open 12) is refused with a pointer to show 12, unless such a file exists.
    A server is named by its address: open postgresql://db.example/newsroom
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
    let store = try ProjectOpener.open(path)
    // Another project has its own team: the user must be one of it, perhaps spelt differently;
    // on a server, the user is whom the server authenticated.
    let user = try store.admit(store.authenticatedUser ?? session.user).name
    let plugins = Launcher.loadPlugins(project: ProjectOpener.pluginRoot(of: path), extra: session.extraPluginFolders)
    session.open(store, catalog: LayerCatalog(plugins: plugins.plugins, failures: plugins.failures), user: user)
    let count = try session.store.reportCount()
    return Message(
      "opened \(store.path) (\(count) report\(count == 1 ? "" : "s"))",
      json: .object(["project": .string(store.path), "reports": .int(count)]))
  }
}
