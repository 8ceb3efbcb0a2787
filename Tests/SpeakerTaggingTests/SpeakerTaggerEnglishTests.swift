import AnnotatorKit
import AnnotatorTesting
import SpeakerTagging
import Testing

@Suite struct SpeakerTaggerEnglishTests {
  let text: ReportText
  let all: [Suggestion]

  init() throws {
    (text, all) = try suggestions(SpeakerTagger(), for: EnglishReport.text, language: "en")
  }

  private func quote(containing fragment: String) throws -> Suggestion {
    try #require(all.first { $0.label == "quote" && text.substring($0.range).contains(fragment) })
  }

  private func speakerName(of quote: Suggestion) -> String? {
    quote.links.first.flatMap { all[$0.target].attributes["name"]?.stringValue }
  }

  @Test func wellFormed() throws {
    try expectWellFormed(all, in: text, schema: SpeakerTagger().schema)
  }

  @Test func namesNextToReportingVerbs() throws {
    let haddad = try #require(all.first { text.substring($0.range) == "Maria Haddad" })
    #expect(haddad.attributes["name"] == "Maria Haddad")
    #expect(haddad.attributes["role"] == "director of the Tartus Port Authority")
    #expect(haddad.attributes["affiliation"] == "Tartus Port Authority")
    let nasser = try #require(all.first { text.substring($0.range) == "Sami Nasser" })
    #expect(nasser.attributes["role"] == "Finance Minister")
    let khatib = try #require(all.first { text.substring($0.range) == "Omar Khatib" })
    #expect(khatib.attributes["role"] == "head of the chamber of commerce")
    #expect(all.filter { $0.label == "speaker" && text.substring($0.range) == "Haddad" }.count == 1)
  }

  @Test func quotesAndAttributions() throws {
    let direct = try quote(containing: "40,000 tonnes")
    #expect(direct.attributes["mode"] == "direct")
    #expect(speakerName(of: direct) == "Maria Haddad")
    #expect(try speakerName(of: quote(containing: "$12.5 million")) == "Maria Haddad")
    #expect(try speakerName(of: quote(containing: "15 percent")) == "Sami Nasser")
    let that = try quote(containing: "$3 million")
    #expect(text.substring(that.range).hasPrefix("the government"))
    #expect(speakerName(of: that) == "Sami Nasser")
    #expect(try speakerName(of: quote(containing: "delays cost")) == "Omar Khatib")
  }

  @Test func unnamedOfficialsLeaveTheQuoteUnlinked() throws {
    let quote = try quote(containing: "reopened on Monday")
    #expect(quote.links.isEmpty)
  }
}
