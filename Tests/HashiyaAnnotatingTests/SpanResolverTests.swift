import AnnotatorKit
import Testing

@testable import HashiyaAnnotating

/// SPANs resolved to exact, checked ranges, and the occurrences `find` lists.
@Suite struct SpanResolverTests {
  let text = ReportText("أكد “كيفين كويثي” أن 120 ألف مقاتل تدربوا. وقال “كويثي” 👍🏽 إنهم مستمرون.\r\nسطر ثالث")

  func resolve(_ span: SpanSpecifier, lastFind: (Int, [TextRange])? = nil) throws -> TextRange {
    try SpanResolver(text: text, reportID: 1, lastFind: lastFind.map { (reportID: $0.0, ranges: $0.1) }).resolve(span)
  }

  @Test func parsesWordForms() {
    #expect(SpanSpecifier.parse("s3.4-7") == .tokens(sentence: 3, from: 4, to: 7))
    #expect(SpanSpecifier.parse("120..131") == .offsets(120, 131))
    #expect(SpanSpecifier.parse("@2") == .lastFind(2))
    #expect(SpanSpecifier.parse("hello") == nil)
  }

  @Test func findAndSpansShareTheirOccurrences() throws {
    let found = try SpanResolver.occurrences(of: .text("كويثي"), in: text)
    #expect(found.count == 2)
    #expect(try resolve(.text("كويثي", occurrence: 2)) == found[1])
    let digits = try SpanResolver.occurrences(of: .pattern("[0-9]+", flags: ""), in: text)
    #expect(digits.map { text.substring($0) } == ["120"])
    #expect(throws: SpanError.self) { try SpanResolver.occurrences(of: .pattern("(", flags: ""), in: text) }
  }

  @Test func resolvesTextIgnoringDiacriticsAndRefusesAmbiguity() throws {
    let range = try resolve(.text("كِيفين كويثي", occurrence: nil))
    #expect(text.substring(range) == "كيفين كويثي")
    #expect(throws: SpanError.self) { try resolve(.text("كويثي", occurrence: nil)) }
    do {
      _ = try resolve(.text("كويثي", occurrence: nil))
    } catch let error as SpanError {
      #expect(error.description.contains("occurs 2 times"))
      #expect(error.description.contains("s1.4"))
    }
    let second = try resolve(.text("كويثي", occurrence: 2))
    #expect(second.start > range.end)
    #expect(throws: SpanError.tooFewOccurrences("\"كويثي\"", wanted: 3, found: 2)) {
      try resolve(.text("كويثي", occurrence: 3))
    }
    #expect(throws: SpanError.notFound("\"داعش\"")) { try resolve(.text("داعش", occurrence: nil)) }
  }

  @Test func resolvesSentencesTokensOffsetsAndRegex() throws {
    #expect(text.substring(try resolve(.sentence(3))) == "سطر ثالث")
    #expect(text.substring(try resolve(.tokens(sentence: 1, from: 3, to: 4))) == "كيفين كويثي")
    #expect(text.substring(try resolve(.offsets(0, 3))) == "أكد")
    #expect(text.substring(try resolve(.regex(pattern: "[0-9]+ ألف", flags: ""))) == "120 ألف")
    #expect(throws: SpanError.noSuchSentence(9, count: 3)) { try resolve(.sentence(9)) }
    #expect(throws: SpanError.noSuchToken(sentence: 3, token: 5, count: 2)) {
      try resolve(.tokens(sentence: 3, from: 1, to: 5))
    }
  }

  @Test func refusesRangesThatSplitGraphemesOrFallOutside() throws {
    let thumbs = text.scalars.firstIndex(of: "👍")!
    #expect(throws: SpanError.invalid(.splitsGrapheme(TextRange(thumbs, thumbs + 1), offset: thumbs + 1))) {
      try resolve(.offsets(thumbs, thumbs + 1))
    }
    let cr = text.scalars.firstIndex(of: "\r")!
    #expect(throws: SpanError.self) { try resolve(.offsets(cr, cr + 1)) }
    #expect(throws: SpanError.invalid(.outOfBounds(TextRange(0, 999), length: text.count))) {
      try resolve(.offsets(0, 999))
    }
    #expect(throws: SpanError.invalid(.empty(TextRange(4, 4)))) { try resolve(.offsets(4, 4)) }
  }

  @Test func atMeansTheLastFindOfThisReport() throws {
    let found = text.occurrences(of: "كويثي")
    #expect(throws: SpanError.noFind) { try resolve(.lastFind(nil)) }
    #expect(throws: SpanError.findInOtherReport(2)) { try resolve(.lastFind(nil), lastFind: (2, found)) }
    #expect(throws: SpanError.self) { try resolve(.lastFind(nil), lastFind: (1, found)) }
    #expect(try resolve(.lastFind(2), lastFind: (1, found)) == found[1])
  }
}
