import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Spans in pieces through formats that know only one range per span (Label Studio, doccano,
/// Prodigy): each piece is written as a span of its own, all carrying the annotation's UUID in
/// one attribute, and an import joins the spans sharing it back into one annotation.
enum ExchangeFragments {
  /// The attribute that ties the pieces of one span together in a file.
  static let attribute = "hashiya_span"

  /// The warning an export gives when it wrote spans in pieces as separate spans.
  /// `carrier` says where the file ties the pieces together.
  static func warning(format: String, spans: Int, carrier: String) -> String {
    "\(format) has no spans in pieces: \(spans) discontinuous span\(spans == 1 ? " was" : "s were") written as "
      + "separate spans tied together by \(carrier) (Hashiya joins them again on import)"
  }

  /// The record field (doccano) or task data field (Label Studio) mapping each piece's id to its tie,
  /// for formats whose spans have no attributes of their own to carry it.
  static let piecesField = "hashiya_pieces"

  /// `annotations` with each span in pieces replaced by one annotation per piece, in text order:
  /// the first keeps the handle (links still lead to it), the others take ids after every handle of
  /// the report, and all carry the tie in their attributes. `split` counts the spans in pieces.
  static func expanded(_ annotations: [Annotation]) -> (annotations: [Annotation], split: Int) {
    guard annotations.contains(where: { !$0.fragments.isEmpty }) else { return (annotations, 0) }
    var nextID = (annotations.map(\.id).max() ?? 0) + 1
    var result: [Annotation] = []
    var split = 0
    for annotation in annotations {
      guard !annotation.fragments.isEmpty else {
        result.append(annotation)
        continue
      }
      split += 1
      let (pieces, attributes) = Self.pieces(of: annotation)
      for (index, piece) in pieces.enumerated() {
        var one = annotation
        one.range = piece.range
        one.quote = piece.quote
        one.fragments = []
        one.attributes = attributes
        if index > 0 {
          one.id = nextID
          nextID += 1
        }
        result.append(one)
      }
    }
    return (result, split)
  }

  /// How many annotations `annotations` holds, counting a span's pieces once.
  static func wholeCount(_ annotations: [Annotation]) -> Int {
    let ties = annotations.compactMap { $0.attributes[attribute]?.stringValue }
    return annotations.count - ties.count + Set(ties).count
  }

  /// The summary `summary` with the warning for `split` spans in pieces, when there were any.
  static func warned(_ summary: ExportSummary, format: String, split: Int, carrier: String) -> ExportSummary {
    var summary = summary
    if split > 0 { summary.warnings.append(warning(format: format, spans: split, carrier: carrier)) }
    return summary
  }

  /// The ties of `annotations` by id, as the pieces field holds them.
  static func ties(_ annotations: [Annotation]) -> JSONObject {
    var ties = JSONObject()
    for annotation in annotations {
      if let tie = annotation.attributes[attribute] { ties[String(annotation.id)] = tie }
    }
    return ties
  }

  /// Puts the ties a pieces field lists (by key) back on the annotations, for `joined`.
  static func restoringTies(_ field: JSONValue?, in report: inout ImportedReport) {
    guard let ties = field?.objectValue, !ties.isEmpty else { return }
    for index in report.annotations.indices {
      if let tie = ties[report.annotations[index].key] { report.annotations[index].attributes[attribute] = tie }
    }
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
