import AnnotatorKit
import AnnotatorTesting
import ClaimLabeling
import Testing

@Suite struct ClaimLabelerTests {
  let labeler = ClaimLabeler()

  private func claim(containing fragment: String, in result: (ReportText, [Suggestion])) throws -> Suggestion {
    try #require(result.1.first { result.0.substring($0.range).contains(fragment) }, "\(fragment)")
  }

  @Test func seedReportClaimsCoverTheFiguresAndTheirClauses() throws {
    let result = try suggestions(labeler, for: SeedReport.text)
    try expectWellFormed(result.1, in: result.0, schema: labeler.schema)
    let trained = try claim(containing: "120 ألف", in: result)
    #expect(result.0.substring(trained.range).contains("قاموا بتدريب 120 ألف مقاتل"))
    #expect(!result.0.substring(trained.range).contains("البشمركة"), "one clause, not the whole sentence")
    #expect(trained.attributes["type"] == "statistical")
    #expect(trained.attributes["checkworthiness"] == 4)
    #expect(trained.attributes["verdict"] == "unverified")
    #expect(trained.explanation.contains("120 ألف"))
    let freed = try claim(containing: "ثمانية ملايين", in: result)
    #expect(result.0.substring(freed.range).contains("تحرير ثمانية ملايين شخص"))
    let future = try claim(containing: "ستكون", in: result)
    #expect(future.attributes["type"] == "prediction")
  }

  @Test func claimsNeverCrossSentences() throws {
    for string in [SeedReport.text, EnglishReport.text] {
      let (text, all) = try suggestions(labeler, for: string)
      for claim in all {
        #expect(text.sentences.filter { $0.range.overlaps(claim.range) }.count == 1)
        #expect(labeler.validate(AnnotationDraft(label: "claim", range: claim.range), in: text).isEmpty)
      }
    }
  }

  @Test func englishFiguresComparisonsCausesPredictions() throws {
    let result = try suggestions(labeler, for: EnglishReport.text, language: "en")
    try expectWellFormed(result.1, in: result.0, schema: labeler.schema)
    let revenue = try claim(containing: "$12.5 million", in: result)
    #expect(revenue.attributes["type"] == "statistical")
    #expect(revenue.attributes["checkworthiness"] == 4)
    let grain = try claim(containing: "40,000 tonnes", in: result)
    #expect(!result.0.substring(grain.range).contains("Haddad"), "the attribution is not part of the claim")
    let exports = try claim(containing: "15 percent more than", in: result)
    #expect(exports.attributes["type"] == "causal")
    #expect(exports.explanation.contains("comparison \"more than\""))
    let invest = try claim(containing: "$3 million", in: result)
    #expect(invest.attributes["type"] == "prediction")
    let headline = try claim(containing: "three-month", in: result)
    #expect(headline.attributes["checkworthiness"] == 2, "a number word without a scale is a weak lead")
  }

  @Test func comparisonAndCauseWithoutNumbers() throws {
    let result = try suggestions(
      labeler,
      for: "ارتفعت الأسعار في الأسواق المحلية أكثر من العام الماضي. وأغلقت المدارس بسبب الفيضانات التي ضربت المنطقة.")
    #expect(try claim(containing: "أكثر من", in: result).attributes["type"] == "comparison")
    #expect(try claim(containing: "بسبب", in: result).attributes["type"] == "causal")
  }

  @Test func arabicIndicDigitsPercentEmojiAndCRLF() throws {
    let string =
      "📈 تقرير 🇸🇾\r\nوقال الوزير إن نسبة البطالة بلغت ٢٣٫٥٪ في المحافظات الشرقية.\r\nوسجلت الصادرات ١٢٠٬٠٠٠ طن خلال عام 2023 فقط 🎉."
    let result = try suggestions(labeler, for: string)
    try expectWellFormed(result.1, in: result.0, schema: labeler.schema)
    let rate = try claim(containing: "٢٣٫٥٪", in: result)
    #expect(rate.range.start == (try scalarOffset(of: "وقال الوزير", in: string)))
    #expect(result.0.substring(rate.range) == "وقال الوزير إن نسبة البطالة بلغت ٢٣٫٥٪ في المحافظات الشرقية")
    let exports = try claim(containing: "١٢٠٬٠٠٠ طن", in: result)
    #expect(exports.range.end == (try scalarOffset(of: " 🎉.", in: string)))
  }

  @Test func yearsAloneAreNoClaims() throws {
    #expect(try suggestions(labeler, for: "عقد المؤتمر الأول في مدينة دمشق عام 2019 بحضور الوفود.").1.isEmpty)
    #expect(try suggestions(labeler, for: "").1.isEmpty)
  }
}
