import AnnotatorTesting
import Testing

@testable import AnnotatorKit

/// A text indexed by checkpoints answers every offset question as one with full tables does.
@Suite struct ScalarCheckpointsTests {
  /// Texts whose scalars are one to four bytes long, cross the eight-byte words and the
  /// 32-scalar checkpoints at every alignment, and hold the runs the grapheme check looks back
  /// over: marks after a ZWJ, a long run of regional indicators, CRLF.
  static let texts: [String] = [
    "",
    "a",
    "قال 👍🏽 “كِيفِين” 🇸🇾\r\nSDF: 120 ألف.",
    SeedReport.text,
    flagsAfterArabic,
    marksBeforeAZWJ,
    "🏳️‍🌈\u{200D}\u{200D}\u{200D}ًٌٍَُِّ ًٌٍَُِّ\r\n\r\n😀",
    everyWidth,
  ]
  static var flagsAfterArabic: String {
    String(repeating: "ب", count: 70) + String(repeating: "🇸🇾", count: 11) + "x" + String(repeating: "🇸", count: 9)
  }
  static var marksBeforeAZWJ: String {
    String(repeating: "x", count: 29) + "👩" + String(repeating: "\u{0301}", count: 12) + "\u{200D}💻 تمّ"
  }
  static var everyWidth: String {
    var text = ""
    for n in 0..<300 {
      text.unicodeScalars.append(Unicode.Scalar(UInt8(32 + n % 90)))
      text += n % 7 == 0 ? "é🙂" : "ـّ"
    }
    return text
  }

  @Test(arguments: texts.indices) func convertsEveryOffsetAsTheTablesDo(_ which: Int) {
    let tables = ReportText(Self.texts[which])
    let checkpoints = ReportText(Self.texts[which], indexing: .checkpoints)
    #expect(checkpoints.count == tables.count)
    #expect(checkpoints.utf16Count == tables.utf16Count)
    #expect(checkpoints.utf8Count == tables.utf8Count)
    for offset in 0...tables.count {
      #expect(checkpoints.utf8Offset(ofScalar: offset) == tables.utf8Offset(ofScalar: offset), "offset \(offset)")
      #expect(checkpoints.utf16Offset(ofScalar: offset) == tables.utf16Offset(ofScalar: offset), "offset \(offset)")
    }
  }

  @Test(arguments: texts.indices) func decidesEveryGraphemeBoundaryAsTheWholeTextDoes(_ which: Int) {
    let tables = ReportText(Self.texts[which])
    let checkpoints = ReportText(Self.texts[which], indexing: .checkpoints)
    for offset in -1...tables.count + 1 {
      #expect(checkpoints.isGraphemeBoundaryNearby(offset) == tables.isGraphemeBoundary(offset), "offset \(offset)")
    }
  }

  @Test(arguments: texts.indices) func slicesAndComparesRangesAsTheTablesDo(_ which: Int) {
    let tables = ReportText(Self.texts[which])
    let checkpoints = ReportText(Self.texts[which], indexing: .checkpoints)
    let count = tables.count
    for start in Swift.stride(from: 0, to: count, by: max(1, count / 40)) {
      for end in [start + 1, start + 7, start + 33, count] where end <= count && end > start {
        let range = TextRange(start, end)
        #expect(checkpoints.substring(range) == tables.substring(range))
        #expect(checkpoints.text(in: range, equals: tables.substring(range)))
        let valid = (try? tables.validate(range)) != nil
        #expect(((try? checkpoints.validate(range)) != nil) == valid)
      }
    }
  }

  /// The context a quote is exported with, worked out scalar by scalar over the whole text's
  /// grapheme boundaries: what `withContext` must give in either indexing.
  static func expectedContext(of range: TextRange, length: Int, in text: ReportText) -> (String, String) {
    var start = max(0, range.start - length)
    while start < range.start && !text.isGraphemeBoundary(start) { start += 1 }
    var end = min(text.count, range.end + length)
    while end > range.end && !text.isGraphemeBoundary(end) { end -= 1 }
    return (
      String(String.UnicodeScalarView(text.scalars[start..<range.start])),
      String(String.UnicodeScalarView(text.scalars[range.end..<end]))
    )
  }

  @Test(arguments: texts.indices) func cutsQuoteContextsAtGraphemeBoundariesInBothIndexings(_ which: Int) {
    let tables = ReportText(Self.texts[which])
    let checkpoints = ReportText(Self.texts[which], indexing: .checkpoints)
    let count = tables.count
    for start in Swift.stride(from: 0, to: count, by: max(1, count / 60)) {
      for end in [start + 1, start + 3, start + 40] where end <= count {
        let range = TextRange(start, end)
        for length in [0, 1, 4, 32] {
          let expected = Self.expectedContext(of: range, length: length, in: tables)
          for text in [tables, checkpoints] {
            let context = text.withContext(of: range, length: length) {
              (String(decoding: $0, as: UTF8.self), String(decoding: $1, as: UTF8.self))
            }
            #expect(context == expected, "\(range) ±\(length)")
          }
        }
      }
    }
  }

  @Test(arguments: texts.indices) func checksASpanAndItsQuoteAsTheSeparateChecksDo(_ which: Int) {
    let tables = ReportText(Self.texts[which])
    let checkpoints = ReportText(Self.texts[which], indexing: .checkpoints)
    let count = tables.count
    for start in Swift.stride(from: 0, to: count, by: max(1, count / 60)) {
      for end in [start, start + 1, start + 2, start + 9, count + 1] {
        let range = TextRange(start, end)
        // The separate checks: the span alone, then its text.
        var expected: TextRangeError?
        do {
          try tables.validate(range)
          if !tables.text(in: range, equals: "x") { expected = .quoteDiffers(range) }
        } catch { expected = error }
        for text in [tables, checkpoints] {
          let failure = Self.failure { () throws(TextRangeError) in try text.validate(range, quote: "x") }
          #expect(failure == expected, "\(range)")
          if expected == .quoteDiffers(range) {
            let quote = tables.substring(range)
            #expect(Self.failure { () throws(TextRangeError) in try text.validate(range, quote: quote) } == nil)
          }
        }
      }
    }
  }

  static func failure(_ check: () throws(TextRangeError) -> Void) -> TextRangeError? {
    do {
      try check()
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: texts.indices) func stepsAnyNumberOfScalarsEitherWay(_ which: Int) {
    let text = Self.texts[which]
    // Where each scalar starts, and the end.
    var leads: [Int] = []
    var offset = 0
    for scalar in text.unicodeScalars {
      leads.append(offset)
      offset += String(scalar).utf8.count
    }
    leads.append(offset)
    Array(text.utf8).withUnsafeBufferPointer { bytes in
      for index in leads.indices {
        for steps in 0...min(40, index) {
          #expect(ScalarCheckpoints.lead(steps, before: leads[index], in: bytes) == leads[index - steps])
        }
        for steps in 0...min(40, leads.count - 1 - index) {
          #expect(ScalarCheckpoints.lead(steps, after: leads[index], in: bytes) == leads[index + steps])
        }
      }
    }
  }

  @Test func theWindowAloneDecidesOrdinaryTextAndDefersLongRuns() throws {
    let flags = String(repeating: "🇸🇾", count: 6)
    let index = flags.utf8.withContiguousStorageIfAvailable { ScalarCheckpoints($0) }
    let checkpoints = try #require(index)
    // Ten regional indicators before offset 10: more than the window sees, so only the whole run can tell.
    let deferred = flags.utf8.withContiguousStorageIfAvailable {
      checkpoints.isGraphemeBoundary(at: 10, byte: checkpoints.utf8Offset(ofScalar: 10, in: $0), in: $0)
    }
    #expect(deferred == .some(nil))
    let arabic = "كِيفِين"
    let arabicIndex = try #require(arabic.utf8.withContiguousStorageIfAvailable { ScalarCheckpoints($0) })
    let decided = arabic.utf8.withContiguousStorageIfAvailable { bytes in
      (0...arabicIndex.count).map {
        arabicIndex.isGraphemeBoundary(at: $0, byte: arabicIndex.utf8Offset(ofScalar: $0, in: bytes), in: bytes)
      }
    }
    #expect(decided == [true, false, true, true, false, true, true, true])
  }

  @Test func theTablesAreMadeOnFirstUseAndAgree() {
    let text = ReportText(SeedReport.text, indexing: .checkpoints)
    let tables = ReportText(SeedReport.text)
    #expect(text.scalars == tables.scalars)
    #expect(text.scalarOffset(ofUTF16: tables.utf16Offset(ofScalar: 40)) == 40)
    #expect(text.sentenceRanges == tables.sentenceRanges)
    #expect(text.occurrences(of: "قوات") == tables.occurrences(of: "قوات"))
  }
}
