import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// The one place that turns any error into the line a user reads and the exit code scripts see.
public enum ErrorReport {
  /// Exit code when a command failed.
  public static let commandFailed: Int32 = 1
  /// Exit code when the command line itself was wrong.
  public static let usage: Int32 = 2
  /// Exit code when the project could not be opened.
  public static let projectUnavailable: Int32 = 3

  /// The readable message of any error Hashiya raises.
  /// Every domain error describes itself (CommandError, ImportError, StoreError, SpanError,
  /// SchemaError, FormatError, PluginError…), so one rule serves them all.
  ///
  /// Messages quote what they refuse as an excerpt; as a last guard, a message that still runs
  /// past `longestMessage` characters (a value some error quotes whole) is cut there.
  public static func message(_ error: any Error) -> String {
    Excerpt.of(String(describing: error), limit: longestMessage)
  }

  /// The length past which a message is cut.
  static let longestMessage = 2_000

  /// The message for a terminal: errors quote data, whose control characters are shown escaped.
  public static func terminalMessage(_ error: any Error) -> String {
    message(error).visiblyEscaped
  }

  /// The exit code for an error that ends the program.
  public static func exitCode(_ error: any Error) -> Int32 {
    switch error {
    case is StoreError: return projectUnavailable
    case let interrupted as Interrupted: return SignalHandling.exitCode(for: interrupted.signal)
    default: return commandFailed
    }
  }

  /// The error as a JSON line for `--json` runs; the command is cut to an excerpt, as a command
  /// line can be megabytes long.
  public static func json(_ error: any Error, command: String?) -> JSONValue {
    var object: JSONObject = ["error": .string(message(error))]
    if let command { object["command"] = .string(Excerpt.of(command)) }
    return .object(object)
  }
}
