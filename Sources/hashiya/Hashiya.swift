import ArgumentParser
import Foundation
import HashiyaREPL

/// The `hashiya` executable: parses flags, then hands over to the REPL library.
@main
struct Hashiya: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hashiya",
    abstract: "A terminal workbench for annotating reports in Arabic or any script.",
    // Lines stay under 80 columns: the parser folds longer ones at 80, leaving a word or two
    // alone on a line.
    discussion: """
      Without PROJECT, opens the demo project (projects/demo.hashiya), creating it
      from projects/samples the first time, or $HASHIYA_DATABASE_URL when set.
      PROJECT is a file, or a team server: postgresql://[user@]host[:port]/db or a
      libpq keyword string ('host=… dbname=…'). "hashiya init postgresql:///db"
      creates a project in an empty database; the server decides who you are.
      "hashiya clone SOURCE COPY" copies a whole project, file or server, into a new
      file or an empty server database; the copies merge later with "merge". Commands come from -c, from the words
      after PROJECT (hashiya team.hashiya check), from standard input when it is
      not a terminal, or from the interactive prompt. Type "help" inside for the
      commands.

      Exit status: 0 when every command succeeded, 1 when one failed, 2 for a
      wrong command line, 3 when the project cannot be opened, 128+N when signal
      N ended the run (130 for Ctrl-C in a batch run, 143 for SIGTERM).
      """)

  /// Parses the command line and runs; a wrong command line exits with 2, as the README says,
  /// rather than the argument parser's 64.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(ErrorReport.usage)
      }
      exit(withError: error)
    }
  }

  @Argument(help: "The project file to open or create (team.hashiya), or a server (postgresql://…).")
  var project: String?

  /// The words after PROJECT that are not Hashiya's own options: one more command line, so
  /// `hashiya team.hashiya show 3 --tokens` runs `show 3 --tokens`.
  @Argument(
    parsing: .allUnrecognized,
    help: "A command to run after the -c ones, its words joined by spaces as -c takes them.")
  var command: [String] = []

  @Option(help: "Who is annotating (default: $HASHIYA_USER, then the login name).")
  var user: String?

  @Option(name: .customShort("c"), help: "Run these commands (separated by ;) and exit. Repeatable.")
  var commands: [String] = []

  @Flag(help: "Print machine-readable JSON, one document per command.")
  var json = false

  @Option(help: "Also load plugins from this folder (a plugin, or a folder of plugins). Repeatable.")
  var plugins: [String] = []

  @Option(
    help: """
      Bidi isolates around Arabic and Latin runs: auto (only on a terminal), always, or never \
      (plain text for files and pipes).
      """)
  var bidi: BidiMode = .auto

  func validate() throws {
    if let first = command.first, first.hasPrefix("-") {
      throw ValidationError("Unknown option '\(first)'")
    }
  }

  func run() throws {
    // `init` and `clone` make projects rather than open one.
    if project == "init" || project == "clone" {
      let code =
        project == "init"
        ? Launcher.initialize(command.first, json: json)
        : Launcher.clone(command.first, to: command.dropFirst().first, json: json)
      if code != 0 { throw ExitCode(code) }
      return
    }
    let lines = commands + (command.isEmpty ? [] : [command.joined(separator: " ")])
    let options = LaunchOptions(
      project: project, user: user, commands: lines, json: json, pluginDirectories: plugins, bidi: bidi)
    let code = Launcher.run(options, environment: ProcessInfo.processInfo.environment)
    if code != 0 { throw ExitCode(code) }
  }
}

extension BidiMode: ExpressibleByArgument {}
