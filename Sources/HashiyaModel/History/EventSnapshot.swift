import AnnotatorKit

/// The states of annotations and links as the event log records them, and how `undo` and `redo`
/// read them back: the same on every backend, so a log moves between file and server unchanged.
public enum EventSnapshot {
  /// The state of an annotation as an event records it.
  public static func of(_ a: Annotation) -> JSONValue {
    var object: JSONObject = [
      "handle": .int(a.id), "uuid": .string(a.uuid), "report": .int(a.reportID), "layer": .string(a.layer),
      "label": .string(a.label), "start": .int(a.range.start), "end": .int(a.range.end), "quote": .string(a.quote),
      "attributes": .object(a.attributes), "origin": .string(a.origin), "status": .string(a.status.rawValue),
    ]
    if !a.fragments.isEmpty { object["fragments"] = SpanFragment.json(a.fragments) }
    return .object(object)
  }

  /// The state of a link as an event records it.
  public static func of(_ link: AnnotationLink) -> JSONValue {
    .object([
      "uuid": .string(link.uuid), "type": .string(link.type), "from": .int(link.fromID), "to": .int(link.toID),
      "status": .string(link.status.rawValue),
    ])
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

  /// The status a recorded state gives (nil: the entity did not exist yet).
  public static func status(of state: JSONValue?) -> Annotation.Status {
    guard let state else { return .deleted }
    return Annotation.Status(rawValue: state["status"]?.stringValue ?? "active") ?? .active
  }

  /// The entities a command's undo reverts, as an SQL list: a suggestion decision goes with the
  /// annotation its accept created, and a reject can be taken back on its own.
  public static let undoableEntities = "'annotation', 'link', 'review-unit', 'suggestion'"

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
