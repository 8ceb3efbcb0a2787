import AnnotatorKit
import HashiyaReview
import HashiyaStore

/// Turns the project's annotations into the documents the alignment and metrics work on.
struct ReviewDocuments {
  /// One report and layer: the documents plus the annotations behind each span handle.
  struct Built {
    var documents: [ReviewDocument]
    var annotations: [Int: Annotation]
    var texts: [Int: ReportText]
    var annotators: [String]
  }

  /// Every annotator's work (adjudicated annotations excluded) on `reportIDs` in `layers`.
  ///
  /// Without `annotators`, everyone who annotated the layer takes part.
  /// `keepTexts` keeps each report's analysed text for display (the review queue); agreement
  /// needs only the tokens, and keeping 100,000 texts would cost gigabytes.
  static func build(
    session: Session, reportIDs: [Int], layers: [String]?, annotators: [String]?, keepTexts: Bool = true
  ) throws -> Built {
    let all = try session.store.annotations(AnnotationFilter(reportIDs: reportIDs)).filter {
      $0.origin != "adjudicated" && (layers?.contains($0.layer) ?? true)
    }
    let people = annotators ?? Array(Set(all.map(\.author))).sorted()
    let chosen = all.filter { people.contains($0.author) }
    let links = try session.store.links(touching: chosen.map(\.id))
    var linksFrom: [Int: [ReviewLink]] = [:]
    for link in links { linksFrom[link.fromID, default: []].append(ReviewLink(type: link.type, target: link.toID)) }
    var byReportLayer: [Int: [String: [Annotation]]] = [:]
    for annotation in chosen {
      byReportLayer[annotation.reportID, default: [:]][annotation.layer, default: []].append(annotation)
    }
    var documents: [ReviewDocument] = []
    var texts: [Int: ReportText] = [:]
    // Reports with annotations are read in chunks and tokenised on all cores; only the tokens stay
    // unless the texts are wanted, so memory follows the chunk, not the project.
    let annotated = reportIDs.filter { byReportLayer[$0] != nil }
    var tokensByReport: [Int: [TextRange]] = [:]
    for start in stride(from: 0, to: annotated.count, by: 2_000) {
      let chunk = try session.store.reports(ids: Array(annotated[start..<min(start + 2_000, annotated.count)]))
      let analysed = ParallelMap.map(chunk) { report -> (Int, ReportText, [TextRange]) in
        let text = ReportText(report.text)
        return (report.id, text, text.sentences.flatMap(\.tokens))
      }
      for (id, text, tokens) in analysed {
        tokensByReport[id] = tokens
        if keepTexts { texts[id] = text }
      }
    }
    for reportID in annotated {
      guard let layersHere = byReportLayer[reportID] else { continue }
      let tokens = tokensByReport[reportID] ?? []
      for (layer, annotations) in layersHere.sorted(by: { $0.key < $1.key }) {
        let spans = annotations.map { a in
          ReviewSpan(
            id: a.id, annotator: a.author, label: a.label, range: a.range,
            attributes: Dictionary(uniqueKeysWithValues: a.attributes.pairs.map { ($0.key, $0.value) }),
            links: linksFrom[a.id] ?? [])
        }
        documents.append(ReviewDocument(reportID: reportID, layer: layer, tokens: tokens, spans: spans))
      }
    }
    return Built(
      documents: documents, annotations: Dictionary(uniqueKeysWithValues: chosen.map { ($0.id, $0) }), texts: texts,
      annotators: people)
  }
}
