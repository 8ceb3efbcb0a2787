import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// The units a reviewer walks through, most contentious first, and where they are.
public final class ReviewQueue {
  /// One unit of the queue with its layer and what became of it.
  public struct Item {
    public var layer: String
    public var unit: AlignmentUnit
    public var decision: String?
    /// The comment the decision was taken with, if any.
    public var comment: String?

    public init(layer: String, unit: AlignmentUnit, decision: String? = nil, comment: String? = nil) {
      self.layer = layer
      self.unit = unit
      self.decision = decision
      self.comment = comment
    }
  }

  public internal(set) var items: [Item]
  public var position = 0
  public let annotations: [Int: Annotation]
  public let texts: [Int: ReportText]
  public let annotators: [String]
  /// A comment typed for the current unit, stored with its decision.
  public var pendingComment: String?
  /// Reviewers' `approve`/`flag` verdicts on the annotations in the queue, by handle, oldest first:
  /// their comments are part of what a reviewer weighs.
  public var reviews: [Int: [Review]] = [:]
  /// Units per report and layer (`"12/claim-labeling"`), decided ones included: a report is settled
  /// when that many decisions stand.
  public let unitCounts: [String: Int]

  public init(
    items: [Item], annotations: [Int: Annotation], texts: [Int: ReportText], annotators: [String],
    unitCounts: [String: Int]
  ) {
    self.items = items
    self.annotations = annotations
    self.texts = texts
    self.annotators = annotators
    self.unitCounts = unitCounts
  }

  /// The undecided units of the selected reports and layers, most contentious first.
  ///
  /// `forDisplay` keeps the texts and reviewers' comments a reviewer sees; counting open units
  /// (a gold export's check) does without them, as every report's text would cost gigabytes.
  public static func undecided(
    store: any ProjectStoring, reportIDs: [Int], layers: [String]?, annotators: [String]?, forDisplay: Bool = true
  ) throws -> ReviewQueue {
    let built = try ReviewDocuments.build(
      store: store, reportIDs: reportIDs, layers: layers, annotators: annotators, keepTexts: forDisplay)
    guard built.annotators.count >= 2 else { throw ReviewError.tooFewAnnotators(found: built.annotators) }
    var decidedSources: [String: Set<String>] = [:]
    for decision in try store.reviewDecisions(reportIDs: reportIDs, layer: nil) {
      decidedSources["\(decision.reportID)/\(decision.layer)", default: []].formUnion(decision.sources)
    }
    var items: [Item] = []
    var counts: [String: Int] = [:]
    for document in built.documents {
      let key = "\(document.reportID)/\(document.layer)"
      let units = SpanAligner.align(document, annotators: document.annotators ?? built.annotators)
      counts[key] = units.count
      for unit in units {
        let uuids = unit.spans.values.flatMap { $0 }.compactMap { built.annotations[$0.id]?.uuid }
        if !Set(uuids).isDisjoint(with: decidedSources[key] ?? []) { continue }
        items.append(Item(layer: document.layer, unit: unit))
      }
    }
    items.sort { AlignmentUnit.moreContentious($0.unit, $1.unit) }
    let queue = ReviewQueue(
      items: items, annotations: built.annotations, texts: built.texts, annotators: built.annotators,
      unitCounts: counts)
    if forDisplay {
      let shown = items.flatMap { $0.unit.allSpans.map(\.id) }
      queue.reviews = Dictionary(grouping: try store.reviews(annotationIDs: shown), by: \.annotationID)
    }
    return queue
  }

  /// Where two annotators differ on the selected reports and layer, as units in text order.
  public static func differences(
    store: any ProjectStoring, reportIDs: [Int], layer: String?, between first: String, and second: String
  ) throws -> ReviewQueue {
    let built = try ReviewDocuments.build(
      store: store, reportIDs: reportIDs, layers: layer.map { [$0] }, annotators: [first, second])
    var items: [Item] = []
    for document in built.documents {
      for unit in SpanAligner.align(document, annotators: [first, second]) where !unit.isUnanimous {
        items.append(Item(layer: document.layer, unit: unit))
      }
    }
    return ReviewQueue(
      items: items, annotations: built.annotations, texts: built.texts, annotators: [first, second], unitCounts: [:])
  }

  public var current: Item? { items.indices.contains(position) ? items[position] : nil }
  public var remaining: Int { items.filter { $0.decision == nil }.count }

  /// Moves to the next undecided unit after the current one, if any.
  public func advance() {
    pendingComment = nil
    var next = position + 1
    while next < items.count && items[next].decision != nil { next += 1 }
    position = next
  }

  /// Opens unit `index` again, once `undo` took its decision back, and makes it current.
  public func reopen(_ index: Int) {
    items[index].decision = nil
    items[index].comment = nil
    position = index
  }

  /// The UUIDs of the annotations in a unit.
  public func sources(_ item: Item) -> [String] {
    item.unit.spans.values.flatMap { $0 }.compactMap { annotations[$0.id]?.uuid }
  }

  /// Open (undecided) units per layer.
  public var openPerLayer: [String: Int] {
    items.filter { $0.decision == nil }.reduce(into: [:]) { counts, item in counts[item.layer, default: 0] += 1 }
  }
}
