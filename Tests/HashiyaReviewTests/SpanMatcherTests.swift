import AnnotatorKit
import Testing

@testable import HashiyaReview

@Suite struct SpanMatcherTests {
  private func span(_ id: Int, _ label: String, _ start: Int, _ end: Int) -> ReviewSpan {
    ReviewSpan(id: id, annotator: id < 100 ? "A" : "B", label: label, range: TextRange(start, end))
  }

  private var first: [ReviewSpan] { [span(1, "PER", 0, 5), span(2, "ORG", 10, 20), span(3, "LOC", 30, 40)] }
  private var second: [ReviewSpan] {
    [span(101, "PER", 0, 5), span(102, "ORG", 12, 20), span(103, "DATE", 30, 40), span(104, "PER", 50, 55)]
  }

  @Test func exactNeedsSameRangeAndLabel() {
    let pairs = SpanMatcher.exact(first, second)
    #expect(pairs.map(\.0) == [0])
    #expect(pairs.map(\.1) == [0])
    let score = SpanF1(matched: pairs.count, inFirst: 3, inSecond: 4)
    #expect(score.precision == 1.0 / 3)
    #expect(score.recall == 0.25)
    #expect(score.f1 == 2.0 / 7)
  }

  @Test func overlapNeedsSameLabelAndSharedText() {
    let pairs = SpanMatcher.overlap(first, second)
    #expect(pairs.map(\.0).sorted() == [0, 1])
    #expect(SpanF1(matched: pairs.count, inFirst: 3, inSecond: 4).f1 == 4.0 / 7)
  }

  @Test func overlapIsOneToOneByLargestOverlap() {
    let a = [span(1, "X", 0, 10)]
    let b = [span(101, "X", 0, 4), span(102, "X", 3, 10)]
    let pairs = SpanMatcher.overlap(a, b)
    #expect(pairs.count == 1)
    #expect(pairs.first?.1 == 1)
    // Equal overlap: the exact partner wins over the wider one.
    let tie = SpanMatcher.overlap([span(1, "X", 0, 10)], [span(101, "X", 0, 20), span(102, "X", 0, 10)])
    #expect(tie.first?.1 == 1)
  }

  @Test func undefinedRatiosAreNil() {
    let none = SpanF1(matched: 0, inFirst: 0, inSecond: 0)
    #expect(none.precision == nil && none.recall == nil && none.f1 == nil)
    let disjoint = SpanF1(matched: 0, inFirst: 2, inSecond: 0)
    #expect(disjoint.precision == 0 && disjoint.recall == nil && disjoint.f1 == 0)
  }
}
