import AnnotatorKit
import Testing

@testable import HashiyaReview

@Suite struct AgreementMetricsTests {
  /// Ten two-scalar tokens separated by single spaces: token i is `3i ..< 3i+2`.
  private let tokens = (0..<10).map { TextRange($0 * 3, $0 * 3 + 2) }

  private func span(
    _ id: Int, _ who: String, _ label: String, _ start: Int, _ end: Int,
    _ attributes: [String: JSONValue] = [:], links: [ReviewLink] = []
  ) -> ReviewSpan {
    ReviewSpan(id: id, annotator: who, label: label, range: TextRange(start, end), attributes: attributes, links: links)
  }

  private func document(_ spans: [ReviewSpan], tokens: [TextRange]? = nil, annotators: [String]? = nil)
    -> ReviewDocument
  {
    ReviewDocument(reportID: 1, layer: "l", tokens: tokens ?? self.tokens, spans: spans, annotators: annotators)
  }

  @Test func earliestStartingSpanLabelsATokenCoveredTwice() {
    // A's Y span overlaps tokens 1-2 that its earlier X span also covers; X wins there,
    // so A's token labels equal B's even though the spans differ.
    let doc = document([
      span(1, "A", "X", 0, 8), span(2, "A", "Y", 3, 14),
      span(3, "B", "X", 0, 8), span(4, "B", "Y", 9, 14),
    ])
    let report = AgreementMetrics.compute([doc], annotators: ["A", "B"])
    #expect(report.pairs[0].cohenKappa == AgreementFigure(value: 1, units: 10))
    #expect(report.pairs[0].exact == SpanF1(matched: 1, inFirst: 2, inSecond: 2))
    #expect(report.pairs[0].overlap.matched == 2)
    #expect(report.krippendorffAlpha.value == 1)
  }

  @Test func tokenFiguresMatchTheCoefficientsOnTheSameMatrix() {
    let doc = document([
      span(1, "A", "X", 0, 5), span(2, "A", "Y", 12, 17),
      span(3, "B", "X", 3, 5), span(4, "B", "X", 12, 14),
      span(5, "C", "Y", 12, 20),
    ])
    let report = AgreementMetrics.compute([doc], annotators: ["A", "B", "C"])
    // Token codes per annotator, spelled out by hand (O = no span).
    let a = ["X", "X", "O", "O", "Y", "Y", "O", "O", "O", "O"]
    let b = ["O", "X", "O", "O", "X", "O", "O", "O", "O", "O"]
    let c = ["O", "O", "O", "O", "Y", "Y", "Y", "O", "O", "O"]
    let units = (0..<10).map { [a[$0], b[$0], c[$0]] as [String?] }
    let codings = NominalCodings(units: units)
    #expect(report.krippendorffAlpha == KrippendorffAlpha.nominal(codings))
    #expect(report.fleissKappa == FleissKappa.compute(codings))
    #expect(report.pairs[1].cohenKappa == CohenKappa.compute(codings, first: 0, second: 2))
    #expect(report.tokens == 10)

    // Per label, the binary view: Y vs not-Y.
    let y = report.labels.first { $0.label == "Y" }!
    let binary = NominalCodings(units: units.map { $0.map { $0 == "Y" } })
    #expect(y.krippendorffAlpha == KrippendorffAlpha.nominal(binary))
    #expect(y.pairs[1].cohenKappa == CohenKappa.compute(binary, first: 0, second: 2))
    #expect(y.pairs[1].overlap == SpanF1(matched: 1, inFirst: 1, inSecond: 1))
    #expect(y.pairs[0].overlap == SpanF1(matched: 0, inFirst: 1, inSecond: 0))
  }

  @Test func attributeAndLinkAgreementOverMatchedPairs() {
    let doc = document([
      span(
        1, "A", "CLAIM", 0, 5, ["polarity": "pos", "certainty": "high"], links: [ReviewLink(type: "src", target: 2)]),
      span(2, "A", "PER", 6, 8),
      span(3, "A", "CLAIM", 9, 14, ["polarity": "neg"], links: [ReviewLink(type: "src", target: 2)]),
      span(11, "B", "CLAIM", 0, 4, ["polarity": "pos"], links: [ReviewLink(type: "src", target: 12)]),
      span(12, "B", "PER", 6, 8),
      span(13, "B", "CLAIM", 9, 14, ["polarity": "pos"], links: [ReviewLink(type: "src", target: 11)]),
    ])
    let report = AgreementMetrics.compute([doc], annotators: ["A", "B"])
    let attributes = Dictionary(uniqueKeysWithValues: report.attributes.map { ($0.name, $0) })
    #expect(attributes["polarity"] == AttributeAgreement(name: "polarity", agreeing: 1, pairs: 2))
    // Set on one side only: a disagreement.
    #expect(attributes["certainty"] == AttributeAgreement(name: "certainty", agreeing: 0, pairs: 1))
    // First claim links to the matched PER span on both sides; the second does not.
    #expect(report.links == LinkAgreement(agreeing: 1, pairs: 2))
    #expect(report.links.fraction == 0.5)
  }

  @Test func oneLabelEverywhereIsUndefinedNotPerfect() {
    let doc = document([span(1, "A", "X", 0, 29), span(2, "B", "X", 0, 29)])
    let report = AgreementMetrics.compute([doc], annotators: ["A", "B"])
    #expect(report.pairs[0].cohenKappa == AgreementFigure(value: nil, units: 10))
    #expect(report.fleissKappa.value == nil)
    #expect(report.krippendorffAlpha == AgreementFigure(value: nil, units: 10))
    #expect(report.pairs[0].exact.f1 == 1)
  }

  @Test func oneAnnotatorHasNoPairsAndNoCoefficients() {
    let report = AgreementMetrics.compute([document([span(1, "A", "X", 0, 5)])], annotators: ["A"])
    #expect(report.pairs.isEmpty)
    #expect(report.fleissKappa.value == nil)
    #expect(report.krippendorffAlpha == AgreementFigure(value: nil, units: 0))
    #expect(report.labels.map(\.label) == ["X"])
  }

  @Test func noSpansAndNoTokensAreDefined() {
    let empty = AgreementMetrics.compute([document([])], annotators: ["A", "B"])
    #expect(empty.pairs[0].cohenKappa == AgreementFigure(value: nil, units: 10))
    #expect(empty.pairs[0].exact.f1 == nil)
    #expect(empty.labels.isEmpty)

    let noTokens = AgreementMetrics.compute(
      [document([span(1, "A", "X", 0, 5), span(2, "B", "X", 0, 5)], tokens: [])], annotators: ["A", "B"])
    #expect(noTokens.tokens == 0)
    #expect(noTokens.krippendorffAlpha == AgreementFigure(value: nil, units: 0))
    #expect(noTokens.pairs[0].exact.f1 == 1)

    let nothing = AgreementMetrics.compute([], annotators: [])
    #expect(nothing.documents == 0)
    #expect(nothing.fleissKappa.value == nil)
  }

  @Test func disjointAnnotatorsScoreZeroNotNaN() {
    let doc = document([span(1, "A", "X", 0, 5), span(2, "B", "X", 15, 20)])
    let report = AgreementMetrics.compute([doc], annotators: ["A", "B"])
    #expect(report.pairs[0].overlap == SpanF1(matched: 0, inFirst: 1, inSecond: 1))
    #expect(report.pairs[0].overlap.f1 == 0)
    #expect(report.links.fraction == nil)
    let kappa = try! #require(report.pairs[0].cohenKappa.value)
    #expect(kappa < 0)
  }

  @Test func annotatorsWhoSkippedADocumentAreMissingNotDisagreeing() {
    let both = document([span(1, "A", "X", 0, 5), span(2, "B", "X", 0, 5), span(3, "C", "X", 0, 5)])
    // C never worked on this one: their tokens are missing, not "no span".
    let skipped = document([span(4, "A", "X", 0, 5), span(5, "B", "X", 0, 5)], annotators: ["A", "B"])
    let report = AgreementMetrics.compute([both, skipped], annotators: ["A", "B", "C"])
    #expect(report.fleissKappa.units == 10)
    #expect(report.krippendorffAlpha.units == 20)
    #expect(report.krippendorffAlpha.value == 1)
    #expect(report.pairs[1].cohenKappa.units == 10)
    #expect(report.pairs[1].exact == SpanF1(matched: 1, inFirst: 1, inSecond: 1))
  }

  @Test func parallelChunksAddUpLikeOneDocument() {
    let doc = document([
      span(1, "A", "X", 0, 5, ["k": 1]), span(2, "A", "Y", 12, 17),
      span(3, "B", "X", 3, 5, ["k": 2]), span(4, "B", "Y", 12, 14),
    ])
    let one = AgreementMetrics.compute([doc], annotators: ["A", "B"])
    let many = AgreementMetrics.compute(Array(repeating: doc, count: 1500), annotators: ["A", "B"])
    #expect(many.documents == 1500)
    #expect(many.pairs[0].cohenKappa.units == 15_000)
    #expect(abs(many.pairs[0].cohenKappa.value! - one.pairs[0].cohenKappa.value!) < 1e-9)
    #expect(many.pairs[0].overlap.matched == 1500 * one.pairs[0].overlap.matched)
    #expect(many.attributes == [AttributeAgreement(name: "k", agreeing: 0, pairs: 1500)])
  }

  @Test func reportSerializesUndefinedAsNull() {
    let report = AgreementMetrics.compute([document([span(1, "A", "X", 0, 5)])], annotators: ["A"])
    let text = JSONWriter.string(report.json)
    #expect(text.contains("\"krippendorffAlpha\":{\"value\":null"))
  }

  @Test func tokenFiguresMatchTokenByTokenLabelsOnRandomSpans() {
    var state: UInt64 = 42
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    let people = ["A", "B", "C"]
    for round in 0..<200 {
      var spans: [ReviewSpan] = []
      for id in 0..<next(12) {
        let start = next(30)
        spans.append(span(id, people[next(3)], ["X", "Y", "Z"][next(3)], start, start + 1 + next(8)))
      }
      let report = AgreementMetrics.compute([document(spans)], annotators: people)
      // Each token takes the label of the covering span that starts first, then is longest, then came first.
      let units = tokens.map { token in
        people.map { who -> String? in
          let covering = spans.enumerated().filter { $0.element.annotator == who && $0.element.range.overlaps(token) }
          let winner = covering.min {
            ($0.element.range.start, -$0.element.range.end, $0.offset) < (
              $1.element.range.start, -$1.element.range.end, $1.offset
            )
          }
          return winner?.element.label ?? "O"
        }
      }
      let codings = NominalCodings(units: units)
      for (actual, expected) in [
        (report.krippendorffAlpha, KrippendorffAlpha.nominal(codings)),
        (report.fleissKappa, FleissKappa.compute(codings)),
        (report.pairs[2].cohenKappa, CohenKappa.compute(codings, first: 1, second: 2)),
      ] {
        #expect(actual.units == expected.units, "round \(round)")
        #expect(abs((actual.value ?? -9) - (expected.value ?? -9)) < 1e-9, "round \(round)")
      }
    }
  }
}
