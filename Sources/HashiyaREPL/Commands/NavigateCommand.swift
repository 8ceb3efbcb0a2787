import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `next` and `prev`: step through my open assignments, or through every report in id order
/// when I have none, and show the one reached.
struct NavigateCommand: Command {
  let direction: ReportDirection

  var name: String { direction == .next ? "next" : "prev" }
  var aliases: [String] { direction == .next ? ["n"] : ["p", "previous"] }
  let synopsis = "[--layer L] [--all] [--tokens]"
  var summary: String { direction == .next ? "show the next report" : "show the previous report" }
  var details: String {
    """
    When reports are assigned to you, \(name) steps through those not yet done (on
    layer L, or on every layer, with --layer L) and says how many are left; "done"
    closes one. --all, or having no assignment, steps through every report in id order.
    --tokens numbers the tokens, as in show.
    """
  }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let tokens = arguments.takeFlag("tokens")
    let layer = try arguments.takeOption("layer")
    let everything = arguments.takeFlag("all")
    try arguments.finish()
    if !everything {
      let total = try session.store.assignedReports(to: session.user, layer: layer, openOnly: false).count
      if total > 0 {
        let open = try session.store.assignedReports(to: session.user, layer: layer, openOnly: true)
        guard let target = step(through: open, from: session.steppingAssignments ? session.currentReportID : nil) else {
          throw CommandError.usage(
            command: name,
            message: open.isEmpty
              ? "all \(total) of your assigned reports are done (next --all steps through every report)"
              : "no \(direction == .next ? "next" : "previous") open assignment: \(open.count) of \(total) left")
        }
        let report = try session.report(target)
        session.currentReportID = report.id
        session.steppingAssignments = true
        return AssignedReportView(
          view: try ReportView(report: report, session: session, showTokens: tokens), left: open.count, total: total)
      }
    }
    let target: Int?
    if let current = session.currentReportID {
      target = try session.store.neighbour(of: current, direction)
    } else {
      target = try session.store.firstReportID()
    }
    guard let target else {
      throw CommandError.atEnd(direction: direction == .next ? "next" : "previous")
    }
    let report = try session.report(target)
    session.currentReportID = report.id
    return try ReportView(report: report, session: session, showTokens: tokens)
  }

  /// The open report after (or before) the current one; the first (or last) when there is no
  /// current report or it lies outside them.
  private func step(through open: [Int], from current: Int?) -> Int? {
    switch direction {
    case .next:
      guard let current else { return open.first }
      return open.first { $0 > current }
    case .previous:
      guard let current else { return open.last }
      return open.last { $0 < current }
    }
  }
}

/// A report reached by stepping through my assignments, with how many are left.
struct AssignedReportView: CommandOutput {
  var view: ReportView
  var left: Int
  var total: Int

  var json: JSONValue {
    guard case .object(var object) = view.json else { return view.json }
    object["assignments"] = .object(["left": .int(left), "total": .int(total)])
    return .object(object)
  }

  func text(_ style: TextStyle) -> String {
    style.dim("\(left) of \(total) left") + "\n" + view.text(style)
  }
}
