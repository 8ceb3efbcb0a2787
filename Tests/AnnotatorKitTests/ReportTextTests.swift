import AnnotatorTesting
import Testing

@testable import AnnotatorKit

@Suite struct ReportTextTests {
  /// Emoji outside the BMP, a flag, CRLF and Arabic with diacritics in one text.
  let mixed = ReportText("قال 👍🏽 “كِيفِين” 🇸🇾\r\nSDF: 120 ألف.")

  @Test func convertsOffsetsBetweenScalarsUTF16AndUTF8() {
    let text = mixed
    #expect(text.count == text.string.unicodeScalars.count)
    #expect(text.utf16Count == text.string.utf16.count)
    #expect(text.utf8Count == text.string.utf8.count)
    // "قال " is 4 scalars; the thumbs-up is one scalar but two UTF-16 units and four UTF-8 bytes.
    #expect(text.utf16Offset(ofScalar: 4) == 4)
    #expect(text.utf16Offset(ofScalar: 5) == 6)
    #expect(text.utf8Offset(ofScalar: 5) == 7 + 4)
    #expect(text.scalarOffset(ofUTF16: 6) == 5)
    #expect(text.scalarOffset(ofUTF16: 5) == nil)
    #expect(text.scalarOffset(ofUTF8: 12) == nil)
    for offset in 0...text.count {
      #expect(text.scalarOffset(ofUTF16: text.utf16Offset(ofScalar: offset)) == offset)
      #expect(text.scalarOffset(ofUTF8: text.utf8Offset(ofScalar: offset)) == offset)
    }
  }

  @Test func comparesARangeWithAQuoteInPlace() {
    let text = mixed
    for start in 0..<text.count {
      for end in start + 1...text.count {
        let range = TextRange(start, end)
        #expect(text.text(in: range, equals: text.substring(range)))
      }
    }
    // "“كِيفِين”" is scalars 7..<16; without its kasras, or one scalar short, it is not the text.
    #expect(text.substring(TextRange(7, 16)) == "“كِيفِين”")
    #expect(!text.text(in: TextRange(7, 16), equals: "“كيفين”"))
    #expect(!text.text(in: TextRange(7, 15), equals: "“كِيفِين”"))
    #expect(!text.text(in: TextRange(4, 6), equals: "👍🏼"))
  }

  @Test func nearbyGraphemeCheckAgreesWithTheTable() {
    let text = mixed
    for offset in -1...text.count + 1 {
      #expect(text.isGraphemeBoundaryNearby(offset) == text.isGraphemeBoundary(offset), "offset \(offset)")
    }
  }

  @Test func refusesRangesThatAreEmptyOutsideOrSplitAGrapheme() throws {
    let text = mixed
    #expect(throws: TextRangeError.empty(TextRange(3, 3))) { try text.validate(TextRange(3, 3)) }
    #expect(throws: TextRangeError.outOfBounds(TextRange(0, 999), length: text.count)) {
      try text.validate(TextRange(0, 999))
    }
    // The skin-tone modifier belongs to the thumbs-up: ending between them splits the emoji.
    #expect(throws: TextRangeError.splitsGrapheme(TextRange(4, 5), offset: 5)) { try text.validate(TextRange(4, 5)) }
    try text.validate(TextRange(4, 6))
    // CR LF is one grapheme cluster.
    let cr = text.scalars.firstIndex(of: "\r")!
    #expect(throws: TextRangeError.self) { try text.validate(TextRange(cr, cr + 1)) }
  }

  @Test func findsFoldedMatchesWidenedToWholeGraphemes() {
    let text = mixed
    let found = text.occurrences(of: "كيفين")
    #expect(found.count == 1)
    #expect(text.substring(found[0]) == "كِيفِين")
    #expect(text.occurrences(of: "١٢٠").map(text.substring) == ["120"])
    #expect(text.occurrences(of: "sdf").map(text.substring) == ["SDF"])
  }

  @Test func findsRegexMatchesInScalarOffsets() throws {
    let text = mixed
    let found = try text.occurrences(of: try BoundedRegex("[0-9]+ ألف"))
    #expect(found.map(text.substring) == ["120 ألف"])
    #expect(found[0].start == text.string.unicodeScalars.count - 8)
  }

  @Test func sentenceRangesAreTheSentencesRangesWhicheverIsAskedFirst() {
    for string in [SeedReport.text, "قال 👍🏽 “كِيفِين” 🇸🇾\r\nSDF: 120 ألف. ثم 👩🏽‍💻 غادر؟\r\nسطر", "", "بلا نقطة"] {
      let rangesFirst = ReportText(string)
      let ranges = rangesFirst.sentenceRanges
      let sentencesFirst = ReportText(string)
      let sentences = sentencesFirst.sentences
      #expect(ranges == sentences.map(\.range))
      #expect(sentencesFirst.sentenceRanges == ranges)
      #expect(rangesFirst.sentences.map(\.range) == ranges)
      #expect(sentences.map(\.number) == sentences.indices.map { $0 + 1 })
    }
    #expect(ReportText(SeedReport.text).sentenceRanges.count > 5)
  }

  @Test func numbersSentencesAndTokens() {
    let text = ReportText("أكد “كيفين كويثي” أنهم دربوا 120 ألف مقاتل. وقال: «نعم؟» ثم غادر.\nسطر ثالث")
    #expect(text.sentences.map(\.number) == [1, 2, 3, 4])
    let first = text.sentences[0]
    #expect(first.tokens.map(text.substring).prefix(4) == ["أكد", "“", "كيفين", "كويثي"])
    #expect(text.substring(first.range).hasSuffix("مقاتل."))
    let offset = text.sentences[0].tokens[2].start
    #expect(text.location(of: offset) == TextLocation(sentence: 1, token: 3))
    #expect(text.location(of: offset).description == "s1.3")
    #expect(text.substring(text.sentences[3].range) == "سطر ثالث")
  }

  @Test func decodesUTF8OrSaysWhereItBreaks() throws {
    #expect(try UTF8Validation.decode(Array("أكد".utf8)).get() == "أكد")
    let bad: [UInt8] = Array("ab".utf8) + [0xE2, 0x82] + Array("c".utf8)
    #expect(throws: UTF8Validation.InvalidUTF8(byteOffset: 2)) { try UTF8Validation.decode(bad).get() }
    #expect(throws: UTF8Validation.InvalidUTF8(byteOffset: 0)) { try UTF8Validation.decode([0xC0, 0x80]).get() }
  }
}
