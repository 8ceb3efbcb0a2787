import AnnotatorKit
import AnnotatorTesting
import Testing
import TranslationNotes

@Suite struct TranslationNoterMatchingTests {
  let noter = TranslationNoter()

  private func spans(_ string: String, _ noter: TranslationNoter = TranslationNoter()) throws -> [String] {
    let (text, notes) = try suggestions(noter, for: string)
    try expectWellFormed(notes, in: text, schema: noter.schema)
    return notes.map { text.substring($0.range) }
  }

  @Test func wordBoundaries() throws {
    // مقسدة and قسدي contain قسد but are other words; لقسد and وللتحالف are the term with clitics.
    #expect(try spans("مقسدة قسدي لقسد") == ["قسد"])
    #expect(try spans("وللتحالف الدولي دور") == ["لتحالف الدولي"])
    #expect(try spans("بالبشمركة وداعش فالتحالف الدولي") == ["البشمركة", "داعش", "التحالف الدولي"])
    #expect(try spans("الداعشيون") == [])
  }

  @Test func diacriticsTatweelEmojiAndCRLF() throws {
    let string = "🇸🇾👨‍👩‍👧 خبر\r\nقاتلت قُوّاتُ سوريا الديمقراطيّة ودَاعـــش 😀 الخلايا النائمة\r\n"
    let (text, notes) = try suggestions(noter, for: string)
    try expectWellFormed(notes, in: text, schema: noter.schema)
    #expect(notes.map { text.substring($0.range) } == ["قُوّاتُ سوريا الديمقراطيّة", "دَاعـــش", "الخلايا النائمة"])
    #expect(notes[0].range.start == (try scalarOffset(of: "قُوّاتُ", in: string)))
    #expect(notes[1].range.start == (try scalarOffset(of: "دَاعـــش", in: string)))
    #expect(notes[2].range.end == string.unicodeScalars.count - 2)
  }

  @Test func userGlossaryOverridesAndExtends() throws {
    let custom = TranslationNoter(userGlossary: [
      GlossaryEntry(term: "قسد", translation: "QSD (SDF)", kind: .transliteration),
      GlossaryEntry(term: "حلب", translation: "Aleppo"),
    ])
    let (text, notes) = try suggestions(custom, for: "دخلت قسد إلى حلب.")
    #expect(notes.map { text.substring($0.range) } == ["قسد", "حلب"])
    #expect(notes[0].attributes["translation"] == "QSD (SDF)")
    #expect(notes[0].attributes["kind"] == "transliteration")
    #expect(notes[0].explanation.contains("user glossary"))
    #expect(custom.glossary.filter { $0.term == "قسد" }.count == 1)
  }

  @Test func englishTermsInAUserGlossaryAreWordBounded() throws {
    let custom = TranslationNoter(userGlossary: [GlossaryEntry(term: "SDF", translation: "قسد")])
    #expect(try spans("The SDF said SDFs and xSDF are not words.", custom) == ["SDF"])
  }
}
