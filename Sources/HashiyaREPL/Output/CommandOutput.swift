import AnnotatorKit

/// What a command prints: JSON for machines, styled text for people.
public protocol CommandOutput {
  var json: JSONValue { get }
  func text(_ style: TextStyle) -> String
  /// Writes the JSON form; outputs that can be huge stream it instead of building `json`.
  func writeJSON(_ writer: inout JSONWriter)
}

extension CommandOutput {
  public func writeJSON(_ writer: inout JSONWriter) {
    writer.value(json)
  }
}

/// An output that also carries failures (`check` finding problems, a plugin failing during
/// `suggest`): the runner prints the output, then each failure as an error on standard error,
/// and the command counts as failed.
public protocol FailingOutput {
  var failures: [String] { get }
}

/// One failure a command reported alongside its output.
struct ReportedFailure: Error, CustomStringConvertible {
  var description: String
}

/// The output of a command whose result already went to standard output (`export -`).
public struct SilentOutput: CommandOutput {
  public init() {}
  public var json: JSONValue { .null }
  public func text(_ style: TextStyle) -> String { "" }
}

/// A one-line message with an optional JSON payload; its text is plain (it may quote data, which
/// is shown escaped).
public struct Message: CommandOutput {
  public var line: String
  public var payload: JSONValue

  public init(_ line: String, json: JSONValue? = nil) {
    self.line = line
    self.payload = json ?? .object(["message": .string(line)])
  }

  public var json: JSONValue { payload }
  public func text(_ style: TextStyle) -> String { line.visiblyEscaped }
}
