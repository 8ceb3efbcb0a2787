import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `history [#ID]`: the event log of one annotation, or the project's latest events.
struct HistoryCommand: Command {
  let name = "history"
  let synopsis = "[#ID] [--limit N]"
  let summary = "who changed what and when: one annotation, or the latest events"
  let details = """
    Without #ID, the project's latest 20 events (--limit N for more or fewer); with #ID, that
    annotation's whole history, or its latest N events with --limit N, followed by the comments
    on it: the review decision's that made it (for an adjudicated annotation) and reviewers'
    approve and flag comments (in --json, entries with "entity": "comment"). An annotator
    working blind sees only their own events, and the history of annotations they may see.
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let limit = try arguments.takeIntOption("limit")
    let events: [ProjectEvent]
    var comments: [EventList.Comment] = []
    if arguments.isEmpty {
      let access = try session.access()
      events = try session.store.recentEvents(limit: limit ?? 20, author: access.isRestricted ? session.user : nil)
    } else {
      let handle = try arguments.takeHandle()
      try arguments.finish()
      _ = try session.visibleAnnotation(handle)
      // One annotation's whole history by default; --limit keeps its latest events.
      let all = try session.store.history(ofAnnotation: handle)
      events = limit.map { Array(all.suffix($0)) } ?? all
      comments = try session.store.comments(onAnnotation: handle)
    }
    return EventList(events: events, comments: comments)
  }
}

/// Events as a table: when, who, what, and what changed.
struct EventList: CommandOutput {
  /// A review comment on the annotation whose history is shown.
  typealias Comment = (kind: String, author: String, at: String, comment: String)

  var events: [ProjectEvent]
  var comments: [Comment] = []

  var json: JSONValue {
    .array(
      events.map { event in
        .object([
          "id": .int(event.id), "at": .string(event.at), "author": .string(event.author),
          "action": .string(event.action), "entity": .string(event.entity),
          "entityId": event.entityID.map(JSONValue.string) ?? .null,
          "report": event.reportID.map(JSONValue.int) ?? .null,
          "before": event.before.flatMap { try? JSONParser.parse($0) } ?? .null,
          "after": event.after.flatMap { try? JSONParser.parse($0) } ?? .null,
          "reverts": event.reverts.map(JSONValue.int) ?? .null, "batch": .string(event.batch),
        ])
      }
        + comments.map {
          .object([
            "entity": "comment", "action": .string($0.kind), "author": .string($0.author), "at": .string($0.at),
            "comment": .string($0.comment),
          ])
        })
  }

  func text(_ style: TextStyle) -> String {
    guard !events.isEmpty else { return "no events" }
    let rows = events.map { event in
      [
        String(event.id), String(event.at.prefix(19)).replacingOccurrences(of: "T", with: " ").visiblyEscaped,
        event.author.visiblyEscaped, event.action.visiblyEscaped + (event.reverts.map { " (of \($0))" } ?? ""),
        event.entity.visiblyEscaped,
        BidiIsolation.isolate(Self.summary(event)),
      ]
    }
    let table = Table(
      header: ["event", "when (UTC)", "who", "action", "entity", "change"], rows: rows, rightAligned: [0]
    ).render(style)
    guard !comments.isEmpty else { return table }
    let lines = comments.map {
      "  \(String($0.at.prefix(19)).replacingOccurrences(of: "T", with: " ").visiblyEscaped) "
        + "\($0.author.visiblyEscaped) (\($0.kind.visiblyEscaped)): " + BidiIsolation.isolate($0.comment)
    }
    return ([table, "comments:"] + lines).joined(separator: "\n")
  }

  /// A one-line account of what an event changed.
  static func summary(_ event: ProjectEvent) -> String {
    let before = event.before.flatMap { try? JSONParser.parse($0) }
    let after = event.after.flatMap { try? JSONParser.parse($0) }
    switch event.entity {
    case "annotation":
      guard let after else { return "" }
      let handle = after["handle"]?.intValue.map { "#\($0) " } ?? ""
      let label = after["label"]?.stringValue ?? ""
      guard let before else { return "\(handle)\(label) «\(after["quote"]?.stringValue ?? "")»" }
      return handle + AnnotationChangeSummary.describe(before: before, after: after)
    case "link":
      guard let after else { return "" }
      return "\(after["type"]?.stringValue ?? "") #\(after["from"]?.intValue ?? 0) → #\(after["to"]?.intValue ?? 0)"
        + (after["status"]?.stringValue == "deleted" ? " removed" : "")
    case "reports":
      return "\(after?["reports"]?.arrayValue?.count ?? 0) reports from \(after?["source"]?.stringValue ?? "?")"
    default:
      return event.entityID ?? ""
    }
  }
}

/// Describes the difference between two recorded states of an annotation.
enum AnnotationChangeSummary {
  static func describe(before: JSONValue, after: JSONValue) -> String {
    var parts: [String] = []
    if before["status"] != after["status"] {
      parts.append(after["status"]?.stringValue == "deleted" ? "deleted" : "restored")
    }
    if before["label"] != after["label"] {
      parts.append("label \(before["label"]?.stringValue ?? "") → \(after["label"]?.stringValue ?? "")")
    }
    let old = before["attributes"]?.objectValue ?? JSONObject()
    let new = after["attributes"]?.objectValue ?? JSONObject()
    for key in Set(old.keys + new.keys).sorted() where old[key] != new[key] {
      let was = old[key].map(AnnotationList.plain) ?? "∅"
      let now = new[key].map(AnnotationList.plain) ?? "∅"
      parts.append("\(key): \(was) → \(now)")
    }
    return parts.isEmpty ? "no change" : parts.joined(separator: ", ")
  }
}
