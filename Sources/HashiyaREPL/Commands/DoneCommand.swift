import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `done [REPORT] [--layer L] [--undo]`: closes (or reopens) my assignment on a report.
struct DoneCommand: Command {
  let name = "done"
  let synopsis = "[REPORT] [--layer L] [--undo]"
  let summary = "mark my assignment on a report finished (--undo reopens it)"
  let details = """
    Marks your assignment on REPORT (the current report by default) done, now: it
    leaves what next, prev and reports --todo show you. With --layer L only your
    assignment on that layer is closed; without it, all of yours on the report.
    --undo reopens them. Each change is recorded in the history and travels with
    merge: of a marking and a reopening, the later one stands on every copy.
    """
  var completion: CompletionKind { .reportIDs }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let layer = try arguments.takeOption("layer")
    let undo = arguments.takeFlag("undo")
    let id = try arguments.takeReportID()
    try arguments.finish()
    let report = try session.report(id)
    let changed = try session.store.setDone(!undo, reportID: report.id, annotator: session.user, layer: layer)
    let left = try session.store.assignedReports(to: session.user, layer: layer, openOnly: true).count
    let total = try session.store.assignedReports(to: session.user, layer: layer, openOnly: false).count
    let verb = undo ? "reopened" : "done"
    let line =
      changed == 0
      ? "report #\(report.id) was already \(undo ? "open" : "done")"
      : "report #\(report.id) \(verb)" + (layer.map { " on layer \($0)" } ?? "")
    return Message(
      line + " — \(left) of \(total) left",
      json: .object([
        "report": .int(report.id), "done": .bool(!undo), "changed": .int(changed), "left": .int(left),
        "total": .int(total),
      ]))
  }
}
