import AnnotatorKit
import HashiyaModel
import HashiyaReview
import HashiyaStore

/// `review [LAYER] [--reports SEL] [--annotators A,B,…] [--accept-unanimous]`: walk the disagreements.
struct ReviewCommand: Command {
  let completion = CompletionKind.layers
  let name = "review"
  let synopsis = "[LAYER] [--reports SEL] [--annotators A,B,…] [--accept-unanimous]"
  let summary = "walk where annotators disagree, most contentious first, and settle a gold version"
  let details = """
    Aligns the annotators' annotations on each report and layer (spans matched by overlap;
    labels, attributes and links compared) and shows one unit at a time: the sentence, each
    annotator's version side by side, and what differs. At each unit:
      accept NAME                take NAME's version as the gold annotation
      accept #ID                 take exactly that annotation (when NAME has two versions here)
      accept                     take the version everyone agrees on
      edit NAME|#ID key=value…   take that version with changes (label=X changes the label)
      reject                     no annotation belongs here (the unit is settled empty)
      skip · back                move on, or return to the previous unit
      comment "…"                a note kept with the decision
    Decisions write adjudicated annotations authored by you, with their provenance; undo
    takes one back. Every version in a unit is shown with its handle, each annotator's overlapping
    or duplicate annotations included, with reviewers' flag and approve comments; a bare number is
    refused here, as it means a suggestion outside a review. The prompt shows the position in the
    review. --accept-unanimous settles every unit where all agree in one go.
    With --json the whole queue is printed; decisions can follow on standard input.
    export --gold exports the adjudicated annotations only, once no unit is open.

    Example:
      review claim-labeling --annotators amal,karim,lina
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    try session.workspace.requireLead("review")
    var arguments = arguments
    let reportIDs = try ReportSelection.ids(try arguments.takeOption("reports"), store: session.store, command: name)
    let annotators = try arguments.takeOption("annotators").map {
      $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
    }
    let unanimous = arguments.takeFlag("accept-unanimous")
    let layer = arguments.isEmpty ? nil : try arguments.takeWord("layer")
    try arguments.finish()
    if let layer { _ = try session.catalog.schema(layer, store: session.store) }
    let queue = try ReviewQueue.undecided(
      store: session.store, reportIDs: reportIDs, layers: layer.map { [$0] }, annotators: annotators)
    session.reviewQueue = queue
    var note: String?
    if unanimous {
      let settled = try Adjudicator(workspace: session.workspace, queue: queue).acceptUnanimous()
      queue.position = queue.items.firstIndex { $0.decision == nil } ?? queue.items.count
      note = "accepted \(settled) unanimous unit\(settled == 1 ? "" : "s")"
    }
    return ReviewStart(queue: queue, note: note, conflicts: try session.store.openConflicts())
  }
}

/// The start of a review: the whole queue in JSON, the first unit for people.
struct ReviewStart: CommandOutput {
  var queue: ReviewQueue
  var note: String?
  /// Open merge conflicts, which wait for a lead like the units do.
  var conflicts: [MergeConflict] = []

  var json: JSONValue {
    .object([
      "annotators": .array(queue.annotators.map(JSONValue.string)), "units": .int(queue.items.count),
      "remaining": .int(queue.remaining), "note": note.map(JSONValue.string) ?? .null,
      "queue": .array(queue.items.map { UnitView.unitJSON($0, queue: queue) }),
      "conflicts": .array(conflicts.map(ConflictList.json)),
    ])
  }

  func text(_ style: TextStyle) -> String {
    let header = style.dim(
      "\(queue.items.count) unit\(queue.items.count == 1 ? "" : "s") to review, "
        + "annotators \(queue.annotators.joined(separator: ", ").visiblyEscaped)")
    var lines = [header]
    if !conflicts.isEmpty {
      let count = conflicts.count == 1 ? "1 merge conflict waits" : "\(conflicts.count) merge conflicts wait"
      lines.append(style.yellow("\(count) for a decision (conflicts keep N | take N):"))
      lines += ConflictList(conflicts: conflicts).text(style).split(separator: "\n").map { "  " + $0 }
    }
    return (lines + [UnitView(queue: queue, note: note).text(style)]).joined(separator: "\n")
  }
}
