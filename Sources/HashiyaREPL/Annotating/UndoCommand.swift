import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `undo` and `redo`: step back or forward through your own changes, across reports and restarts.
struct UndoCommand: Command {
  let redo: Bool

  var name: String { redo ? "redo" : "undo" }
  let synopsis = ""
  var summary: String {
    redo ? "redo your last undone change" : "undo your last change (yours only, even after a restart)"
  }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    try arguments.finish()
    return ReversalSummary(reversal: try Self.reverse(redo: redo, in: session))
  }

  /// Undoes (or redoes) the user's last change. The numbers of the last `suggest` stay valid:
  /// a candidate's state is read from the decisions, so what was undone is open again.
  static func reverse(redo: Bool, in session: Session) throws -> Reversal {
    redo ? try session.store.redo(author: session.user) : try session.store.undo(author: session.user)
  }
}

/// The line an `undo` or `redo` prints, and its JSON, written as a stream: every handle, however many.
struct ReversalSummary: CommandOutput {
  var reversal: Reversal

  var json: JSONValue {
    .object([
      "action": .string(reversal.action), "of": .string(reversal.originalAction),
      "handles": .array(reversal.handles.sorted.map(JSONValue.int)),
    ])
  }

  func text(_ style: TextStyle) -> String {
    let handles = HandleSummary.text(reversal.handles)
    return "\(reversal.action) of \(reversal.originalAction)\(handles.isEmpty ? "" : " on " + handles)"
      .visiblyEscaped
  }

  func writeJSON(_ writer: inout JSONWriter) {
    writer.beginObject()
    writer.field("action", reversal.action)
    writer.field("of", reversal.originalAction)
    writer.numbers("handles", reversal.handles)
    writer.endObject()
  }
}
