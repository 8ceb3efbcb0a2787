import HashiyaStore

/// `next` and `prev`: step through the reports in id order and show the one reached.
struct NavigateCommand: Command {
  let direction: ProjectStore.Direction

  var name: String { direction == .next ? "next" : "prev" }
  var aliases: [String] { direction == .next ? ["n"] : ["p", "previous"] }
  let synopsis = "[--tokens]"
  var summary: String { direction == .next ? "show the next report" : "show the previous report" }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let tokens = arguments.takeFlag("tokens")
    try arguments.finish()
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
}
