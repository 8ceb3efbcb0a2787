import AnnotatorKit
import HashiyaStore

/// Spans in pieces through formats that know only one range per span (Label Studio, doccano,
/// Prodigy): each piece is written as a span of its own, all carrying the annotation's UUID in
/// one attribute, and an import joins the spans sharing it back into one annotation.
enum ExchangeFragments {
  /// The attribute that ties the pieces of one span together in a file.
  static let attribute = "hashiya_span"

  /// The warning an export gives when it wrote spans in pieces as separate spans.
  static func warning(format: String, spans: Int) -> String {
    "\(format) has no spans in pieces: \(spans) discontinuous span\(spans == 1 ? " was" : "s were") written as "
      + "separate spans sharing the attribute \"\(attribute)\" (Hashiya joins them again on import)"
  }

  /// Each piece of `annotation` with its quote, and the attributes every piece carries: the
  /// annotation's own, plus the tie for a span in pieces.
  static func pieces(of annotation: Annotation) -> (pieces: [(range: TextRange, quote: String)], attributes: JSONObject)
  {
    let pieces = [(annotation.range, annotation.quote)] + annotation.fragments.map { ($0.range, $0.quote) }
    var attributes = annotation.attributes
    if !annotation.fragments.isEmpty { attributes[attribute] = .string(annotation.uuid) }
    return (pieces, attributes)
  }

  /// The report with the spans that share a tie joined into one annotation in pieces, in text
  /// order; the tie itself is dropped and links to any piece lead to the whole. Spans whose tie is
  /// shared by different layers, labels or authors are left apart, and so are pieces that
  /// overlap (not one span).
  static func joined(_ report: ImportedReport) -> ImportedReport {
    let annotations = report.annotations
    var groups: [String: [Int]] = [:]
    for (index, annotation) in annotations.enumerated() {
      if case .string(let tie)? = annotation.attributes[attribute] { groups[tie, default: []].append(index) }
    }
    guard !groups.isEmpty else { return report }
    var replaced: [Int: ImportedAnnotation] = [:]
    var absorbed = Set<Int>()
    var keyOfWhole: [String: String] = [:]
    for members in groups.values {
      let sorted = members.sorted { annotations[$0].range < annotations[$1].range }
      let first = annotations[sorted[0]]
      let rest = sorted.dropFirst().map { annotations[$0] }
      let alike = rest.allSatisfy { $0.layer == first.layer && $0.label == first.label && $0.author == first.author }
      guard alike, SpanFragment.problem(first: first.range, rest: rest.map(\.range)) == nil else { continue }
      var whole = first
      whole.attributes[attribute] = nil
      whole.fragments = rest.map { ImportedFragment(range: $0.range, quote: $0.quote) }
      replaced[sorted[0]] = whole
      absorbed.formUnion(sorted.dropFirst())
      for piece in rest { keyOfWhole[piece.key] = first.key }
    }
    var result = report
    result.annotations = annotations.indices.compactMap { index in
      absorbed.contains(index) ? nil : replaced[index] ?? annotations[index]
    }
    for index in result.links.indices {
      result.links[index].from = keyOfWhole[result.links[index].from] ?? result.links[index].from
      result.links[index].to = keyOfWhole[result.links[index].to] ?? result.links[index].to
    }
    return result
  }
}
