import AnnotatorKit

/// Groups one document's spans from several annotators into alignment units and lists their differences.
///
/// A unit is a connected group of spans where edges join overlapping spans of
/// *different* annotators (identical ranges count as overlapping, so empty
/// spans can align). An annotator's own spans therefore never share a unit
/// just because they overlap each other; they do share one when another
/// annotator's span bridges them (e.g. A split what B marked as one span),
/// which is then reported as `.boundaries`. A span in pieces joins a unit through any piece.
public enum SpanAligner {
  /// The document's units in text order.
  ///
  /// - Parameter annotators: who is under review; spans of anyone else are
  ///   ignored. Defaults to the document's `annotators`, else everyone with a
  ///   span, sorted.
  public static func align(_ document: ReviewDocument, annotators: [String]? = nil) -> [AlignmentUnit] {
    let who = annotators ?? document.annotators ?? Array(Set(document.spans.map(\.annotator))).sorted()
    let included = Set(who)
    let spans = document.spans.filter { included.contains($0.annotator) }.sorted {
      ($0.range.start, $0.range.end, $0.annotator, $0.id) < ($1.range.start, $1.range.end, $1.annotator, $1.id)
    }
    let groups = components(spans)
    var unitOf: [SpanKey: Int] = [:]
    for (unit, members) in groups.enumerated() {
      for i in members { unitOf[SpanKey(annotator: spans[i].annotator, id: spans[i].id)] = unit }
    }
    return groups.enumerated().map { unit, members in
      makeUnit(
        index: unit, spans: members.map { spans[$0] }, annotators: who,
        reportID: document.reportID, unitOf: unitOf)
    }
  }

  /// A span's identity: handles are only assumed unique per annotator.
  struct SpanKey: Hashable {
    var annotator: String
    var id: Int
  }

  /// Connected groups of `spans` (sorted by start), each a sorted index list, ordered by first span.
  private static func components(_ spans: [ReviewSpan]) -> [[Int]] {
    var parent = Array(spans.indices)
    func root(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    // Sweep in start order; only spans still open at the current start can overlap it.
    var open: [Int] = []
    for (i, span) in spans.enumerated() {
      open.removeAll { spans[$0].end < span.range.start }
      for j in open where spans[j].annotator != span.annotator && piecesTouch(spans[j], span) {
        let (a, b) = (root(i), root(j))
        if a != b { parent[max(a, b)] = min(a, b) }
      }
      open.append(i)
    }
    var groups: [Int: [Int]] = [:]
    var order: [Int] = []
    for i in spans.indices {
      let r = root(i)
      if groups[r] == nil { order.append(r) }
      groups[r, default: []].append(i)
    }
    return order.map { groups[$0]! }
  }

  static func touches(_ a: TextRange, _ b: TextRange) -> Bool {
    a == b || a.overlaps(b)
  }

  /// Whether a piece of one span touches a piece of the other.
  static func piecesTouch(_ a: ReviewSpan, _ b: ReviewSpan) -> Bool {
    piecesTouch(a.range, a.fragments, b.range, b.fragments)
  }

  /// Whether a piece of one span (`first`, then `rest`) touches a piece of the other; spans in
  /// one piece, nearly all of them, are compared without building an array.
  static func piecesTouch(_ a: TextRange, _ aRest: [TextRange], _ b: TextRange, _ bRest: [TextRange]) -> Bool {
    if aRest.isEmpty && bRest.isEmpty { return touches(a, b) }
    return ([a] + aRest).contains { x in ([b] + bRest).contains { touches(x, $0) } }
  }

  private static func makeUnit(
    index: Int, spans: [ReviewSpan], annotators: [String], reportID: Int, unitOf: [SpanKey: Int]
  ) -> AlignmentUnit {
    var byAnnotator: [String: [ReviewSpan]] = [:]
    for span in spans { byAnnotator[span.annotator, default: []].append(span) }
    let start = spans.map(\.range.start).min() ?? 0
    let end = spans.map(\.end).max() ?? 0

    func targetUnits(_ span: ReviewSpan, type: String? = nil) -> [LinkView] {
      span.links.filter { type == nil || $0.type == type }.map {
        LinkView(type: $0.type, unit: unitOf[SpanKey(annotator: span.annotator, id: $0.target)] ?? -1)
      }.sorted()
    }

    let present = annotators.filter { byAnnotator[$0] != nil }
    var differences: [Difference] = []
    let absent = annotators.filter { byAnnotator[$0] == nil }
    if !absent.isEmpty { differences.append(.missing(absent)) }
    if present.count >= 2 {
      let lists = present.map { byAnnotator[$0]! }
      if !allEqual(lists.map { $0.map(\.ranges) }) { differences.append(.boundaries) }
      // Label sets, not lists: splitting one span in two is a boundary matter only.
      if !allEqual(lists.map { Set($0.map(\.label)) }) { differences.append(.label) }
      for name in attributeDisagreements(lists.flatMap { $0 }) { differences.append(.attribute(name)) }
      let types = Set(spans.flatMap { $0.links.map(\.type) }).sorted()
      for type in types {
        let targets = lists.map { list in list.flatMap { targetUnits($0, type: type) }.map(\.unit).sorted() }
        if !allEqual(targets) { differences.append(.link(type)) }
      }
    }

    // Dissent is measured on whole views, so it also catches differences the
    // per-kind checks above summarize away (e.g. which of two spans a link sits on).
    var groups: [[SpanView]: [String]] = [:]
    var firstSeen: [[SpanView]] = []
    for annotator in annotators {
      let view = (byAnnotator[annotator] ?? []).map {
        SpanView(ranges: $0.ranges, label: $0.label, attributes: $0.attributes, links: targetUnits($0))
      }
      if groups[view] == nil { firstSeen.append(view) }
      groups[view, default: []].append(annotator)
    }
    var majority = firstSeen.first.map { groups[$0]! } ?? []
    for view in firstSeen where groups[view]!.count > majority.count { majority = groups[view]! }
    let majoritySet = Set(majority)
    let dissenters = annotators.filter { !majoritySet.contains($0) }
    var contention = Double(differences.count)
    if !annotators.isEmpty { contention += Double(dissenters.count) / Double(annotators.count) }
    if dissenters.isEmpty { contention = 0 }

    return AlignmentUnit(
      reportID: reportID, index: index, range: TextRange(start, end), annotators: annotators,
      spans: byAnnotator, differences: differences, dissenters: dissenters, contention: contention)
  }

  /// Attribute names whose values differ between annotators sharing a label; absent is a value of its own.
  private static func attributeDisagreements(_ spans: [ReviewSpan]) -> [String] {
    var names: Set<String> = []
    for group in Dictionary(grouping: spans, by: \.label).values {
      guard Set(group.map(\.annotator)).count >= 2 else { continue }
      for name in Set(group.flatMap(\.attributes.keys)) {
        let first = group[0].attributes[name]
        if group.contains(where: { $0.attributes[name] != first }) { names.insert(name) }
      }
    }
    return names.sorted()
  }

  private static func allEqual<T: Equatable>(_ values: [T]) -> Bool {
    values.allSatisfy { $0 == values[0] }
  }

  /// A link as seen across annotators: its type and the unit its target falls in (-1 if dangling).
  struct LinkView: Hashable, Comparable {
    var type: String
    var unit: Int

    static func < (lhs: LinkView, rhs: LinkView) -> Bool {
      (lhs.type, lhs.unit) < (rhs.type, rhs.unit)
    }
  }

  /// Everything that must match for two annotators to count as marking a span identically.
  struct SpanView: Hashable {
    var ranges: [TextRange]
    var label: String
    var attributes: [String: JSONValue]
    var links: [LinkView]
  }
}
