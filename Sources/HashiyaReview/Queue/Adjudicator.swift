import AnnotatorKit
import HashiyaAnnotating
import HashiyaModel
import HashiyaStore

/// Settles the current unit of a review: one version becomes an adjudicated annotation, or none.
///
/// A decision is one change like any other — the adjudicated annotation, its links, the recorded
/// decision — so `undo` takes it back and reopens the unit.
public struct Adjudicator {
  public let workspace: Workspace
  public let queue: ReviewQueue

  public init(workspace: Workspace, queue: ReviewQueue) {
    self.workspace = workspace
    self.queue = queue
  }

  /// Takes the chosen version (or the unanimous one when `choice` is nil), with `edits` applied when given.
  public func accept(_ choice: ReviewChoice?, edits: [(key: String, value: String)]? = nil) throws -> String {
    let item = try currentItem()
    let (span, whose) = try chosenSpan(choice, in: item.unit)
    var writers: [String: AnnotationWriter] = [:]
    let draft = try goldDraft(item, span: span, edits: edits, writers: &writers)
    let outcome: ReviewDecision.Outcome = edits == nil ? .accepted : .edited
    let gold = try decide(item, outcome: outcome, draft: draft, linksOf: span)
    return "\(outcome == .edited ? "edited" : "accepted") \(whose) as #\(gold ?? 0)"
  }

  /// Settles every open unit where all agree, in one change: the golds, their links and the
  /// decisions are written in one transaction, with the links they follow read once before it,
  /// and one `undo` takes them all back. Returns how many units it settled.
  public func acceptUnanimous() throws -> Int {
    let open = queue.items.indices.filter { queue.items[$0].unit.isUnanimous && queue.items[$0].decision == nil }
    guard !open.isEmpty else { return 0 }
    var writers: [String: AnnotationWriter] = [:]
    var plans: [(index: Int, span: ReviewSpan, draft: NewAnnotation)] = []
    for index in open {
      let item = queue.items[index]
      let (span, _) = try chosenSpan(nil, in: item.unit)
      plans.append((index, span, try goldDraft(item, span: span, edits: nil, writers: &writers)))
    }
    var golds: [String: [Annotation]] = [:]
    for item in open.map({ queue.items[$0] }) where golds[Self.key(item)] == nil {
      golds[Self.key(item)] = try workspace.store.annotations(
        AnnotationFilter(reportID: item.unit.reportID, layer: item.layer)
      ).filter { $0.origin == "adjudicated" }
    }
    let sourceLinks = try workspace.store.links(touching: Array(queue.annotations.keys))
    let byUUID = Dictionary(queue.annotations.values.map { ($0.uuid, $0.id) }, uniquingKeysWith: { first, _ in first })
    let layers = Array(Set(plans.map { queue.items[$0.index].layer })).sorted()
    let handles: [Int: Int] = try workspace.change(writingTo: layers) { changes in
      var handles: [Int: Int] = [:]
      for plan in plans {
        let item = queue.items[plan.index]
        // Golds made earlier in this run count too: a quote's gold links to its speaker's.
        let links = try goldLinks(source: plan.span, others: golds[Self.key(item)] ?? [], byUUID: byUUID) { ids in
          let touched = Set(ids)
          return sourceLinks.filter { touched.contains($0.fromID) || touched.contains($0.toID) }
        }
        guard
          let gold = try settle(
            item, outcome: .accepted, draft: plan.draft, links: links, comment: nil, in: changes)
        else { continue }
        golds[Self.key(item), default: []].append(gold)
        handles[plan.index] = gold.id
      }
      return handles
    }
    for (index, handle) in handles {
      queue.items[index].decision = ReviewDecision.Outcome.accepted.rawValue + " → #\(handle)"
    }
    return handles.count
  }

  /// A unit's report and layer, as `unitCounts` keys them.
  private static func key(_ item: ReviewQueue.Item) -> String {
    "\(item.unit.reportID)/\(item.layer)"
  }

  /// The gold annotation a chosen version makes, with `edits` applied when given.
  private func goldDraft(
    _ item: ReviewQueue.Item, span: ReviewSpan, edits: [(key: String, value: String)]?,
    writers: inout [String: AnnotationWriter]
  ) throws -> NewAnnotation {
    guard let source = queue.annotations[span.id], let text = queue.texts[item.unit.reportID] else {
      throw StoreError.noSuchAnnotation(id: span.id)
    }
    let writer = try writers[item.layer] ?? AnnotationWriter(workspace: workspace, layer: item.layer)
    writers[item.layer] = writer
    var label = source.label
    var values = Dictionary(uniqueKeysWithValues: source.attributes.pairs.map { ($0.key, $0.value) })
    var typed: [(key: String, value: String)] = []
    if let edits {
      if let newLabel = edits.last(where: { $0.key == "label" })?.value { label = newLabel }
      let changes = edits.filter { $0.key != "label" }
      for (key, value) in changes where value.isEmpty { values.removeValue(forKey: key) }
      typed = changes.filter { !$0.value.isEmpty }
      for (key, _) in typed { values.removeValue(forKey: key) }
    }
    var draft = try writer.draft(
      label: label, range: source.range, fragments: source.fragments.map(\.range), reportID: source.reportID,
      text: text, attributes: values, typed: typed, origin: "adjudicated")
    draft.provenance = queue.sources(item)
    return draft
  }

  /// Settles the unit with no annotation.
  public func reject() throws -> String {
    let item = try currentItem()
    _ = try decide(item, outcome: .rejected, draft: nil, linksOf: nil)
    return "rejected: no annotation here"
  }

  /// The span a choice names in the unit, and how to say whose it was.
  private func chosenSpan(_ choice: ReviewChoice?, in unit: AlignmentUnit) throws -> (ReviewSpan, String) {
    switch choice {
    case .annotator(let annotator):
      guard queue.annotators.contains(annotator) else {
        throw ReviewError.notUnderReview(annotator, annotators: queue.annotators)
      }
      let versions = unit.spans(of: annotator)
      guard let found = versions.first else { throw ReviewError.noVersion(annotator) }
      // Taking "the first" of two would silently drop the other's label or attributes.
      guard versions.count == 1 else { throw ReviewError.severalVersions(annotator, handles: versions.map(\.id)) }
      return (found, "\(annotator)'s version")
    case .annotation(let handle):
      let all = unit.allSpans
      guard let found = all.first(where: { $0.id == handle }) else {
        throw ReviewError.notInUnit(handle, handles: all.map(\.id))
      }
      return (found, "#\(handle), \(found.annotator)'s version")
    case nil:
      guard unit.isUnanimous, let found = unit.allSpans.first else {
        throw ReviewError.disagreement(present: unit.annotators.filter { !unit.spans(of: $0).isEmpty })
      }
      return (found, "the version all agree on")
    }
  }

  private func currentItem() throws -> ReviewQueue.Item {
    guard let item = queue.current else { throw ReviewError.queueDone }
    return item
  }

  /// Writes the decision in one change and moves the queue on; returns the gold handle.
  private func decide(
    _ item: ReviewQueue.Item, outcome: ReviewDecision.Outcome, draft: NewAnnotation?, linksOf span: ReviewSpan?
  ) throws -> Int? {
    let unit = item.unit
    let sources = queue.sources(item)
    let golds = try workspace.store.annotations(AnnotationFilter(reportID: unit.reportID, layer: item.layer)).filter {
      $0.origin == "adjudicated"
    }
    let byUUID = Dictionary(queue.annotations.values.map { ($0.uuid, $0.id) }, uniquingKeysWith: { first, _ in first })
    let links = try goldLinks(source: span, others: golds, byUUID: byUUID) { try workspace.store.links(touching: $0) }
    let handle: Int? = try workspace.change(writingTo: draft == nil ? [] : [item.layer]) { changes in
      if item.decision != nil {
        try changes.withdrawReviewDecisions(reportID: unit.reportID, layer: item.layer, sources: sources)
        for old in golds where !Set(old.provenance).isDisjoint(with: sources) { try changes.delete(old.id) }
      }
      return try settle(item, outcome: outcome, draft: draft, links: links, comment: queue.pendingComment, in: changes)?
        .id
    }
    queue.items[queue.position].decision = outcome.rawValue + (handle.map { " → #\($0)" } ?? "")
    queue.items[queue.position].comment = queue.pendingComment
    queue.advance()
    return handle
  }

  /// Writes one unit's settlement inside `changes`: the gold annotation (when `draft` gives one)
  /// with its links, the review decision and the unit count; returns the gold annotation.
  private func settle(
    _ item: ReviewQueue.Item, outcome: ReviewDecision.Outcome, draft: NewAnnotation?,
    links: (outgoing: [(type: String, to: Int)], incoming: [(type: String, from: Int)]), comment: String?,
    in changes: any AnnotationChanging
  ) throws -> Annotation? {
    var gold: Annotation?
    if let draft {
      let created = try changes.add(draft)
      for link in links.outgoing { try changes.link(link.type, from: created.id, to: link.to) }
      for link in links.incoming { try changes.link(link.type, from: link.from, to: created.id) }
      gold = created
    }
    try changes.recordReviewDecision(
      ReviewDecision(
        reportID: item.unit.reportID, layer: item.layer, range: item.unit.range, outcome: outcome,
        annotationID: gold?.id, sources: queue.sources(item), comment: comment, reviewer: workspace.user))
    try changes.setReviewUnits(
      reportID: item.unit.reportID, layer: item.layer, units: queue.unitCounts[Self.key(item)] ?? 1)
    return gold
  }

  /// The gold links the chosen version implies, read before the change is written: to gold
  /// annotations its links point at, and from gold annotations whose sources point at it.
  /// `byUUID` maps the queue's annotations' UUIDs to their handles; `linksTouching` gives the
  /// active links touching some of them.
  private func goldLinks(
    source: ReviewSpan?, others: [Annotation], byUUID: [String: Int],
    linksTouching: ([Int]) throws -> [AnnotationLink]
  ) throws -> (outgoing: [(type: String, to: Int)], incoming: [(type: String, from: Int)]) {
    guard let source, let sourceUUID = queue.annotations[source.id]?.uuid else { return ([], []) }
    let active = others.filter { $0.status == .active }
    var outgoing: [(type: String, to: Int)] = []
    for link in source.links {
      guard let targetUUID = queue.annotations[link.target]?.uuid,
        let target = active.first(where: { $0.provenance.contains(targetUUID) })
      else { continue }
      outgoing.append((link.type, target.id))
    }
    var incoming: [(type: String, from: Int)] = []
    for gold in active {
      let candidates = gold.provenance.compactMap { byUUID[$0] }
      for link in try linksTouching(candidates)
      where candidates.contains(link.fromID) && queue.annotations[link.toID]?.uuid == sourceUUID {
        incoming.append((link.type, gold.id))
      }
    }
    return (outgoing, incoming)
  }
}
