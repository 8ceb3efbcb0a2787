import AnnotatorKit

/// What can be wrong with a command line itself, before or while it runs.
public enum CommandError: Error, Equatable, CustomStringConvertible {
  case unknownCommand(String, suggestion: String?)
  case unterminated(kind: String, column: Int)
  case unexpectedQuote(column: Int)
  case badOccurrence(column: Int)
  /// Wrong arguments for a command; the message says what it takes.
  case usage(command: String, message: String)
  case noCurrentReport
  case atEnd(direction: String)
  case noSuggestions
  case noSuchSuggestion(Int, count: Int)

  public var description: String {
    switch self {
    case .unknownCommand(let name, let suggestion):
      let hint = suggestion.map { " — did you mean \"\($0)\"?" } ?? " (type \"help\" for the list)"
      return "unknown command \"\(Excerpt.of(name))\"\(hint)"
    case .unterminated(let kind, let column):
      return "unterminated \(kind) starting at column \(column)"
    case .unexpectedQuote(let column):
      return "unexpected quote at column \(column): put a space before it, or quote the whole word"
    case .badOccurrence(let column):
      return "bad occurrence number at column \(column): write \"text\"#2 for the second occurrence"
    case .usage(let command, let message):
      return "\(command): \(message) (see \"help \(command)\")"
    case .noCurrentReport:
      return "no report is open: import one, or \"show ID\""
    case .atEnd(let direction):
      return "no \(direction) report"
    case .noSuggestions:
      return "no suggestions to choose from: run suggest first"
    case .noSuchSuggestion(let n, let count):
      return "no suggestion \(n): the last suggest listed \(count)"
    }
  }
}
