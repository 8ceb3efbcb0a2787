import Testing

@testable import AnnotatorKit

/// Hand-picked cases for the text Hashiya annotates; the exhaustive rule coverage is in
/// `UnicodeBreakConformanceTests`.
@Suite struct WordSegmenterTests {
  private struct Piece: Equatable, CustomStringConvertible {
    let text: String
    let kind: WordSegment.Kind
    init(_ text: String, _ kind: WordSegment.Kind) {
      self.text = text
      self.kind = kind
    }
    var description: String { "\(kind)(\(text.debugDescription))" }
  }

  /// The segments of `text` with their content, which reads better in failures than offsets.
  private func pieces(_ text: String) -> [Piece] {
    let scalars = Array(text.unicodeScalars)
    return WordSegmenter.segments(scalars).map { segment in
      let content = scalars[segment.range.start..<segment.range.end]
      return Piece(String(String.UnicodeScalarView(content)), segment.kind)
    }
  }

  @Test func emptyInput() {
    #expect(WordSegmenter.boundaries([]) == [0])
    #expect(WordSegmenter.segments([]).isEmpty)
  }

  @Test func segmentsCoverTheTextWithTextRanges() {
    let segments = WordSegmenter.segments(Array("قسد SDF".unicodeScalars))
    #expect(segments.map(\.range) == [TextRange(0, 3), TextRange(3, 4), TextRange(4, 7)])
  }

  @Test func arabicHarakatStayInsideTheWord() {
    #expect(pieces("وبيّنَ أنّهم") == [Piece("وبيّنَ", .word), Piece(" ", .whitespace), Piece("أنّهم", .word)])
    #expect(WordSegmenter.boundaries(Array("وبيّنَ أنّهم".unicodeScalars)) == [0, 6, 7, 12])
  }

  @Test func tatweelStaysInsideTheWord() {
    #expect(pieces("كـــتاب جميـــلٌ") == [Piece("كـــتاب", .word), Piece(" ", .whitespace), Piece("جميـــلٌ", .word)])
  }

  @Test func mixedArabicAndLatin() {
    #expect(pieces("قسد SDF") == [Piece("قسد", .word), Piece(" ", .whitespace), Piece("SDF", .word)])
    // Both scripts are ALetter, so without a space WB5 keeps them together.
    #expect(pieces("قسدSDF") == [Piece("قسدSDF", .word)])
  }

  @Test func arabicPunctuationIsSeparate() {
    #expect(
      pieces("نعم، لا؟")
        == [
          Piece("نعم", .word), Piece("،", .punctuation), Piece(" ", .whitespace),
          Piece("لا", .word), Piece("؟", .punctuation),
        ])
  }

  @Test func numbersWithSeparatorsAreOneWord() {
    #expect(pieces("120,000") == [Piece("120,000", .word)])
    #expect(pieces("3.5") == [Piece("3.5", .word)])
    #expect(pieces("120,000.") == [Piece("120,000", .word), Piece(".", .punctuation)])
    #expect(pieces("1,") == [Piece("1", .word), Piece(",", .punctuation)])
  }

  @Test func arabicIndicDigitsAreOneWord() {
    #expect(pieces("١٢٠") == [Piece("١٢٠", .word)])
    #expect(pieces("١٢٠٫٥") == [Piece("١٢٠٫٥", .word)])  // U+066B decimal separator
    #expect(pieces("١٬٠٠٠") == [Piece("١٬٠٠٠", .word)])  // U+066C thousands separator
    #expect(pieces("١٢٠ قتيلاً") == [Piece("١٢٠", .word), Piece(" ", .whitespace), Piece("قتيلاً", .word)])
  }

  @Test func emojiSequencesAndFlags() {
    #expect(pieces("👨‍👩‍👧‍👦") == [Piece("👨‍👩‍👧‍👦", .emoji)])
    #expect(pieces("🧑🏽‍💻 ok") == [Piece("🧑🏽‍💻", .emoji), Piece(" ", .whitespace), Piece("ok", .word)])
    #expect(pieces("👍🏽👋🏿") == [Piece("👍🏽", .emoji), Piece("👋🏿", .emoji)])
    #expect(pieces("🇸🇾🇮🇶") == [Piece("🇸🇾", .emoji), Piece("🇮🇶", .emoji)])
    #expect(pieces("🇸🇾🇮") == [Piece("🇸🇾", .emoji), Piece("🇮", .emoji)])
  }

  @Test func crlfIsOneWhitespaceSegment() {
    #expect(pieces("a\r\nb") == [Piece("a", .word), Piece("\r\n", .whitespace), Piece("b", .word)])
    #expect(WordSegmenter.boundaries(Array("a\r\nb".unicodeScalars)) == [0, 1, 3, 4])
  }

  @Test func whitespaceRuns() {
    // Adjacent spaces join (WB3d); a tab is Word_Break Other and stands alone.
    #expect(
      pieces("a  \tb")
        == [Piece("a", .word), Piece("  ", .whitespace), Piece("\t", .whitespace), Piece("b", .word)])
  }

  @Test func apostrophesAndUnderscoresJoinWords() {
    #expect(pieces("can't") == [Piece("can't", .word)])
    #expect(pieces("foo_bar") == [Piece("foo_bar", .word)])
    #expect(pieces("_") == [Piece("_", .punctuation)])
  }

  @Test func hebrewGershayimJoinsLetters() {
    #expect(pieces("צה\"ל") == [Piece("צה\"ל", .word)])
  }

  @Test func ideographsAreWordsOfOneCharacter() {
    #expect(pieces("漢字") == [Piece("漢", .word), Piece("字", .word)])
  }

  @Test func symbolsAndOtherScalars() {
    #expect(
      pieces("5 + $")
        == [
          Piece("5", .word), Piece(" ", .whitespace), Piece("+", .symbol), Piece(" ", .whitespace),
          Piece("$", .symbol),
        ])
    #expect(pieces("\u{0001}") == [Piece("\u{0001}", .other)])
    // A mark with no base after a newline cannot attach to anything (WB4 does not apply).
    #expect(pieces("\n\u{064E}") == [Piece("\n", .whitespace), Piece("\u{064E}", .other)])
  }

  @Test func nonWhitespaceRangesAreTheSegmentsNotClassifiedAsWhitespace() throws {
    var texts = try BreakTestFile.cases("WordBreakTest.txt").map(\.scalars)
    texts += ["", " ", "\t\u{00A0}x", " \u{0301} ", "قسد SDF\r\n«١٢٠,٠٠٠» 👍🏽 \u{2007}.", "\u{FEFF}a\u{FEFF} "].map {
      Array($0.unicodeScalars)
    }
    for scalars in texts {
      let expected = WordSegmenter.segments(scalars).filter { $0.kind != .whitespace }.map(\.range)
      #expect(WordSegmenter.nonWhitespaceRanges(scalars) == expected, "\(scalars)")
    }
  }
}
