import AnnotatorKit

/// A state an event records (its `before` or `after`), as the JSON text the log stores.
///
/// Snapshots of annotations and links are written straight to text: `accept all` and its undo
/// log millions of them, and building each as a `JSONValue` first cost more than writing it.
public struct EventState: Sendable, Equatable {
  public let text: String

  /// A state given as a JSON value (a decision's, a review unit's, one read back from the log).
  public init(_ value: JSONValue) {
    text = JSONWriter.string(value)
  }

  /// A state already written as JSON text.
  init(text: String) {
    self.text = text
  }

  /// A state written as one JSON object, `members` writing what goes between its braces.
  static func object(capacity: Int, _ members: (inout JSONWriter) -> Void) -> EventState {
    var writer = JSONWriter(capacity: capacity)
    writer.beginObject()
    members(&writer)
    writer.endObject()
    return EventState(text: String(decoding: writer.bytes, as: UTF8.self))
  }
}

extension ProjectEvent {
  /// The recorded states a replay of this event moves its entity between, as JSON text: the one
  /// it must find (`expected`) and the one it leaves (`target`). An undo goes from `after` to
  /// `before`, a redo the other way.
  package func replayedTexts(forward: Bool) -> (expected: String?, target: String?) {
    forward ? (before, after) : (after, before)
  }

  /// The same states, to be logged again verbatim: they need not be parsed and written anew.
  package func replayedStates(forward: Bool) -> (expected: EventState?, target: EventState?) {
    let texts = replayedTexts(forward: forward)
    return (texts.expected.map(EventState.init(text:)), texts.target.map(EventState.init(text:)))
  }

  /// The status a replay of this event moves a link or a review unit to.
  package func replayedStatus(forward: Bool) throws(JSONParseError) -> Annotation.Status {
    EventSnapshot.status(of: try JSONParser.parse(recorded: replayedTexts(forward: forward).target))
  }
}

extension JSONParser {
  /// A recorded state's value; nil when none was recorded (the entity did not exist).
  package static func parse(recorded text: String?) throws(JSONParseError) -> JSONValue? {
    guard let text else { return nil }
    return try parse(text)
  }
}

/// A change handle that logs its events through its `ChangeLedger`, on a file or a server.
package protocol EventLogging {
  /// Logs an event of this change, on its clock and with its batch.
  func appendEvent(
    action: String, entity: String, id: String, report: Int?, before: EventState?, after: EventState?,
    reverts: Int?
  ) throws
}

extension EventLogging {
  /// Logs an event whose states are JSON values.
  package func appendEvent(
    action: String, entity: String, id: String, report: Int?, before: JSONValue?, after: JSONValue?,
    reverts: Int? = nil
  ) throws {
    try appendEvent(
      action: action, entity: entity, id: id, report: report, before: before.map(EventState.init),
      after: after.map(EventState.init), reverts: reverts)
  }
}
