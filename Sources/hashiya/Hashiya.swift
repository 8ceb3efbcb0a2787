import ArgumentParser
import Foundation
import HashiyaREPL

/// The `hashiya` executable: parses flags, then hands over to the REPL library.
@main
struct Hashiya: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hashiya",
    abstract: "A terminal workbench for annotating reports in Arabic, English or any script.",
    discussion: """
      Without PROJECT, opens the demo project (projects/demo.hashiya), creating it from
      projects/samples the first time. Commands come from -c, from standard input when it
      is not a terminal, or from the interactive prompt. Type "help" inside for the commands.
      """)

  @Argument(help: "The project file to open or create (e.g. team.hashiya).")
  var project: String?

  @Option(help: "Who is annotating (default: $HASHIYA_USER, then the login name).")
  var user: String?

  @Option(name: .customShort("c"), help: "Run these commands (separated by ;) and exit. Repeatable.")
  var commands: [String] = []

  @Flag(help: "Print machine-readable JSON, one document per command.")
  var json = false

  @Option(help: "Also load plugins from this folder (a plugin, or a folder of plugins). Repeatable.")
  var plugins: [String] = []

  func run() throws {
    let options = LaunchOptions(
      project: project, user: user, commands: commands, json: json, pluginDirectories: plugins)
    let code = Launcher.run(options, environment: ProcessInfo.processInfo.environment)
    if code != 0 { throw ExitCode(code) }
  }
}
