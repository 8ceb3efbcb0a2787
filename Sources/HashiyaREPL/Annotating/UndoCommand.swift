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
    let reversal = try Self.reverse(redo: redo, in: session)
    let handles = HandleSummary.text(reversal.handles)
    return Message(
      "\(reversal.action) of \(reversal.originalAction)\(handles.isEmpty ? "" : " on " + handles)",
      json: .object([
        "action": .string(reversal.action), "of": .string(reversal.originalAction),
        "handles": .array(reversal.handles.map(JSONValue.int)),
      ]))
  }

  /// Undoes (or redoes) the user's last change. The numbers of the last `suggest` stay valid:
  /// a candidate's state is read from the decisions, so what was undone is open again.
  static func reverse(redo: Bool, in session: Session) throws -> Reversal {
    redo ? try session.store.redo(author: session.user) : try session.store.undo(author: session.user)
  }
}
