import AnnotatorKit
import Foundation
import HashiyaAnnotating
import HashiyaFormats
import HashiyaModel
import HashiyaPlugins
import HashiyaStore

/// Starts Hashiya: opens the project, then runs `-c` commands, piped commands or the prompt.
public enum Launcher {
  /// Runs to completion and returns the process exit code.
  ///
  /// A signal ends the run through this same path, so the project is closed as `quit` closes it:
  /// SIGTERM and SIGHUP with 128 plus the signal's number, Ctrl-C in a batch run with 130.
  public static func run(_ options: LaunchOptions, environment: [String: String]) -> Int32 {
    SignalHandling.install()
    // An export stopped by a signal removes its own temporary as it fails; this also covers one
    // that a signal ends the program during.
    SignalHandling.onInterruption { ExportTemporaries.removeAll() }
    let stdinIsTerminal = isatty(STDIN_FILENO) == 1
    let style = TextStyle.detect(isTerminal: isatty(STDOUT_FILENO) == 1, environment: environment, bidi: options.bidi)
    let declared =
      options.user ?? environment["HASHIYA_USER"].flatMap { $0.isEmpty ? nil : $0 } ?? loginName(environment)
    let store: any ProjectStoring
    let user: String
    do {
      store = try openProject(
        options.project ?? environment["HASHIYA_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 },
        quiet: options.json || !options.commands.isEmpty, json: options.json)
      if let authenticated = store.authenticatedUser {
        // On a server the user is whom the server authenticated; a different name is refused
        // rather than quietly ignored.
        if let asked = options.user, asked != authenticated {
          throw LaunchError.userOnServer(asked: asked, authenticated: authenticated)
        }
        user = try store.admit(authenticated).name
      } else {
        // Identity on a file is declared, not authenticated: it is at least one known spelling.
        user = try store.admit(declared).name
      }
    } catch {
      let line =
        options.json
        ? JSONWriterLine.error(error) : style.red("error: ") + ErrorReport.terminalMessage(error)
      FileHandle.standardError.write(Data((line + "\n").utf8))
      return error is TeamError || error is LaunchError ? ErrorReport.usage : ErrorReport.exitCode(error)
    }
    SignalHandling.setInterrupter { store.interrupt() }
    defer { SignalHandling.setInterrupter(nil) }
    let batch = !options.commands.isEmpty || !stdinIsTerminal
    let extraPlugins = options.pluginDirectories + demoPluginFolders(options)
    let plugins = loadPlugins(project: ProjectOpener.pluginRoot(of: store.path), extra: extraPlugins)
    let catalog = LayerCatalog(plugins: plugins.plugins, failures: plugins.failures)
    let session = Session(
      store: store, user: user, commandsFromStandardInput: options.commands.isEmpty && batch, catalog: catalog)
    session.extraPluginFolders = extraPlugins
    session.style = style
    defer { session.shutdown() }
    session.currentReportID = try? store.firstReportID()
    if isatty(STDERR_FILENO) == 1 && !options.json {
      session.importProgress = ProgressBar().update
    }
    // At the prompt, output taller than the screen goes through a pager; never in batch or JSON.
    let runner =
      batch || options.json
      ? CommandRunner(session: session, json: options.json, style: style)
      : CommandRunner(session: session, json: options.json, style: style, write: Pager(environment: environment).write)
    runner.reportsTiming = environment["HASHIYA_TIMING"] == "1"
    if isatty(STDOUT_FILENO) == 1 && !options.json {
      runner.columns = { Pager.terminalSize().map(\.columns) }
    }
    if !options.commands.isEmpty {
      for line in options.commands where !session.wantsToQuit && SignalHandling.pendingSignal == nil {
        runner.run(line: line)
      }
    } else if !stdinIsTerminal {
      var lines = CommandLines()
      while !session.wantsToQuit, SignalHandling.pendingSignal == nil, let line = lines.next() {
        runner.run(line: line)
      }
    } else {
      let reports = (try? store.reportCount()) ?? 0
      let banner =
        style.bold("Hashiya")
        + style.dim(
          " — \(store.path.visiblyEscaped), \(reports) report\(reports == 1 ? "" : "s"), annotating as \(user.visiblyEscaped). Type help, or quit."
        )
      print(TextWrap.fit(banner, width: runner.columns()))
      if !plugins.failures.isEmpty {
        print(style.yellow("\(plugins.failures.count) plugin(s) failed to load: see \"plugins\""))
      }
      InteractiveLoop(runner: runner, historyPath: InteractiveLoop.historyPath(user: user, environment: environment))
        .run()
    }
    // Ctrl-C at the prompt was handled there; any other signal ends the run.
    if let signal = SignalHandling.pendingSignal, batch || signal != SIGINT {
      SignalHandling.runCleanups()
      return SignalHandling.exitCode(for: signal)
    }
    return runner.failures == 0 ? 0 : ErrorReport.commandFailed
  }

  /// The built-in annotators, then the plugins beside the project, in the user's folder and in
  /// `--plugins` folders.
  ///
  /// Only folders are searched: nothing is ever loaded from the project file.
  static func loadPlugins(project: String, extra: [String]) -> PluginLoadResult {
    let folder = (project as NSString).deletingLastPathComponent
    let root = folder.isEmpty ? "." : folder
    var result = BuiltinAnnotators.load(glossaries: BuiltinAnnotators.glossaryPaths(projectRoot: root))
    let builtins = result.plugins.map(\.annotator)
    let reserved = CommandRegistry.reservedNames.union(builtins.flatMap { $0.commands.map(\.name) })
    let found = PluginLoader(
      searchDirectories: PluginLoader.standardDirectories(projectRoot: root, extra: extra),
      reservedCommandNames: reserved, reservedIDs: Set(builtins.map(\.id))
    ).load()
    result.plugins += found.plugins
    result.failures += found.failures
    return result
  }

  /// The demo also offers the example plugins of the checkout.
  static func demoPluginFolders(_ options: LaunchOptions) -> [String] {
    guard options.project == nil, let projects = DemoProject.locateProjectsFolder() else { return [] }
    let examples = (projects as NSString).deletingLastPathComponent + "/plugins/examples"
    return FileManager.default.fileExists(atPath: examples) ? [examples] : []
  }

  /// Opens the named project, or the demo project (created from the samples on first use).
  ///
  /// Updating a file of an earlier version is announced even to batch runs, which would otherwise
  /// wait in silence; only `--json` keeps standard error to its JSON lines.
  static func openProject(_ path: String?, quiet: Bool, json: Bool) throws -> any ProjectStoring {
    let toStandardError = { (line: String) in FileHandle.standardError.write(Data((line + "\n").utf8)) }
    if let path { return try ProjectOpener.open(path, announce: json ? nil : toStandardError) }
    guard let projects = DemoProject.locateProjectsFolder() else {
      throw DemoProject.Failure.samplesNotFound
    }
    return try DemoProject.open(in: projects, announce: quiet ? nil : toStandardError)
  }

  static func loginName(_ environment: [String: String]) -> String {
    if let name = getlogin().map({ String(cString: $0) }), !name.isEmpty { return name }
    if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
    return environment["USER"] ?? "anonymous"
  }
}

/// Formats an error as the JSON line `--json` runs print on standard error.
enum JSONWriterLine {
  static func error(_ error: any Error) -> String {
    JSONWriter.string(ErrorReport.json(error, command: nil))
  }
}
