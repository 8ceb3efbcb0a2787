import AnnotatorKit
import Dispatch

/// Computes token-level and span-level agreement among annotators over many documents.
///
/// Token level: every token of a document is one unit; each annotator's value
/// is the label of their span covering it (sharing at least one scalar), the
/// earliest-starting one if several do (then the longest, then the lowest
/// handle), or "no span". An annotator who did not work on a document (see
/// `ReviewDocument.annotators`) has a missing value there, which Krippendorff's
/// alpha tolerates, Cohen's kappa skips pairwise and Fleiss' kappa skips.
public enum AgreementMetrics {
  /// The full report; `annotators` fixes who is compared and in which order, duplicates dropped.
  public static func compute(_ documents: [ReviewDocument], annotators: [String]) -> AgreementReport {
    var seen: Set<String> = []
    let annotators = annotators.filter { seen.insert($0).inserted }
    var labelSet: Set<String> = []
    for document in documents {
      let spans = document.spans
      for i in spans.indices where seen.contains(spans[i].annotator) { labelSet.insert(spans[i].label) }
    }
    let labels = labelSet.sorted()
    let total = accumulate(documents, into: blank(annotators: annotators, labels: labels))
    return report(total, annotators: annotators, labels: labels)
  }

  /// Empty tallies for `annotators` (without duplicates) over `labels` (sorted).
  static func blank(annotators: [String], labels: [String]) -> AgreementAccumulator {
    var labelIDs: [String: Int32] = [:]
    for (i, label) in labels.enumerated() { labelIDs[label] = Int32(i + 1) }
    return AgreementAccumulator(annotators: annotators, labelIDs: labelIDs, labelCount: labels.count + 1)
  }

  /// Splits the documents over the available cores; tallies are merged afterwards so workers share nothing.
  private static func accumulate(
    _ documents: [ReviewDocument], into blank: AgreementAccumulator
  ) -> AgreementAccumulator {
    let chunkSize = 512
    guard documents.count > chunkSize else {
      var single = blank
      for document in documents { single.add(document) }
      return single
    }
    let pieces = stride(from: 0, to: documents.count, by: chunkSize).map {
      (blank: blank, documents: documents[$0..<min(documents.count, $0 + chunkSize)])
    }
    var total = blank
    for partial in tallies(pieces) { total.merge(partial) }
    return total
  }

  /// Each piece's documents added to its blank tally, the pieces on whichever core is free; the
  /// partial tallies come back in the pieces' order, so merging them never depends on which core
  /// finished first.
  static func tallies(
    _ pieces: [(blank: AgreementAccumulator, documents: ArraySlice<ReviewDocument>)]
  ) -> [AgreementAccumulator] {
    let results = ChunkResults(count: pieces.count)
    DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
      var partial = pieces[index].blank
      for document in pieces[index].documents { partial.add(document) }
      results.store(partial, at: index)
    }
    return results.take()
  }

  static func report(
    _ tally: AgreementAccumulator, annotators: [String], labels: [String]
  ) -> AgreementReport {
    var codings = NominalCodings(coders: annotators.count)
    // Sorted so floating-point sums do not depend on dictionary order between runs.
    for (row, count) in tally.profiles.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      codings.add(row.map { $0 < 0 ? nil : Int($0) }, count: count)
    }
    let labelCount = labels.count + 1

    func pairAgreement(_ p: Int, codings: NominalCodings, labelIDs: Range<Int>) -> PairAgreement {
      let (a, b) = tally.pairs[p]
      var exact = SpanF1(matched: 0, inFirst: 0, inSecond: 0)
      var overlap = exact
      var links = LinkAgreement(agreeing: 0, pairs: 0)
      for label in labelIDs {
        let t = tally.spanTallies[p * labelCount + label]
        exact = exact + SpanF1(matched: t.exact, inFirst: t.inFirst, inSecond: t.inSecond)
        overlap = overlap + SpanF1(matched: t.overlap, inFirst: t.inFirst, inSecond: t.inSecond)
        links = links + tally.linkTallies[p * labelCount + label]
      }
      let attributes = pooled(tally.attributeTallies.filter { $0.key.pair == p && labelIDs.contains($0.key.label) })
      return PairAgreement(
        first: annotators[a], second: annotators[b],
        cohenKappa: CohenKappa.compute(codings, first: a, second: b),
        exact: exact, overlap: overlap, attributes: attributes, links: links)
    }

    let pairs = tally.pairs.indices.map { pairAgreement($0, codings: codings, labelIDs: 0..<labelCount) }
    let perLabel = labels.enumerated().map { i, label in
      let id = i + 1
      let binary = codings.recoded { $0 == id ? 1 : 0 }
      return LabelAgreement(
        label: label, fleissKappa: FleissKappa.compute(binary),
        krippendorffAlpha: KrippendorffAlpha.nominal(binary),
        pairs: tally.pairs.indices.map { pairAgreement($0, codings: binary, labelIDs: id..<(id + 1)) })
    }
    return AgreementReport(
      annotators: annotators, documents: tally.documents, tokens: tally.tokens,
      fleissKappa: FleissKappa.compute(codings), krippendorffAlpha: KrippendorffAlpha.nominal(codings),
      pairs: pairs, labels: perLabel, attributes: pooled(tally.attributeTallies),
      links: pairs.reduce(LinkAgreement(agreeing: 0, pairs: 0)) { $0 + $1.links })
  }

  private static func pooled(
    _ tallies: [AgreementAccumulator.AttributeKey: AttributeAgreement]
  ) -> [AttributeAgreement] {
    var byName: [String: AttributeAgreement] = [:]
    for tally in tallies.values {
      var sum = byName[tally.name] ?? AttributeAgreement(name: tally.name, agreeing: 0, pairs: 0)
      sum.agreeing += tally.agreeing
      sum.pairs += tally.pairs
      byName[tally.name] = sum
    }
    return byName.values.sorted { $0.name < $1.name }
  }
}
