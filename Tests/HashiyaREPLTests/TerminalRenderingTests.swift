import AnnotatorKit
import AnnotatorTesting
import Foundation
import Testing

@testable import HashiyaREPL

/// What reaches a terminal: escape sequences whole, widths of what is displayed, isolates only
/// where they help.
@Suite struct TerminalRenderingTests {
  static let coloured = TextStyle(colour: true)

  @Test func aHighlightInArabicKeepsItsColourCodesWhole() {
    let snippet = Snippet(
      before: "قالت «قسد» إنّ ", match: "كيفين كويثي", after: " قال (SDF)", range: TextRange(15, 26))
    let rendered = snippet.isolated(Self.coloured)
    #expect(
      EscapeSequences.malformed(in: rendered).isEmpty, "\(rendered.unicodeScalars.map { String($0.value, radix: 16) })")
    #expect(rendered.contains("\u{1B}[7mكيفين كويثي\u{1B}[0m"))
    // The Latin run is still isolated on its own.
    #expect(rendered.contains("\u{2066}SDF\u{2069}"))
  }

  @Test func colourCodesTakeNoColumns() {
    // Three letters (the shadda joins its letter), a space and two more.
    #expect(DisplayWidth.of(Self.coloured.bold("أكّد") + " " + Self.coloured.red("ok")) == 6)
    #expect(DisplayWidth.of("\u{1B}[7m👍🏽\u{1B}[0m") == 2)
  }

  @Test func tablesOfColouredCellsLineUp() {
    let style = Self.coloured
    let table = Table(
      header: ["n", "text", "who"],
      rows: [[style.bold("1"), "كيفين كويثي", "amal"], ["12", style.yellow("قسد"), "karim"]])
    let lines = table.render(style).split(separator: "\n").map(String.init)
    let whoColumn = lines.compactMap { line in
      ["amal", "karim", "who"].lazy.compactMap { line.range(of: $0) }.first.map {
        DisplayWidth.of(String(line[..<$0.lowerBound]))
      }
    }
    #expect(whoColumn.count == 3 && Set(whoColumn).count == 1, "\(lines)")
  }

  @Test func isolatesFollowTheBidiMode() {
    let terminal = TextStyle.detect(isTerminal: true, environment: [:])
    let pipe = TextStyle.detect(isTerminal: false, environment: [:])
    let forced = TextStyle.detect(isTerminal: false, environment: [:], bidi: .always)
    let never = TextStyle.detect(isTerminal: true, environment: [:], bidi: .never)
    let text = BidiIsolation.isolate("قسد (SDF) قالت")
    #expect(terminal.finish(text) == text)
    #expect(forced.finish(text) == text)
    #expect(pipe.finish(text) == "قسد (SDF) قالت")
    #expect(never.finish(text) == "قسد (SDF) قالت")
  }
}

/// Help and long lines fold at spaces to the width, never inside an Arabic word.
@Suite struct TextWrapTests {
  @Test func foldsAtSpacesWithAHangingIndent() {
    let text = "يؤكد التحالف الدولي استمرار دعمهم لقوات سوريا الديمقراطية في الحرب على تنظيم داعش"
    let wrapped = TextWrap.wrap(text, width: 30, indent: 4)
    let lines = wrapped.split(separator: "\n").map(String.init)
    #expect(lines.count > 1)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("    ") && DisplayWidth.of($0) <= 30 })
    #expect(DisplayWidth.of(lines[0]) <= 26)
    // Every word comes through whole and in order.
    #expect(lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") == text)
  }

  @Test func aWordLongerThanTheLineStaysWhole() {
    let long = String(repeating: "ك", count: 40)
    #expect(TextWrap.wrap("a \(long) b", width: 30, indent: 2) == "a\n  \(long)\n  b")
  }
}

/// Bulk commands sum their handles up instead of printing thousands of them.
@Suite struct HandleSummaryTests {
  @Test func fewHandlesAreListedManyAreARange() {
    #expect(HandleSummary.text([3, 4, 9]) == "#3, #4, #9")
    #expect(HandleSummary.text(Array(1...16_970)) == "#1–#16970")
    #expect(HandleSummary.text(Array(stride(from: 5, through: 905, by: 2))) == "#5–#905 (451 of them)")
  }
}
