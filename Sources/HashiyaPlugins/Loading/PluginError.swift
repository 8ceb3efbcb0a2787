/// Why a plugin could not be loaded or could not answer; every case names the file or the plugin.
public enum PluginError: Error, Equatable, CustomStringConvertible {
  /// A `plugin.json` (or a file it names) that cannot be used: `path` is the file, `problem` says why.
  case manifest(path: String, problem: String)
  /// A second plugin with an id that is already taken.
  case duplicateID(id: String, path: String, loadedFrom: String)
  /// The plugin's program could not be started.
  case launchFailed(plugin: String, reason: String)
  /// The process exited while the host was waiting for an answer.
  case crashed(plugin: String, status: String, stderr: [String])
  /// The process did not answer within its timeout and was killed.
  case timedOut(plugin: String, seconds: Double, waitingFor: String)
  /// The process wrote something that is not a valid message of the protocol.
  case protocolViolation(plugin: String, problem: String)
  /// The plugin answered a request with an `error` message.
  case reported(plugin: String, message: String)
  /// One suggestion of a well-formed answer does not fit the report or the schema.
  case badSuggestion(plugin: String, report: Int, index: Int, problem: String)

  public var description: String {
    switch self {
    case .manifest(let path, let problem):
      return "\(path): \(problem)"
    case .duplicateID(let id, let path, let loadedFrom):
      return "\(path): id \(id) already loaded from \(loadedFrom)"
    case .launchFailed(let plugin, let reason):
      return "plugin \(plugin): cannot start: \(reason)"
    case .crashed(let plugin, let status, let stderr):
      let tail = stderr.isEmpty ? " (nothing on stderr)" : ":\n" + stderr.map { "  \($0)" }.joined(separator: "\n")
      return "plugin \(plugin): process \(status) during a request\(tail)"
    case .timedOut(let plugin, let seconds, let waitingFor):
      return "plugin \(plugin): no answer to \(waitingFor) within \(Self.show(seconds)) s; the process was stopped"
    case .protocolViolation(let plugin, let problem):
      return "plugin \(plugin): protocol error: \(problem)"
    case .reported(let plugin, let message):
      return "plugin \(plugin) reported an error: \(message)"
    case .badSuggestion(let plugin, let report, let index, let problem):
      return "plugin \(plugin): report \(report), suggestion \(index): \(problem)"
    }
  }

  /// The plugin or file the error is about, for grouping messages in the REPL.
  public var subject: String {
    switch self {
    case .manifest(let path, _), .duplicateID(_, let path, _): return path
    case .launchFailed(let plugin, _), .crashed(let plugin, _, _), .timedOut(let plugin, _, _),
      .protocolViolation(let plugin, _), .reported(let plugin, _), .badSuggestion(let plugin, _, _, _):
      return plugin
    }
  }

  private static func show(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }
}
