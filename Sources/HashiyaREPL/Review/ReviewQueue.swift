import AnnotatorKit
import HashiyaReview
import HashiyaStore

/// The units a reviewer walks through, most contentious first, and where they are.
public final class ReviewQueue {
  /// One unit of the queue with its layer and what became of it.
  struct Item {
    var layer: String
    var unit: AlignmentUnit
    var decision: String?
  }

  var items: [Item]
  var position = 0
  var annotations: [Int: Annotation]
  var texts: [Int: ReportText]
  let annotators: [String]
  /// A comment typed for the current unit, stored with its decision.
  var pendingComment: String?
  /// Units per report and layer (`"12/claim-labeling"`), decided ones included: a report is settled
  /// when that many decisions stand.
  let unitCounts: [String: Int]

  init(
    items: [Item], annotations: [Int: Annotation], texts: [Int: ReportText], annotators: [String],
    unitCounts: [String: Int]
  ) {
    self.items = items
    self.annotations = annotations
    self.texts = texts
    self.annotators = annotators
    self.unitCounts = unitCounts
  }

  var current: Item? { items.indices.contains(position) ? items[position] : nil }
  var remaining: Int { items.filter { $0.decision == nil }.count }

  /// Moves to the next undecided unit after the current one, if any.
  func advance() {
    pendingComment = nil
    var next = position + 1
    while next < items.count && items[next].decision != nil { next += 1 }
    position = next
  }

  /// The UUIDs of the annotations in a unit.
  func sources(_ item: Item) -> [String] {
    item.unit.spans.values.flatMap { $0 }.compactMap { annotations[$0.id]?.uuid }
  }
}
