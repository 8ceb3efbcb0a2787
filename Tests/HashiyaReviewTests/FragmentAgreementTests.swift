import AnnotatorKit
import Testing

@testable import HashiyaReview

/// Agreement on spans in pieces: tokens are labelled per piece, an exact match needs the same
/// pieces, an overlap match weighs the characters covered in common, and review aligns through any piece.
@Suite struct FragmentAgreementTests {
  /// Ten two-scalar tokens separated by single spaces: token i is `3i ..< 3i+2`.
  private let tokens = (0..<10).map { TextRange($0 * 3, $0 * 3 + 2) }

  private func span(_ id: Int, _ who: String, _ pieces: [TextRange], label: String = "Q") -> ReviewSpan {
    ReviewSpan(id: id, annotator: who, label: label, range: pieces[0], fragments: Array(pieces.dropFirst()))
  }

  private func document(_ spans: [ReviewSpan]) -> ReviewDocument {
    ReviewDocument(reportID: 1, layer: "l", tokens: tokens, spans: spans, annotators: ["A", "B"])
  }

  @Test func theWordsBetweenPiecesAreNotLabelled() {
    // A marks tokens 0-1 and 4-5 as one quotation split by tokens 2-3; B marks the same words
    // as two spans. Token by token they agree; as spans they do not match exactly.
    let doc = document([
      span(1, "A", [TextRange(0, 5), TextRange(12, 17)]),
      span(2, "B", [TextRange(0, 5)]), span(3, "B", [TextRange(12, 17)]),
    ])
    let report = AgreementMetrics.compute([doc], annotators: ["A", "B"])
    #expect(report.pairs[0].cohenKappa.value == 1)
    #expect(report.krippendorffAlpha.value == 1)
    #expect(report.pairs[0].exact == SpanF1(matched: 0, inFirst: 1, inSecond: 2))
    #expect(report.pairs[0].overlap.matched == 1)

    // Had the pieces been one span over the words between, tokens 2-3 would disagree.
    let covering = document([
      span(1, "A", [TextRange(0, 17)]), span(2, "B", [TextRange(0, 5)]), span(3, "B", [TextRange(12, 17)]),
    ])
    #expect((AgreementMetrics.compute([covering], annotators: ["A", "B"]).pairs[0].cohenKappa.value ?? 1) < 1)
  }

  @Test func anExactMatchNeedsEveryPiece() {
    let same = [TextRange(0, 5), TextRange(12, 17)]
    #expect(SpanMatcher.exact([span(1, "A", same)], [span(2, "B", same)]).count == 1)
    let shorter = [TextRange(0, 5), TextRange(12, 14)]
    #expect(SpanMatcher.exact([span(1, "A", same)], [span(2, "B", shorter)]).isEmpty)
    #expect(SpanMatcher.exact([span(1, "A", same)], [span(2, "B", [TextRange(0, 5)])]).isEmpty)
  }

  @Test func overlapPrefersThePartnerSharingMoreOfThePieces() {
    let a = [span(1, "A", [TextRange(0, 5), TextRange(12, 17)])]
    // The second candidate shares both pieces (10 characters), the first only one (5).
    let b = [span(2, "B", [TextRange(0, 5)]), span(3, "B", [TextRange(0, 5), TextRange(12, 14)])]
    #expect(SpanMatcher.overlap(a, b).first?.1 == 1)
    // Pieces that only surround the other span do not touch it.
    let around = [span(4, "B", [TextRange(6, 11)])]
    #expect(SpanMatcher.overlap(a, around).isEmpty)
  }

  @Test func reviewAlignsThroughTheLastPieceAndSeesDifferentPiecesAsBoundaries() {
    let doc = document([
      span(1, "A", [TextRange(0, 5), TextRange(24, 29)]),
      span(2, "B", [TextRange(24, 29)]),
    ])
    let units = SpanAligner.align(doc)
    #expect(units.count == 1)
    #expect(units.first?.range == TextRange(0, 29))
    #expect(units.first?.differences.contains(.boundaries) == true)
  }
}
