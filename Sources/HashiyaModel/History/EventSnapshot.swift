import AnnotatorKit

/// The states of annotations and links as the event log records them, and how `undo` and `redo`
/// read them back: the same on every backend, so a log moves between file and server unchanged.
public enum EventSnapshot {
  /// The state of an annotation as an event records it.
  public static func of(_ a: Annotation) -> EventState {
    EventState.object(capacity: 256 + a.quote.utf8.count) { writer in
      writer.field("handle", a.id)
      writer.field("uuid", a.uuid)
      writer.field("report", a.reportID)
      writer.field("layer", a.layer)
      writer.field("label", a.label)
      writer.field("start", a.range.start)
      writer.field("end", a.range.end)
      writer.field("quote", a.quote)
      writer.key("attributes")
      writer.value(.object(a.attributes))
      writer.field("origin", a.origin)
      writer.field("status", a.status.rawValue)
      if !a.fragments.isEmpty {
        writer.key("fragments")
        writer.value(SpanFragment.json(a.fragments))
      }
    }
  }

  /// The state of a link as an event records it.
  public static func of(_ link: AnnotationLink) -> EventState {
    EventState.object(capacity: 160) { writer in
      writer.field("uuid", link.uuid)
      writer.field("type", link.type)
      writer.field("from", link.fromID)
      writer.field("to", link.toID)
      writer.field("status", link.status.rawValue)
    }
  }

  /// Whether the annotation is in the recorded state (nil: it did not exist, so a tombstone is).
  public static func matches(_ annotation: Annotation, _ state: JSONValue?) -> Bool {
    guard let state else { return annotation.status == .deleted }
    return annotation.label == state["label"]?.stringValue
      && annotation.attributes == (state["attributes"]?.objectValue ?? JSONObject())
      && annotation.status == status(of: state)
  }

  /// Puts the annotation back in the recorded state (nil: it did not exist, so it is deleted).
  public static func apply(_ state: JSONValue?, to annotation: inout Annotation) {
    guard let state else {
      annotation.status = .deleted
      return
    }
    annotation.label = state["label"]?.stringValue ?? annotation.label
    annotation.attributes = state["attributes"]?.objectValue ?? JSONObject()
    annotation.status = status(of: state)
  }

  /// An annotation as a replay of `event` leaves it, with the snapshot of it as found; nil when
  /// it no longer holds the state the event moves it from, because someone changed it since.
  package static func replayed(
    _ current: Annotation, by event: ProjectEvent, forward: Bool, at now: String
  ) throws(JSONParseError) -> (found: EventState, replayed: Annotation)? {
    let found = of(current)
    let (expected, target) = event.replayedTexts(forward: forward)
    if let expected {
      // An annotation nobody touched since holds the very state this build logged: equal text
      // settles it without parsing, which was a tenth of undoing `accept all`.
      if expected != found.text, !matches(current, try JSONParser.parse(expected)) { return nil }
    } else if current.status != .deleted {
      return nil
    }
    var replayed = current
    apply(try JSONParser.parse(recorded: target), to: &replayed)
    replayed.updatedAt = now
    return (found, replayed)
  }

  /// The status a recorded state gives (nil: the entity did not exist yet).
  public static func status(of state: JSONValue?) -> Annotation.Status {
    guard let state else { return .deleted }
    return Annotation.Status(rawValue: state["status"]?.stringValue ?? "active") ?? .active
  }

  /// The entities a command's undo reverts: a suggestion decision goes with the annotation its
  /// accept created, and a reject can be taken back on its own.
  public static let undoable: Set<String> = ["annotation", "link", "review-unit", "suggestion"]
  /// The same entities as an SQL list.
  public static let undoableEntities = undoable.sorted().map { "'\($0)'" }.joined(separator: ", ")

  /// The rows of the list of commands undo reads (batch, author, first undoable event, kind) that
  /// the undoable events of `events` kept by `condition` make, as the `SELECT` both stores run.
  /// A command's kind is what `undoStacks` folds: an undo's or redo's events are all of its
  /// action, and no other command logs either.
  public static func commandRows(from events: String, where condition: String) -> String {
    """
    SELECT batch, min(author), min(id),
      CASE min(action) WHEN 'undo' THEN 'undo' WHEN 'redo' THEN 'redo' ELSE 'change' END
    FROM \(events) WHERE \(condition) AND entity IN (\(undoableEntities)) GROUP BY batch
    """
  }

  /// The author's batches that can be undone (oldest first) and those that can be redone, from
  /// each of their batches in log order with the least of its actions (`undo`, `redo` or another).
  public static func undoStacks(_ batches: [(batch: String, action: String)]) -> (done: [String], undone: [String]) {
    var done: [String] = []
    var undone: [String] = []
    for (batch, action) in batches {
      switch action {
      case "undo":
        if let last = done.popLast() { undone.append(last) }
      case "redo":
        if let last = undone.popLast() { done.append(last) }
      default:
        done.append(batch)
        undone.removeAll()
      }
    }
    return (done, undone)
  }
}
