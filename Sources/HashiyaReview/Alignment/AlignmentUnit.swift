import AnnotatorKit

/// A stretch of text where the annotators' spans overlap, with how they differ there.
public struct AlignmentUnit: Sendable {
  public var reportID: Int
  /// Position of the unit in text order within its document.
  public var index: Int
  /// From the earliest start to the latest end of the unit's spans.
  public var range: TextRange
  /// Every annotator under review, in review order, whether or not they have a span here.
  public var annotators: [String]
  /// Each present annotator's spans in the unit, ordered by range; usually exactly one.
  public var spans: [String: [ReviewSpan]]
  public var differences: [Difference]
  /// Annotators outside the largest group that marked the unit identically.
  public var dissenters: [String]
  /// How much attention the unit needs; 0 for unanimous units, higher sorts first.
  ///
  /// The number of differences plus the fraction of annotators dissenting:
  /// the fraction is below 1, so more kinds of difference always outrank more
  /// dissenters, and dissenters break ties between units with the same kinds.
  public var contention: Double

  /// Every annotator has an identical span here: range, label, attributes and links (by target unit).
  public var isUnanimous: Bool { dissenters.isEmpty }

  /// Every span of the annotator in the unit, by range: overlapping ones and exact duplicates alike.
  public func spans(of annotator: String) -> [ReviewSpan] {
    spans[annotator] ?? []
  }

  /// Every span in the unit, annotator by annotator in review order, each annotator's by range.
  public var allSpans: [ReviewSpan] {
    annotators.flatMap { spans(of: $0) }
  }

  /// The order a reviewer should see units in: most contentious first, then text order.
  public static func moreContentious(_ lhs: AlignmentUnit, _ rhs: AlignmentUnit) -> Bool {
    if lhs.contention != rhs.contention { return lhs.contention > rhs.contention }
    if lhs.reportID != rhs.reportID { return lhs.reportID < rhs.reportID }
    return lhs.index < rhs.index
  }

  public var json: JSONValue {
    var perAnnotator = JSONObject()
    for annotator in annotators {
      let list = spans[annotator] ?? []
      perAnnotator.append(key: annotator, value: .array(list.map(Self.spanJSON)))
    }
    return [
      "report": .int(reportID),
      "index": .int(index),
      "start": .int(range.start),
      "end": .int(range.end),
      "unanimous": .bool(isUnanimous),
      "contention": .double(contention),
      "differences": .array(differences.map(\.json)),
      "dissenters": .array(dissenters.map(JSONValue.string)),
      "spans": .object(perAnnotator),
    ]
  }

  private static func spanJSON(_ span: ReviewSpan) -> JSONValue {
    // Sorted so the same unit always serializes the same way.
    let attributes = JSONObject(span.attributes.sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) })
    let links = span.links.map { JSONValue.object(["type": .string($0.type), "target": .int($0.target)]) }
    return [
      "id": .int(span.id),
      "label": .string(span.label),
      "start": .int(span.range.start),
      "end": .int(span.range.end),
      "attributes": .object(attributes),
      "links": .array(links),
    ]
  }
}

extension Array where Element == AlignmentUnit {
  /// The units most contentious first, text order among equals.
  public func sortedByContention() -> [AlignmentUnit] {
    sorted(by: AlignmentUnit.moreContentious)
  }
}
