import AnnotatorKit
import HashiyaModel
import HashiyaReview
import HashiyaStore

/// `diff A B [--report ID] [--layer L]`: every disagreement between two annotators, with context.
struct DiffCommand: Command {
  let name = "diff"
  let synopsis = "A B [--report ID] [--layer L]"
  let summary = "list each disagreement between two annotators with its context"
  let completion = CompletionKind.annotators

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    try session.workspace.requireLead("diff")
    var arguments = arguments
    let reports = try arguments.takeOption("report").map {
      try ReportSelection.ids($0, store: session.store, command: name)
    }
    let layer = try arguments.takeOption("layer")
    let first = try arguments.takeWord("first annotator")
    let second = try arguments.takeWord("second annotator")
    try arguments.finish()
    let reportIDs = try reports ?? session.store.reportIDs(limit: Int.max)
    let queue = try ReviewQueue.differences(
      store: session.store, reportIDs: reportIDs, layer: layer, between: first, and: second)
    return DiffView(queue: queue)
  }
}

/// The disagreements `diff` found, each as a review unit without the prompts.
struct DiffView: CommandOutput {
  var queue: ReviewQueue

  var json: JSONValue { .array(queue.items.map { UnitView.unitJSON($0, queue: queue) }) }

  func text(_ style: TextStyle) -> String {
    guard !queue.items.isEmpty else {
      return "\(queue.annotators.joined(separator: " and ").visiblyEscaped) agree everywhere"
    }
    var blocks: [String] = []
    for index in queue.items.indices {
      queue.position = index
      let lines = UnitView(queue: queue, note: nil).text(style).split(separator: "\n").dropLast()
      blocks.append(lines.joined(separator: "\n"))
    }
    return blocks.joined(separator: "\n") + "\n"
      + style.dim("\(queue.items.count) disagreement\(queue.items.count == 1 ? "" : "s")")
  }
}
