import AnnotatorKit
import AnnotatorTesting
import Testing
import TranslationNotes

@Suite struct TranslationNoterSeedTests {
  let text: ReportText
  let notes: [Suggestion]

  init() throws {
    (text, notes) = try suggestions(TranslationNoter(), for: SeedReport.text)
  }

  private func folded(_ s: String) -> String { FoldedText.foldedString(s) }

  @Test func wellFormed() throws {
    try expectWellFormed(notes, in: text, schema: TranslationNoter().schema)
  }

  @Test func glossaryIsLargeEnough() {
    #expect(TranslationNoter.shippedGlossary.count >= 40)
  }

  /// An independent word test: the folded report's words, with a clitic allowed on the first.
  private func occursAsWord(_ term: String) -> Bool {
    let words = folded(SeedReport.text).split { !$0.isLetter && !$0.isNumber }.map(String.init)
    let termWords = folded(term).split(separator: " ").map(String.init)
    let clitics = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "بال", "وال", "كال", "لل", "ولل"]
    guard words.count >= termWords.count else { return false }
    for start in 0...(words.count - termWords.count) {
      let first = words[start]
      let head = termWords[0]
      let firstMatches = clitics.contains { clitic in
        first == clitic + head
          || (head.hasPrefix("ال") && first == clitic + "ل" + head.dropFirst(2) && clitic.hasSuffix("ل"))
      }
      if firstMatches && Array(words[(start + 1)..<(start + termWords.count)]) == Array(termWords.dropFirst()) {
        return true
      }
    }
    return false
  }

  @Test func everyGlossaryTermInTheReportGetsANote() {
    var checked = 0
    for entry in TranslationNoter.shippedGlossary where occursAsWord(entry.term) {
      checked += 1
      let term = folded(entry.term)
      // Longest match wins, so a term may be covered by a longer note that contains it.
      let elided = term.hasPrefix("ال") ? String(term.dropFirst()) : term
      #expect(notes.contains { folded(text.substring($0.range)).contains(elided) }, "\(entry.term)")
    }
    #expect(checked >= 35)
  }

  @Test func requiredTermsHaveTheirTranslations() {
    let expected: [(String, String)] = [
      ("قسد", "SDF, Syrian Democratic Forces"), ("داعش", "ISIS (Daesh)"),
      ("التحالف الدولي", "the international (anti-ISIS) coalition"),
      ("البشمركة", "Peshmerga (Kurdish forces of northern Iraq)"), ("الخلايا النائمة", "sleeper cells"),
      ("الإدارة الذاتية", "the Autonomous Administration (of North and East Syria)"),
    ]
    for (term, translation) in expected {
      #expect(
        notes.contains { text.substring($0.range) == term && $0.attributes["translation"]?.stringValue == translation },
        "\(term)")
    }
  }

  @Test func cliticsAreOutsideTheSpan() throws {
    // لقسد in the headline, لداعش, والبشمركة, للتحالف الدولي (the article's alef elided).
    let headlineSDF = try #require(notes.first { $0.attributes["translation"] == "SDF, Syrian Democratic Forces" })
    #expect(text.substring(headlineSDF.range) == "قسد")
    #expect(text.scalars[headlineSDF.range.start - 1] == "ل")
    let peshmerga = try #require(notes.first { text.substring($0.range) == "البشمركة" })
    #expect(text.scalars[peshmerga.range.start - 1] == "و")
    #expect(notes.contains { text.substring($0.range) == "لتحالف الدولي" && $0.explanation.contains("\"لل\"") })
    #expect(notes.contains { text.substring($0.range) == "داعش" && text.scalars[$0.range.start - 1] == "ل" })
  }

  @Test func longestMatchWins() throws {
    let aanes = try #require(notes.first { text.substring($0.range) == "الإدارة الذاتية لشمال وشرق سوريا" })
    #expect(aanes.attributes["translation"] == "the Autonomous Administration of North and East Syria (AANES)")
    #expect(!notes.contains { $0 != aanes && $0.range.overlaps(aanes.range) })
    #expect(!notes.contains { $0.range.overlaps(aanes.range) && text.substring($0.range) == "سوريا" })
  }

  @Test func notesDoNotOverlap() {
    for (a, b) in zip(notes, notes.dropFirst()) { #expect(a.range.end <= b.range.start) }
  }
}
