import AnnotatorKit
import AnnotatorTesting
import SpeakerTagging
import Testing

@Suite struct SpeakerTaggerSeedTests {
  let text: ReportText
  let all: [Suggestion]

  init() throws {
    (text, all) = try suggestions(SpeakerTagger(), for: SeedReport.text)
  }

  private var speakers: [Suggestion] { all.filter { $0.label == "speaker" } }
  private var quotes: [Suggestion] { all.filter { $0.label == "quote" } }

  private func speakerName(of quote: Suggestion) -> String? {
    guard let link = quote.links.first(where: { $0.type == "said-by" }) else { return nil }
    return all[link.target].attributes["name"]?.stringValue
  }

  @Test func suggestionsAreWellFormed() throws {
    try expectWellFormed(all, in: text, schema: SpeakerTagger().schema)
  }

  @Test func tagsBothNamedSpeakersWithRoles() throws {
    let kevin = try #require(speakers.first { text.substring($0.range) == "كيفين كويثي" })
    #expect(kevin.attributes["name"] == "كيفين كويثي")
    #expect(kevin.attributes["role"] == "نائب قائد العمليات الخاصة للتحالف الدولي")
    #expect(kevin.attributes["affiliation"] == "التحالف الدولي")
    #expect(kevin.explanation.contains("أكد"))

    let kino = try #require(speakers.first { text.substring($0.range) == "كينو كابرييل" })
    #expect(kino.attributes["name"] == "كينو كابرييل")
    #expect(kino.attributes["role"] == "المتحدث الرسمي لقوات سوريا الديمقراطية")
    #expect(kino.attributes["affiliation"] == "قوات سوريا الديمقراطية")
  }

  @Test func laterSurnameMentionsShareTheFullName() {
    let surnames = speakers.filter { ["كويثي", "كابرييل"].contains(text.substring($0.range)) }
    #expect(surnames.count == 2)
    #expect(surnames.map { $0.attributes["name"] } == ["كيفين كويثي", "كينو كابرييل"])
  }

  @Test func quotedNamesAreSpeakersNotQuotes() {
    for quote in quotes {
      #expect(!["كيفين كويثي", "كويثي", "كينو كابرييل", "كابرييل"].contains(text.substring(quote.range)))
    }
  }

  @Test func directQuoteGoesToKinoKabriel() throws {
    let direct = try #require(quotes.first { text.substring($0.range).hasPrefix("لكن هذا ليس حلاً نهائياً") })
    #expect(text.substring(direct.range).hasSuffix("ارتكبوها"))
    #expect(direct.attributes["mode"] == "direct")
    #expect(speakerName(of: direct) == "كينو كابرييل")
  }

  @Test func kevinsStatementsAreHis() throws {
    let trained = try #require(quotes.first { text.substring($0.range).contains("120 ألف مقاتل") })
    #expect(trained.attributes["mode"] == "indirect")
    #expect(speakerName(of: trained) == "كيفين كويثي")
    // "وأشار إلى أنّ…" names nobody: it continues the previous sentence's speaker.
    let cells = try #require(quotes.first { text.substring($0.range).contains("الخلايا النائمة") })
    #expect(speakerName(of: cells) == "كيفين كويثي")
    #expect(cells.explanation.contains("continues"))
    let freed = try #require(quotes.first { text.substring($0.range).contains("ثمانية ملايين") })
    #expect(speakerName(of: freed) == "كيفين كويثي")
  }

  @Test func kinosReportedClausesAreHis() throws {
    for fragment in ["يتلقون الدعم", "هذا الدعم يساعد", "ليست مهمة التحالف", "العملية تأتي ضمن", "ستكون هناك إجراءات"] {
      let quote = try #require(quotes.first { text.substring($0.range).contains(fragment) }, "\(fragment)")
      #expect(speakerName(of: quote) == "كينو كابرييل", "\(fragment)")
    }
  }

  @Test func reportedClauseStopsAtTheNextAttribution() throws {
    let first = try #require(quotes.first { text.substring($0.range).contains("يتلقون الدعم") })
    #expect(text.substring(first.range) == "إنّهم يتلقون الدعم بأشكال مختلفة من التحالف الدولي")
    let committed = try #require(quotes.first { text.substring($0.range).contains("ملتزمون") })
    #expect(!text.substring(committed.range).contains("على حد قوله"))
  }

  @Test func headlineVerbWithoutComplementIsNoQuote() {
    // "التحالف الدولي يؤكد استمرار دعمهم… حتى القضاء على داعش": على is not after the verb.
    #expect(!quotes.contains { text.substring($0.range).contains("بشكل نهائي") && $0.range.start < 100 })
  }
}
