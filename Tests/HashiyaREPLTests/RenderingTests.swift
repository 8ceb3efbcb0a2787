import AnnotatorKit
import Testing

@testable import HashiyaREPL

@Suite struct RenderingTests {
  @Test func isolatesAWholeSpanAndForeignRunsInside() {
    let isolated = BidiIsolation.isolate("قسد (SDF) قالت")
    #expect(isolated == "\u{2068}قسد (\u{2066}SDF\u{2069}) قالت\u{2069}")
    #expect(BidiIsolation.isolate("plain") == "\u{2068}plain\u{2069}")
    #expect(BidiIsolation.isolate("Tech Summit في دبي") == "\u{2068}Tech Summit \u{2067}في دبي\u{2069}\u{2069}")
  }

  @Test func measuresDisplayWidthOfMixedScripts() {
    #expect(DisplayWidth.of("abc") == 3)
    #expect(DisplayWidth.of("وبيّنَ") == 4)
    #expect(DisplayWidth.of("\u{2068}ab\u{2069}") == 2)
    #expect(DisplayWidth.of("🚀") == 2)
    #expect(DisplayWidth.truncate("abcdefgh", to: 5) == "abcd…")
  }

  @Test func colourIsOffWithNoColourOrWithoutATerminal() {
    #expect(!TextStyle.detect(isTerminal: true, environment: ["NO_COLOR": "1"]).colour)
    #expect(!TextStyle.detect(isTerminal: false, environment: [:]).colour)
    #expect(TextStyle.detect(isTerminal: true, environment: ["TERM": "xterm"]).colour)
    #expect(TextStyle(colour: false).bold("x") == "x")
  }

  @Test func tablesAlignArabicByDisplayColumns() {
    let table = Table(header: ["id", "title"], rows: [["#1", "وبيّنَ"], ["#22", "ab"]], rightAligned: [0])
    let lines = table.render(TextStyle(colour: false)).split(separator: "\n")
    #expect(lines == [" id  title", " #1  وبيّنَ", "#22  ab"])
  }

  @Test func snippetsCutAtSpacesAndLineBreaks() {
    let text = Array("first line\nالخلايا النائمة لداعش وشبكاته المالية\nlast".unicodeScalars)
    let start = 11
    let snippet = Snippet.make(TextRange(start, start + 7), in: text, context: 10)
    #expect(snippet.before == "")
    #expect(snippet.match == "الخلايا")
    #expect(snippet.after == " النائمة…")
  }
}
