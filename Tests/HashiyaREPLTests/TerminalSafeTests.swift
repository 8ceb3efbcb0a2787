import AnnotatorKit
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaREPL

@Suite struct TerminalSafeTests {
  @Test func escapesControlCharactersVisibly() {
    #expect(TerminalSafe.escape("a\u{1B}]0;pwned\u{07}b") == #"a\e]0;pwned\x07b"#)
    #expect(TerminalSafe.escape("\u{1B}[2J") == #"\e[2J"#)
    #expect(TerminalSafe.escape("x\u{9B}31my") == #"x\u{9B}31my"#)
    #expect(TerminalSafe.escape("\u{0}\u{8}\u{7F}\u{85}") == #"\x00\x08\x7F\u{85}"#)
    #expect(TerminalSafe.escape("a\u{2028}b\u{2029}") == #"a\u{2028}b\u{2029}"#)
    #expect(TerminalSafe.escape("\u{202E}abc\u{202C}\u{2066}d\u{2069}") == #"\u{202E}abc\u{202C}\u{2066}d\u{2069}"#)
  }

  @Test func keepsTabsLineBreaksCRLFAndEveryScript() {
    let text = "قالَ المُتَحَدِّثُ:\t«نعم» 🛰️👩🏽‍🔬 é\r\nnext\nline ١٢٣ \u{200F}"
    #expect(TerminalSafe.escape(text) == text)
    #expect(!TerminalSafe.needsEscaping(text))
    // A carriage return alone could overwrite the start of the line: it is shown.
    #expect(TerminalSafe.escape("safe\rEVIL") == #"safe\rEVIL"#)
    #expect(TerminalSafe.escape("end\r") == #"end\r"#)
  }

  @Test func sanitizeKeepsOnlyTheStylesOwnColours() {
    let colour = TextStyle(colour: true)
    let own = colour.bold("#1") + " " + colour.red("error: ") + colour.highlight("x") + colour.colour("magenta", "m")
    #expect(TerminalSafe.sanitize(own, style: colour) == own)
    let foreign = own + "\u{1B}[2J\u{1B}]0;t\u{07}\u{1B}[38;5;1m\u{1B}[31"
    #expect(
      TerminalSafe.sanitize(foreign, style: colour) == own + #"\e[2J\e]0;t\x07\e[38;5;1m\e[31"#)
    // Without colour no escape sequence is Hashiya's.
    #expect(TerminalSafe.sanitize("\u{1B}[1mx\u{1B}[0m", style: TextStyle(colour: false)) == #"\e[1mx\e[0m"#)
    // The last guard leaves Hashiya's isolates alone.
    let isolated = BidiIsolation.isolate("قسد (SDF)")
    #expect(TerminalSafe.sanitize(isolated, style: colour) == isolated)
  }

  @Test func isolationEscapesTheDataItIsolates() {
    #expect(BidiIsolation.isolate("a\u{1B}[2Jb") == "\u{2068}a\\e[2Jb\u{2069}")
    // A data PDI cannot close Hashiya's isolate early.
    #expect(BidiIsolation.isolate("x\u{2069}y") == "\u{2068}x\\u{2069}y\u{2069}")
  }

  @Test func inlineMarkupEscapesTheSentenceBeforeColouringIt() throws {
    let text = ReportText("Kevin \u{1B}[2J said \u{1B}]0;pwned\u{07} it.")
    let annotation = Annotation(
      id: 1, uuid: "u", reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(0, 5),
      quote: "Kevin", attributes: [:], author: "a", origin: "manual", status: .active, createdAt: "", updatedAt: "")
    let list = AnnotationList(entries: [
      AnnotationList.Entry(annotation: annotation, location: TextLocation(), quoteMatches: true, links: [])
    ])
    let style = TextStyle(colour: true)
    let rendered = InlineMarkup(text: text, annotations: list, colours: [:]).render(text.sentences[0].range, style)
    #expect(rendered.contains(#"\e[2J"#) && rendered.contains(#"\e]0;pwned\x07"#))
    #expect(TerminalSafe.sanitize(rendered, style: style) == rendered)
    #expect(rendered.contains(style.colour("cyan", "⟦")))
  }

  @Test func snippetsEscapeAroundTheirHighlight() {
    let scalars = Array("before \u{1B}[2J match\u{07} after".unicodeScalars)
    let snippet = Snippet.make(TextRange(12, 17), in: scalars)
    let style = TextStyle(colour: true)
    let shown = snippet.isolated(style)
    #expect(shown.contains(style.highlight("match")))
    #expect(TerminalSafe.sanitize(shown, style: style) == shown)
    #expect(shown.contains(#"\e[2J"#) && shown.contains(#"\x07"#))
  }
}
