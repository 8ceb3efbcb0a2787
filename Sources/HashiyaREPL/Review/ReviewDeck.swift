import AnnotatorKit
import HashiyaModel
import HashiyaReview
import HashiyaStore

/// The units of the review in progress, as `triage` walks them; decided through the `Adjudicator`.
struct ReviewDeck: TriageDeck {
  let session: Session
  let queue: ReviewQueue
  /// The queue's item indices in the walk.
  let indices: [Int]

  var count: Int { indices.count }
  var choiceNoun: String { "annotator" }

  func isOpen(_ index: Int) -> Bool { queue.items[indices[index]].decision == nil }

  func card(_ index: Int, style: TextStyle) throws -> [String] {
    let item = queue.items[indices[index]]
    let unit = item.unit
    guard let text = queue.texts[unit.reportID] else { return [] }
    let differs =
      unit.differences.isEmpty
      ? "all agree" : "differs: " + unit.differences.map(\.description).joined(separator: ", ").visiblyEscaped
    var lines = [
      style.bold("#\(unit.reportID) \(text.location(of: unit.range.start)) · \(item.layer.visiblyEscaped)")
        + style.dim(" · " + differs)
    ]
    if let snippet = UnitView.inContext(unit.range, of: text, style: style, limit: Triage.context(for: unit.range)) {
      lines.append("  " + snippet)
    }
    // One entry per annotator, numbered for the digit keys, packed into as few lines as fit.
    let entries = queue.annotators.enumerated().prefix(9).map { number, annotator in
      let versions = unit.spans(of: annotator).map { span in
        let attributes = span.attributes.sorted { $0.key < $1.key }
          .map { "\($0.key)=\(AnnotationList.plain($0.value))" }
        return (["#\(span.id) \(span.label)"] + attributes).joined(separator: " ")
      }
      let mark = unit.dissenters.contains(annotator) ? "≠" : ""
      return "\(number + 1) \(annotator.visiblyEscaped)\(mark): "
        + (versions.isEmpty ? "—" : versions.joined(separator: " | ")).visiblyEscaped
    }
    var row = ""
    for entry in entries {
      let candidate = row.isEmpty ? "  " + entry : row + "  ·  " + entry
      if !row.isEmpty && DisplayWidth.of(candidate) > Triage.width {
        lines.append(BidiIsolation.isolate(escaped: row))
        row = "  " + entry
      } else {
        row = candidate
      }
    }
    if !row.isEmpty { lines.append(BidiIsolation.isolate(escaped: row)) }
    return lines
  }

  func accept(_ index: Int, choice: Int?, edits: [(key: String, value: String)]?) throws -> (
    note: String, handles: [Int]
  ) {
    var who: ReviewChoice?
    if let choice {
      guard queue.annotators.indices.contains(choice - 1) else {
        throw CommandError.usage(
          command: "triage", message: "no annotator \(choice): this review has \(queue.annotators.count)")
      }
      who = .annotator(queue.annotators[choice - 1])
    }
    queue.position = indices[index]
    let note = try Adjudicator(workspace: session.workspace, queue: queue).accept(who, edits: edits)
    return (note, try gold(index))
  }

  func reject(_ index: Int) throws {
    queue.position = indices[index]
    _ = try Adjudicator(workspace: session.workspace, queue: queue).reject()
  }

  func undo(_ index: Int) throws {
    _ = try UndoCommand.reverse(redo: false, in: session)
    // The undone change took the decision with it; the unit is open again.
    queue.reopen(indices[index])
  }

  /// Leaves the review where the walk stopped, or at its first open unit when the walk is through.
  func leave(at index: Int) {
    queue.position =
      indices.indices.contains(index)
      ? indices[index] : queue.items.firstIndex { $0.decision == nil } ?? queue.items.count
  }

  /// The adjudicated annotations made from this unit's versions, found as the Adjudicator finds them.
  private func gold(_ index: Int) throws -> [Int] {
    let item = queue.items[indices[index]]
    let sources = Set(queue.sources(item))
    return try session.store.annotations(AnnotationFilter(reportID: item.unit.reportID, layer: item.layer))
      .filter { $0.origin == "adjudicated" && !sources.isDisjoint(with: $0.provenance) }.map(\.id)
  }
}
