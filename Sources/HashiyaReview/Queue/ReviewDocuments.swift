import AnnotatorKit
import HashiyaAnnotating
import HashiyaModel
import HashiyaStore

/// Turns the project's annotations into the documents the alignment and metrics work on.
public enum ReviewDocuments {
  /// One report and layer: the documents plus the annotations behind each span handle.
  public struct Built {
    public var documents: [ReviewDocument]
    public var annotations: [Int: Annotation]
    public var texts: [Int: ReportText]
    public var annotators: [String]
  }

  /// Reports with annotations are read and tokenised this many at a time, so memory follows the
  /// chunk, not the project.
  private static let chunkSize = 2_000

  /// Every annotator's work (adjudicated annotations excluded) on `reportIDs` in `layers`.
  ///
  /// Without `annotators`, everyone who annotated the layer takes part.
  /// `keepTexts` keeps each report's analysed text for display (the review queue); without it
  /// only the tokens stay, as keeping 100,000 texts would cost gigabytes.
  public static func build(
    store: any ProjectStoring, reportIDs: [Int], layers: [String]?, annotators: [String]?, keepTexts: Bool = true
  ) throws -> Built {
    let all = try store.annotations(AnnotationFilter(reportIDs: reportIDs)).filter {
      $0.origin != "adjudicated" && (layers?.contains($0.layer) ?? true)
    }
    let people = annotators ?? Array(Set(all.map(\.author))).sorted()
    let chosen = all.filter { people.contains($0.author) }
    let links = try store.links(touching: chosen.map(\.id))
    let (documents, texts) = try assemble(chosen.map(AnnotationSpan.init), links: links, reportIDs: reportIDs) {
      try analysed($0, store: store, keepTexts: keepTexts)
    }
    return Built(
      documents: try withAssignedAnnotators(documents, people: people, store: store),
      annotations: Dictionary(uniqueKeysWithValues: chosen.map { ($0.id, $0) }), texts: texts, annotators: people)
  }

  /// The documents of `build` alone, read with the lean store queries and handed to `body` a
  /// chunk of reports at a time, so memory follows the chunk rather than the project: what
  /// `agreement` needs. `people` are the annotators compared; tokens are those import recorded.
  public static func forEachComparableChunk(
    store: any ProjectStoring, reportIDs: [Int], layers: [String]?, people: [String],
    chunkSize: Int = comparedChunkSize,
    _ body: ([ReviewDocument]) throws -> Void
  ) throws {
    let wanted = Set(people)
    let unique = Array(Set(reportIDs)).sorted()
    for start in stride(from: 0, to: unique.count, by: max(1, chunkSize)) {
      try Interruption.check()
      let chunk = Array(unique[start..<min(start + max(1, chunkSize), unique.count)])
      let all = try store.annotationSpans(reportIDs: chunk, layers: layers)
      guard !all.isEmpty else { continue }
      let chosen = all.allSatisfy { wanted.contains($0.author) } ? all : all.filter { wanted.contains($0.author) }
      let links = try store.linksFromSpans(reportIDs: chunk, layers: layers)
      let (documents, _) = try assemble(chosen, links: links, reportIDs: chunk) { annotated in
        (try store.reportTokens(ids: annotated), [:])
      }
      try body(try withAssignedAnnotators(documents, people: people, store: store))
    }
  }

  /// Reports compared at a time by `forEachComparableChunk`: enough that each store read is a
  /// long range scan, few enough that a chunk's spans stay a few megabytes.
  public static let comparedChunkSize = 500

  /// Marks who worked on each report that was assigned: the annotators it was given to (for its
  /// layer, or for every layer) and anyone with work on it. An annotator never given a report
  /// did not miss its spans, so a review does not count them as missing there, and agreement
  /// does not count their absence as a judgement; reports nobody was assigned keep everyone.
  static func withAssignedAnnotators(
    _ documents: [ReviewDocument], people: [String], store: any ProjectStoring
  ) throws -> [ReviewDocument] {
    let reportIDs = Array(Set(documents.map(\.reportID)))
    guard !reportIDs.isEmpty else { return documents }
    let assignments = try store.assignments(reportIDs: reportIDs, annotator: nil)
    guard !assignments.isEmpty else { return documents }
    var assigned: [Int: [(layer: String, annotator: String)]] = [:]
    for assignment in assignments {
      assigned[assignment.reportID, default: []].append((assignment.layer, assignment.annotator))
    }
    return documents.map { document in
      guard let given = assigned[document.reportID] else { return document }
      var worked = Set(given.filter { $0.layer.isEmpty || $0.layer == document.layer }.map(\.annotator))
      worked.formUnion(document.spans.map(\.annotator))
      var marked = document
      marked.annotators = people.filter { worked.contains($0) }
      return marked
    }
  }

  /// One document per report (in `reportIDs` order) and layer (by name), its spans in text order.
  ///
  /// `tokenise` gives the tokens of the annotated reports, and their analysed texts when these
  /// are to be kept.
  private static func assemble(
    _ spans: [AnnotationSpan], links: [AnnotationLink], reportIDs: [Int],
    tokenise: ([Int]) throws -> (tokens: [Int: [TextRange]], texts: [Int: ReportText])
  ) throws -> (documents: [ReviewDocument], texts: [Int: ReportText]) {
    var linksFrom: [Int: [ReviewLink]] = [:]
    for link in links { linksFrom[link.fromID, default: []].append(ReviewLink(type: link.type, target: link.toID)) }
    // Spans come in report order, so each report's layers are gathered in one go; attribute
    // objects repeat, so each distinct one is turned into a dictionary once.
    var converted: [JSONObject: [String: JSONValue]] = [:]
    var byReport: [Int: [(layer: String, spans: [ReviewSpan])]] = [:]
    var first = 0
    while first < spans.count {
      let reportID = spans[first].reportID
      var layersHere = byReport.removeValue(forKey: reportID) ?? []
      var next = first
      while next < spans.count && spans[next].reportID == reportID {
        let span = spans[next]
        next += 1
        let attributes: [String: JSONValue]
        if let known = converted[span.attributes] {
          attributes = known
        } else {
          attributes = Dictionary(uniqueKeysWithValues: span.attributes.pairs.map { ($0.key, $0.value) })
          converted[span.attributes] = attributes
        }
        let reviewSpan = ReviewSpan(
          id: span.id, annotator: span.author, label: span.label, range: span.range, attributes: attributes,
          links: linksFrom[span.id] ?? [], fragments: span.fragments)
        if let index = layersHere.firstIndex(where: { $0.layer == span.layer }) {
          layersHere[index].spans.append(reviewSpan)
        } else {
          layersHere.append((span.layer, [reviewSpan]))
        }
      }
      byReport[reportID] = layersHere
      first = next
    }
    let annotated = reportIDs.filter { byReport[$0] != nil }
    let (tokensByReport, texts) = try tokenise(Array(Set(annotated)).sorted())
    var documents: [ReviewDocument] = []
    for reportID in annotated {
      guard let layersHere = byReport[reportID] else { continue }
      let tokens = tokensByReport[reportID] ?? []
      for (layer, spans) in layersHere.sorted(by: { $0.layer < $1.layer }) {
        documents.append(ReviewDocument(reportID: reportID, layer: layer, tokens: tokens, spans: spans))
      }
    }
    return (documents, texts)
  }

  /// The tokens of `reportIDs` segmented from their texts, on all cores a chunk at a time, with
  /// the analysed texts when `keepTexts`.
  private static func analysed(
    _ reportIDs: [Int], store: any ProjectStoring, keepTexts: Bool
  ) throws -> (tokens: [Int: [TextRange]], texts: [Int: ReportText]) {
    var tokens: [Int: [TextRange]] = [:]
    var texts: [Int: ReportText] = [:]
    for start in stride(from: 0, to: reportIDs.count, by: chunkSize) {
      try Interruption.check()
      let chunk = try store.reportTexts(ids: Array(reportIDs[start..<min(start + chunkSize, reportIDs.count)]))
      let results = ParallelMap.map(chunk.map(\.text)) { text in
        let analysed = ReportText(text)
        return (tokens: analysed.sentences.flatMap(\.tokens), text: keepTexts ? analysed : nil)
      }
      for (report, result) in zip(chunk, results) {
        tokens[report.id] = result.tokens
        texts[report.id] = result.text
      }
    }
    return (tokens, texts)
  }
}
