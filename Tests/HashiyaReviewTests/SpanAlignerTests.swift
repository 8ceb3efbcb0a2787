import AnnotatorKit
import Testing

@testable import HashiyaReview

@Suite struct SpanAlignerTests {
  private func span(
    _ id: Int, _ who: String, _ label: String, _ start: Int, _ end: Int,
    _ attributes: [String: JSONValue] = [:], links: [ReviewLink] = []
  ) -> ReviewSpan {
    ReviewSpan(id: id, annotator: who, label: label, range: TextRange(start, end), attributes: attributes, links: links)
  }

  private var document: ReviewDocument {
    ReviewDocument(
      reportID: 7, layer: "entities", tokens: [],
      spans: [
        // Unit 0: unanimous.
        span(1, "A", "PER", 0, 5, ["certainty": "high"]),
        span(2, "B", "PER", 0, 5, ["certainty": "high"]),
        span(3, "C", "PER", 0, 5, ["certainty": "high"]),
        // Unit 1: C missing, boundaries differ.
        span(4, "A", "ORG", 10, 15),
        span(5, "B", "ORG", 10, 17),
        // Unit 2: C's label differs; A and B share a label but not the attribute.
        span(6, "A", "LOC", 20, 25, ["certainty": "high"]),
        span(7, "B", "LOC", 20, 25, ["certainty": "low"]),
        span(8, "C", "DATE", 20, 25, ["certainty": "high"]),
        // Unit 3: B's link lands in another unit than A's and C's.
        span(9, "A", "CLAIM", 30, 35, links: [ReviewLink(type: "source", target: 1)]),
        span(10, "B", "CLAIM", 30, 35, links: [ReviewLink(type: "source", target: 5)]),
        span(11, "C", "CLAIM", 30, 35, links: [ReviewLink(type: "source", target: 3)]),
      ])
  }

  @Test func listsEachKindOfDifference() {
    let units = SpanAligner.align(document, annotators: ["A", "B", "C"])
    #expect(units.count == 4)
    #expect(units.map(\.range) == [TextRange(0, 5), TextRange(10, 17), TextRange(20, 25), TextRange(30, 35)])
    #expect(units[0].differences.isEmpty)
    #expect(units[1].differences == [.missing(["C"]), .boundaries])
    #expect(units[2].differences == [.label, .attribute("certainty")])
    #expect(units[3].differences == [.link("source")])
    #expect(units[3].dissenters == ["B"])
    #expect(units[1].spans(of: "C").isEmpty)
    #expect(units[1].spans(of: "B").map(\.id) == [5])
  }

  @Test func unanimousUnitsScoreZero() {
    let units = SpanAligner.align(document)
    #expect(units[0].isUnanimous)
    #expect(units[0].contention == 0)
    #expect(units.dropFirst().allSatisfy { !$0.isUnanimous && $0.contention > 0 })
  }

  @Test func contentionPutsMoreKindsAndMoreDissentersFirst() {
    let order = SpanAligner.align(document).sortedByContention().map(\.index)
    // Units 1 and 2 both have two kinds and two dissenters: text order breaks the tie.
    #expect(order == [1, 2, 3, 0])
    let lonely = ReviewDocument(
      reportID: 1, layer: "l", tokens: [],
      spans: [span(1, "A", "X", 0, 3), span(2, "A", "X", 10, 13), span(3, "B", "X", 10, 13), span(4, "C", "X", 10, 13)])
    let units = SpanAligner.align(lonely)
    // Both units miss someone, but two dissenters outrank one.
    #expect(units[0].contention > units[1].contention)
  }

  @Test func ownSpansMergeOnlyWhenAnotherAnnotatorBridgesThem() {
    let split = ReviewDocument(
      reportID: 1, layer: "l", tokens: [],
      spans: [
        span(1, "A", "X", 40, 45), span(2, "A", "X", 46, 50), span(3, "B", "X", 40, 50),
        span(4, "A", "Y", 60, 70), span(5, "A", "Y", 65, 68),
      ])
    let units = SpanAligner.align(split, annotators: ["A", "B"])
    #expect(units.count == 3)
    #expect(units[0].spans["A"]?.map(\.id) == [1, 2])
    #expect(units[0].differences == [.boundaries])
    #expect(units[1].spans["A"]?.map(\.id) == [4])
    #expect(units[2].spans["A"]?.map(\.id) == [5])
    #expect(units[1].differences == [.missing(["B"])])
  }

  @Test func singleAnnotatorAndEmptyDocumentsAreDefined() {
    #expect(SpanAligner.align(ReviewDocument(reportID: 1, layer: "l", tokens: [], spans: [])).isEmpty)
    let solo = SpanAligner.align(ReviewDocument(reportID: 1, layer: "l", tokens: [], spans: [span(1, "A", "X", 0, 2)]))
    #expect(solo.count == 1)
    #expect(solo[0].isUnanimous)
  }

  @Test func unitsSerializeToJSON() {
    let text = JSONWriter.string(SpanAligner.align(document)[1].json)
    #expect(text.contains("\"kind\":\"missing\""))
    #expect(text.contains("\"annotators\":[\"C\"]"))
  }
}
