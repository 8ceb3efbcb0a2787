import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `blame #ID`: who is responsible for each part of an annotation as it stands.
struct BlameCommand: Command {
  let name = "blame"
  let synopsis = "#ID"
  let summary = "who created an annotation and who last set its label and each attribute"

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let handle = try arguments.takeHandle()
    try arguments.finish()
    let annotation = try session.visibleAnnotation(handle)
    let events = try session.store.history(ofAnnotation: handle).filter { $0.entity == "annotation" }
    var lines: [(part: String, value: String, author: String, at: String)] = []
    if let created = events.first {
      lines.append(("created", annotation.origin, created.author, created.at))
    }
    func lastSetter(_ changed: (JSONValue?, JSONValue?) -> Bool) -> ProjectEvent? {
      events.last { event in
        let before = event.before.flatMap { try? JSONParser.parse($0) }
        let after = event.after.flatMap { try? JSONParser.parse($0) }
        return changed(before, after)
      }
    }
    if let event = lastSetter({ $0?["label"] != $1?["label"] }) {
      lines.append(("label", annotation.label, event.author, event.at))
    }
    for (key, value) in annotation.attributes.pairs {
      if let event = lastSetter({ $0?["attributes"]?[key] != $1?["attributes"]?[key] }) {
        lines.append((key, AnnotationList.plain(value), event.author, event.at))
      }
    }
    if let event = lastSetter({ $0?["status"] != $1?["status"] }), events.count > 1 {
      lines.append(("status", annotation.status.rawValue, event.author, event.at))
    }
    // Why the annotation is as it is belongs beside who made it so: the reviewers' comments.
    for comment in try session.store.comments(onAnnotation: handle) {
      lines.append(("comment (\(comment.kind))", comment.comment, comment.author, comment.at))
    }
    return Blame(handle: handle, lines: lines)
  }
}

/// The result of `blame`.
struct Blame: CommandOutput {
  var handle: Int
  var lines: [(part: String, value: String, author: String, at: String)]

  var json: JSONValue {
    .object([
      "handle": .int(handle),
      "parts": .array(
        lines.map {
          .object([
            "part": .string($0.part), "value": .string($0.value), "author": .string($0.author), "at": .string($0.at),
          ])
        }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    Table(
      header: ["#\(handle)", "value", "by", "when (UTC)"],
      rows: lines.map {
        [
          $0.part.visiblyEscaped, BidiIsolation.isolate($0.value), $0.author.visiblyEscaped,
          String($0.at.prefix(19)).visiblyEscaped,
        ]
      }
    ).render(style)
  }
}
