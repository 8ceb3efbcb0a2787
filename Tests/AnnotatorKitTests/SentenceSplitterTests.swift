import Testing

@testable import AnnotatorKit

private func split(_ text: String) -> [String] {
  let scalars = Array(text.unicodeScalars)
  return SentenceSplitter.sentences(in: scalars).map {
    String(String.UnicodeScalarView(scalars[$0.start..<$0.end]))
  }
}

@Suite struct SentenceSplitterTests {
  @Test func seedReportOpeningLines() {
    let text = """
      أخبار وتقارير
      التحالف الدولي يؤكد استمرار دعمهم لقسد حتى القضاء على داعش بشكل نهائي
      محمد محمود
      أكد “كيفين كويثي” نائب قائد العمليات الخاصة للتحالف الدولي في سوريا والعراق خلال مؤتمر صحفي عقد، اليوم الثلاثاء، في مدينة رميلان، على استمرارية مهمتهم في القضاء على تنظيم داعش بشكل نهائي.
      واشاد “كويثي” خلال المؤتمر، بجهود قوات سورية الديمقراطية (قسد) والبشمركة في القضاء على داعش وزوال دولة الخلافة المزعومة، مبيناً أنهم قاموا بتدريب 120 ألف مقاتل في سوريا والعراق لدحر الإرهاب.
      """
    #expect(split(text) == text.split(separator: "\n").map(String.init))
    #expect(split(text).count == 5)
  }

  @Test func quotedSentenceKeepsClosingQuoteAndPeriodTogether() {
    let text = """
      واستدرك بالقول، “لكن هذا ليس حلاً نهائياً للمشكلة، ونحن نطرح بشكل مستمر في جميع اللقاءات إيجاد حل لهذه القضية بشكل كامل، من خلال إقامة محكمة دولية، على الأراضي السورية لمحاكمة إرهابيي داعش على جرائمهم التي ارتكبوها”.
      وأوضح “كابرييل” أنّ هذا الأمر بشكل أساسي ليست مهمة التحالف الدولي.
      """
    let sentences = split(text)
    #expect(sentences.count == 2)
    #expect(sentences[0].hasSuffix("ارتكبوها”."))
    #expect(sentences[1].hasPrefix("وأوضح “كابرييل”"))
  }

  @Test func englishAbbreviationAndClosingQuote() {
    #expect(
      split("Mr. Smith said “It works.” Then he left.")
        == ["Mr. Smith said “It works.”", "Then he left."])
  }

  @Test func arabicGuillemetsAndArabicQuestionMark() {
    #expect(split("قال: «نعم؟» ثم غادر.") == ["قال: «نعم؟»", "ثم غادر."])
  }

  @Test func arabicCommaSemicolonAndColonNeverEndASentence() {
    #expect(
      split("قال، إن الدعم مستمر؛ وأضاف: نعم. ثم غادر, slowly; then: home")
        == ["قال، إن الدعم مستمر؛ وأضاف: نعم.", "ثم غادر, slowly; then: home"])
  }

  @Test func lineBreaksOfEveryKind() {
    let text = "First line\r\nSecond line.\r\n\r\nThird? Yes!\rFourth\u{2028}Fifth\u{2029}Sixth\n"
    #expect(
      split(text) == ["First line", "Second line.", "Third?", "Yes!", "Fourth", "Fifth", "Sixth"])
  }

  @Test func terminatorRunsCountOnce() {
    #expect(
      split("Really?! Yes... Fine… End۔ آخر؟ نعم")
        == ["Really?!", "Yes...", "Fine…", "End۔", "آخر؟", "نعم"])
  }

  @Test func periodsInNumbersInitialsAndAbbreviations() {
    #expect(
      split("Growth was 3.5 percent, about 120.000 people. Next.")
        == ["Growth was 3.5 percent, about 120.000 people.", "Next."])
    #expect(
      split(
        "J. R. Smith met Dr. Jones and Gen. Mazloum on Jan. 5. It was U.S. policy, e.g. sanctions, i.e. pressure, etc. Fine."
      )
        == [
          "J. R. Smith met Dr. Jones and Gen. Mazloum on Jan. 5.",
          "It was U.S. policy, e.g. sanctions, i.e. pressure, etc. Fine.",
        ])
    #expect(
      split("He said no. No. 5 was next. See example.com now.")
        == ["He said no.", "No. 5 was next.", "See example.com now."])
  }

  @Test func offsetsCountScalarsAroundEmojiAndFlags() {
    let text = "Great work 👍🏽! Next 🇸🇾 flag. 👍🏽"
    #expect(split(text) == ["Great work 👍🏽!", "Next 🇸🇾 flag.", "👍🏽"])
    #expect(
      SentenceSplitter.sentences(in: text)
        == [TextRange(0, 14), TextRange(15, 28), TextRange(29, 31)])
  }

  @Test func lonePunctuationJoinsThePreviousSentence() {
    #expect(split("He said “Go.”\n”\nNext line.") == ["He said “Go.”\n”", "Next line."])
    #expect(split("Done. ” .") == ["Done. ” ."])
    // With nothing before it there is nowhere to merge, and text must not be lost.
    #expect(split("—\nText.") == ["—", "Text."])
  }

  @Test func emptyAndWhitespaceOnlyText() {
    #expect(split("").isEmpty)
    #expect(split("   \n\t\r\n \u{00A0} \u{2029}").isEmpty)
    #expect(split("\u{FEFF}Title\n") == ["Title"])
  }

  @Test func rangesAreTrimmedOrderedAndDisjoint() {
    let text =
      "  أخبار وتقارير  \n\n وقال “كينو كابرييل” المتحدث الرسمي، إنّهم يتلقون الدعم.  لافتاً إلى ذلك! "
    let scalars = Array(text.unicodeScalars)
    let ranges = SentenceSplitter.sentences(in: scalars)
    #expect(ranges.count == 3)
    for (k, r) in ranges.enumerated() {
      #expect(!r.isEmpty)
      #expect(!scalars[r.start].properties.isWhitespace)
      #expect(!scalars[r.end - 1].properties.isWhitespace)
      if k > 0 { #expect(ranges[k - 1].end <= r.start) }
    }
  }
}
