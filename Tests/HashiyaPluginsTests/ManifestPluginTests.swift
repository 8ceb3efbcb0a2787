import AnnotatorKit
import Testing

@testable import HashiyaPlugins

@Suite struct ManifestPluginTests {
  private let gazetteer: ManifestPlugin

  init() throws {
    gazetteer = try ManifestPlugin(manifest: PluginManifest(folder: Fixtures.example("gazetteer")))
  }

  private func found(_ text: String, by plugin: ManifestPlugin? = nil) throws -> [(String, String)] {
    let report = Fixtures.report(text)
    return try (plugin ?? gazetteer).suggest(report).map { (report.text.substring($0.range), $0.label) }
  }

  @Test func findsTermsAfterProcliticsAndInsideBrackets() throws {
    let text = "قال المتحدث باسم (قسد) إن الهجوم لقسد كان ردا"
    let report = Fixtures.report(text)
    let suggestions = try gazetteer.suggest(report)
    let expected = report.text.occurrences(of: "قسد")
    #expect(expected.count == 2)
    #expect(suggestions.map(\.range) == expected)
    #expect(suggestions.allSatisfy { $0.label == "organisation" && $0.explanation == #"lexicon entry "قسد""# })
  }

  @Test func matchesFoldedSpellings() throws {
    // Tashkeel, a tatweel and ه for ة must not hide the term.
    let text = "وصلت قوات البِشمـركه إلى رميلان"
    let result = try found(text)
    #expect(result.map(\.0) == ["البِشمـركه", "رميلان"])
    #expect(result.map(\.1) == ["organisation", "place"])
  }

  @Test func rejectsTermsInsideLongerWords() throws {
    #expect(try found("القسدية والعراقي وسورياتي").isEmpty)
  }

  @Test func findsArticleTermsAfterLam() throws {
    let result = try found("انضم للتحالف الدولي وغادر التحالف الدولي")
    #expect(result.map(\.0) == ["لتحالف الدولي", "التحالف الدولي"])
  }

  @Test func carriesAttributesFromEntriesAndTheLexiconFile() throws {
    let report = Fixtures.report("من دبي إلى الموصل عام 2019")
    let suggestions = try gazetteer.suggest(report)
    #expect(suggestions.map { report.text.substring($0.range) } == ["دبي", "الموصل", "2019"])
    #expect(suggestions[0].attributes == ["wikidata": "Q612"])
    #expect(suggestions[1].attributes.isEmpty)
    #expect(suggestions[2].label == "year")
    #expect(suggestions[2].explanation.hasPrefix("pattern /"))
  }

  @Test func mergesSuggesterAndEntryAttributes() throws {
    let plugin = try ManifestPlugin(manifest: PluginManifest(folder: Fixtures.manifests + "/good"))
    let suggestions = try plugin.suggest(Fixtures.report("هاجمت الفرقة الرابعة مواقع الجيش الحر 3 مرات"))
    #expect(suggestions.map(\.label) == ["unit", "unit", "number"])
    #expect(suggestions[0].attributes == ["side": "government"])
    #expect(suggestions[1].attributes == ["side": "opposition"])
    #expect(suggestions[2].score == 0.4)
  }

  @Test func answersABatchInOrder() throws {
    let batch = [
      Fixtures.report("سوريا", id: 1), Fixtures.report("لا شيء هنا", id: 2), Fixtures.report("العراق وداعش", id: 3),
    ]
    let results = try gazetteer.suggest(batch: batch)
    #expect(results.map(\.count) == [1, 0, 2])
  }
}
