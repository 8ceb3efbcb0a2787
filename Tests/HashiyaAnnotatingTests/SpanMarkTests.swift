import AnnotatorKit
import Testing

@testable import HashiyaAnnotating

/// Spans taken by token marks without counting: `s4.3+1`, `s4.3-s5.2`, and `+1`/`-1` on the
/// last span annotated.
@Suite struct SpanMarkTests {
  /// Two sentences with diacritics, an emoji outside the BMP and a CRLF between them.
  let text = ReportText("أكّد “كيفين كويثي” أنّ 120 ألف مقاتل تدرّبوا. وقال “كويثي” 👍🏽 إنهم مستمرون.\r\nسطر ثالث")

  func resolve(_ word: String, lastSpan: TextRange? = nil) throws -> String {
    let span = try #require(SpanSpecifier.parse(word), "\(word) did not parse")
    let resolver = SpanResolver(text: text, reportID: 1, lastFind: nil, lastSpan: lastSpan.map { (1, $0) })
    return text.substring(try resolver.resolve(span))
  }

  @Test func parsesMarkForms() {
    #expect(SpanSpecifier.parse("s4.3+1") == .tokens(sentence: 4, from: 3, to: 4))
    #expect(SpanSpecifier.parse("s4.3+0") == .tokens(sentence: 4, from: 3, to: 3))
    #expect(
      SpanSpecifier.parse("s4.3-s5.2") == .tokensAcross(fromSentence: 4, fromToken: 3, toSentence: 5, toToken: 2))
    #expect(SpanSpecifier.parse("s4.3-s4.5") == .tokens(sentence: 4, from: 3, to: 5))
    #expect(SpanSpecifier.parse("s4.3-") == .tokensToEnd(sentence: 4, from: 3))
    #expect(SpanSpecifier.parse("+1") == .resized(1))
    #expect(SpanSpecifier.parse("-2") == .resized(-2))
    // Backwards, a range in the second mark, a sign with no number: not SPANs.
    for word in ["s5.2-s4.3", "s4.3-s5.2-4", "s4.3-s4.2", "+", "-0", "s4.3+", "s4.3+-1", "+x"] {
      #expect(SpanSpecifier.parse(word) == nil, "\(word)")
    }
  }

  @Test func takesTokensWithoutCounting() throws {
    #expect(try resolve("s1.3+1") == "كيفين كويثي")
    #expect(try resolve("s1.2+3") == "“كيفين كويثي”")
    #expect(try resolve("s1.10-s2.2") == "تدرّبوا. وقال “")
    // To the sentence's last word: the final punctuation stays out.
    #expect(try resolve("s2.3-") == "كويثي” 👍🏽 إنهم مستمرون")
    #expect(throws: SpanError.noWordAfter(sentence: 1, token: 11)) { try resolve("s1.11-") }
    #expect(throws: SpanError.noSuchToken(sentence: 1, token: 40, count: 11)) { try resolve("s1.3+37") }
    #expect(throws: SpanError.noSuchSentence(4, count: 3)) { try resolve("s1.3-s4.1") }
  }

  @Test func movesTheEndOfTheLastSpanByWords() throws {
    let name = try #require(text.occurrences(of: "كيفين").first)
    #expect(try resolve("+1", lastSpan: name) == "كيفين كويثي")
    #expect(try resolve("+2", lastSpan: name) == "كيفين كويثي”")
    let both = try #require(text.occurrences(of: "كيفين كويثي").first)
    #expect(try resolve("-1", lastSpan: both) == "كيفين")
    // Across the emoji and the CRLF, whole graphemes only.
    let said = try #require(text.occurrences(of: "كويثي").last)
    #expect(try resolve("+2", lastSpan: said) == "كويثي” 👍🏽")
    #expect(throws: SpanError.noLastSpan) { try resolve("+1") }
    #expect(throws: SpanError.cannotResize("the span has only 1 word(s)")) { try resolve("-1", lastSpan: name) }
    let last = try #require(text.occurrences(of: "ثالث").first)
    #expect(throws: SpanError.cannotResize("the text has only 0 more word(s) after the span")) {
      try resolve("+1", lastSpan: last)
    }
    let other = SpanResolver(text: text, reportID: 2, lastFind: nil, lastSpan: (1, name))
    #expect(throws: SpanError.lastSpanInOtherReport(1)) { try other.resolve(.resized(1)) }
  }
}
