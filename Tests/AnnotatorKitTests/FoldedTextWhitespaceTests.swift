import AnnotatorKit
import Testing

/// Whitespace runs fold to one space, so a span typed with one space finds words two spaces, a
/// tab or a line break apart, and the other way round, with exact original offsets.
@Suite struct FoldedTextWhitespaceTests {
  @Test func aRunOfWhitespaceMatchesOneSpaceBothWays() {
    let text = ReportText("قالَ كيفين  كويثي،\r\nثمّ كيفين\u{00A0}كويثي 👍🏽")
    let scalars = Array(text.string.unicodeScalars)
    func quoted(_ range: TextRange) -> String {
      String(String.UnicodeScalarView(scalars[range.start..<range.end]))
    }
    #expect(text.occurrences(of: "كيفين كويثي").map(quoted) == ["كيفين  كويثي", "كيفين\u{00A0}كويثي"])
    #expect(text.occurrences(of: "كيفين   كويثي").count == 2)
    #expect(text.occurrences(of: "كويثي، ثم").map(quoted) == ["كويثي،\r\nثمّ"])
  }
}
