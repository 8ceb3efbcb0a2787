import AnnotatorKit
import AnnotatorTesting
import SpeakerTagging
import Testing

@Suite struct SpeakerTaggerOffsetTests {
  @Test func diacriticsEmojiAndCRLF() throws {
    let string =
      "🇸🇾 👨‍👩‍👧 خبر عاجل\r\nقالَ “كِيفِين كويثي” إنّ الدعم مستمر 😀 حتى النهاية.\r\nوأشار إلى أنّ المهمة لم تنتهِ بعد 🎉 في المنطقة."
    let (text, all) = try suggestions(SpeakerTagger(), for: string)
    try expectWellFormed(all, in: text, schema: SpeakerTagger().schema)

    let speaker = try #require(all.first { $0.label == "speaker" })
    #expect(speaker.range.start == (try scalarOffset(of: "كِيفِين", in: string)))
    #expect(text.substring(speaker.range) == "كِيفِين كويثي")
    #expect(speaker.attributes["name"] == "كيفين كويثي")

    // A bare إنّ/أنّ is left out of the clause; one carrying a pronoun (أنهم) starts it.
    let quotes = all.filter { $0.label == "quote" }
    #expect(quotes.count == 2)
    #expect(
      quotes.map { text.substring($0.range) } == ["الدعم مستمر 😀 حتى النهاية", "المهمة لم تنتهِ بعد 🎉 في المنطقة"])
    #expect(quotes[0].range.start == (try scalarOffset(of: "الدعم مستمر", in: string)))
    #expect(quotes.allSatisfy { $0.links == [Suggestion.Link(type: "said-by", target: 0)] })
  }

  @Test func ambiguousBayyanaNeedsAComplement() throws {
    // بين as "between" is no reporting verb; وبيّن أنّ is.
    let (text, all) = try suggestions(
      SpeakerTagger(), for: "وتتواصل الاتصالات بين هذه الخلايا في المنطقة الشرقية كل يوم.")
    #expect(all.isEmpty, "\(all.map { text.substring($0.range) })")
  }

  @Test func emptyAndPunctuationOnlyReports() throws {
    #expect(try suggestions(SpeakerTagger(), for: "").1.isEmpty)
    #expect(try suggestions(SpeakerTagger(), for: "“ ” « »\r\n...").1.isEmpty)
  }
}
