import AnnotatorKit
import HashiyaModel
import HashiyaStore
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
    // After the last whole word that fits, never inside an Arabic word.
    #expect(DisplayWidth.truncate("قائد العمليات الخاصة", to: 16) == "قائد العمليات …")
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

/// Inline markup and bidi isolation on text where scalars, UTF-8 bytes and graphemes all differ.
@Suite struct InlineRenderingTests {
  /// Isolation as its rule states it, scalar by scalar: the oracle the run-copying version must match.
  static func isolatedByScalars(_ text: String) -> String {
    if text.isEmpty { return text }
    let scalars = Array(text.unicodeScalars)
    guard let base = scalars.lazy.compactMap(BidiIsolation.direction(of:)).first else {
      return "\u{2068}" + text + "\u{2069}"
    }
    var out = String.UnicodeScalarView()
    out.append(BidiIsolation.fsi)
    var index = 0
    while index < scalars.count {
      guard let dir = BidiIsolation.direction(of: scalars[index]), dir != base else {
        out.append(scalars[index])
        index += 1
        continue
      }
      var end = index + 1
      var lastStrong = index
      while end < scalars.count {
        let d = BidiIsolation.direction(of: scalars[end])
        if d == base || scalars[end] == "\n" { break }
        if d == dir { lastStrong = end }
        end += 1
      }
      out.append(dir == .ltr ? BidiIsolation.lri : BidiIsolation.rli)
      out.append(contentsOf: scalars[index...lastStrong])
      out.append(BidiIsolation.pdi)
      index = lastStrong + 1
    }
    out.append(BidiIsolation.pdi)
    return String(out)
  }

  @Test(arguments: [
    "قسد (SDF) قالت", "Tech Summit في دبي 2019", "وبيّنَ أنّهم press conference 🚀 المجتمع؟",
    "سطر أول AI\r\nsecond line 👍🏽 ثم عربي\nend", "🇸🇾 ١٢٠ ألف — 40%", "", "123 — …", "עברית and English و عربي",
    "a\u{0301}\u{05D0}b\n\u{05D1}c",
  ])
  func runCopyingIsolationMatchesTheScalarRule(_ text: String) {
    #expect(BidiIsolation.isolate(text) == Self.isolatedByScalars(text))
  }

  func entry(_ id: Int, _ range: TextRange, in text: ReportText, label: String = "claim") -> AnnotationList.Entry {
    AnnotationList.Entry(
      annotation: Annotation(
        id: id, uuid: "u\(id)", reportID: 1, layer: "claim-labeling", label: label, range: range,
        quote: text.substring(range), attributes: [:], author: "amal", origin: "manual", status: .active,
        createdAt: "", updatedAt: "", provenance: []),
      location: TextLocation(), quoteMatches: true, links: [])
  }

  @Test func nestedAndTouchingSpansCloseBeforeTheyOpenAndInnermostFirst() {
    let text = ReportText("أكد “كيفين كويثي” 👍🏽 أن 120 ألف مقاتل.\r\nسطر")
    let speaker = TextRange(5, 16)
    let first = TextRange(5, 10)
    let number = TextRange(24, 31)
    let after = TextRange(31, 37)
    let list = AnnotationList(
      entries: [
        entry(1, speaker, in: text), entry(2, first, in: text), entry(3, number, in: text),
        entry(4, after, in: text),
      ], heading: nil)
    let markup = InlineMarkup(text: text, annotations: list, colours: [:])
    let rendered = markup.render(TextRange(0, text.count), TextStyle(colour: false))
    let plain = rendered.unicodeScalars.filter { !(0x2066...0x2069).contains($0.value) }
    #expect(
      String(String.UnicodeScalarView(plain))
        == "أكد “⟦⟦كيفين⟧#2 كويثي⟧#1” 👍🏽 أن ⟦120 ألف⟧#3⟦ مقاتل⟧#4.\r\nسطر")
  }
}
