import AnnotatorKit
import Testing

@Suite struct ExcerptTests {
  @Test func shortTextIsQuotedWhole() {
    #expect(Excerpt.of("كِتاب 👋🏽") == "كِتاب 👋🏽")
    #expect(Excerpt.of(String(repeating: "a", count: 80)) == String(repeating: "a", count: 80))
  }

  @Test func longTextIsCutOnACharacterWithItsLength() {
    let text = String(repeating: "بِ", count: 100) + "👨‍👩‍👧"
    let excerpt = Excerpt.of(text, limit: 5)
    #expect(excerpt == "بِبِبِبِبِ… (205 characters)")
    #expect(Excerpt.of(String(repeating: "👋🏽", count: 3), limit: 2) == "👋🏽👋🏽… (6 characters)")
  }
}
