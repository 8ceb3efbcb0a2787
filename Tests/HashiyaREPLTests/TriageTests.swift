import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaAnnotating
import HashiyaModel
import HashiyaPlugins
import HashiyaStore
import Testing

@testable import HashiyaREPL

/// The triage key loop on the seed report, with the keys scripted.
@Suite struct TriageTests {
  let folder = TemporaryFolder()
  let session: Session

  init() throws {
    let store = try ProjectStore.open(path: folder.path("triage.hashiya"))
    try store.importReports(author: "amal", source: "test") {
      try $0.insert(NewReport(title: "seed", text: SeedReport.text, language: "ar"))
    }
    let catalog = LayerCatalog(plugins: BuiltinAnnotators.standard.map { LoadedPlugin(builtin: $0) }, failures: [])
    session = Session(store: store, user: "amal", commandsFromStandardInput: true, catalog: catalog)
    session.currentReportID = try store.firstReportID()
  }

  /// Runs a walk over `layer` with `keys`; returns its summary and what it showed.
  func triage(_ keys: String, layer: String) throws -> (summary: TriageSummary, shown: [String]) {
    var shown: [String] = []
    let (deck, failures) = try TriageCommand.deck(layer, in: session)
    #expect(failures.isEmpty)
    let summary = Triage(deck: deck, keys: ScriptedKeys(keys), style: TextStyle(colour: false)) {
      shown.append($0)
    }.run()
    return (summary, shown)
  }

  /// The pending list as the project keeps it, read afresh (it is small on one report).
  func listed() throws -> [PendingSuggestion] {
    try session.pendingSuggestions.page(1)
  }

  func mine() throws -> [Annotation] {
    try session.store.annotations(AnnotationFilter(author: "amal"))
  }

  @Test func eachKeyDecidesOneSuggestionAndUndoReopensTheLast() throws {
    let (summary, shown) = try triage("ax uq", layer: "translation-notes")
    let pending = try listed()
    try #require(pending.count >= 4)
    #expect(summary.accepted == 1)
    #expect(summary.rejected == 0, "u took the reject back")
    #expect(summary.skipped == 1)
    #expect(summary.total == pending.count)
    guard case .accepted(let handle?) = pending[0].decided else {
      Issue.record("the first suggestion is \(pending[0].decided)")
      return
    }
    #expect(summary.handles == [handle])
    #expect(pending[1].decided == .open)
    #expect(pending[2].decided == .open)
    let annotations = try mine()
    #expect(annotations.map(\.id) == [handle])
    #expect(annotations.first?.range == pending[0].suggestion.range)
    #expect(annotations.first?.origin.hasPrefix("suggested:translation-notes@") == true)
    #expect(try session.store.suggestionDecisions(reportIDs: [1], author: "amal").count == 1)
    // Cards: the progress line first, the span in its sentence, a handful of lines each.
    #expect(shown.first?.hasPrefix("1/\(pending.count) · 0 accepted · 0 rejected") == true)
    #expect(shown.first?.contains("⟦\(pending[0].quote)⟧") == true)
    #expect(shown.contains { $0.hasPrefix("2/\(pending.count) · 1 accepted · 0 rejected") })
    #expect(shown.contains { $0.hasPrefix("3/\(pending.count) · 1 accepted · 1 rejected") })
    #expect(shown.contains { $0.hasPrefix("4/\(pending.count) · 1 accepted · 1 rejected") })
    for card in shown { #expect(card.split(separator: "\n").count <= 6, "\(card)") }
    // After u, suggestion 2 is current again.
    #expect(shown.last?.hasPrefix("2/\(pending.count) · 1 accepted · 0 rejected") == true)
  }

  @Test(arguments: ["2", "٢", "۲"])
  func aDigitAcceptsWithThatLabelOfTheLayer(digit: String) throws {
    let (summary, shown) = try triage(digit + "q", layer: "speaker-tagging")
    let first = try #require(try listed().first)
    #expect(first.suggestion.label == "speaker")
    #expect(summary.accepted == 1)
    #expect(shown.first?.contains("1 speaker · 2 quote") == true)
    let annotation = try #require(try mine().first)
    #expect(annotation.label == "quote")
    #expect(annotation.range == first.suggestion.range)
    #expect(try mine().count == 1)
  }

  /// Accepting a quote brings its speaker along, as `accept N` does; relabelling it drops the
  /// link, which was suggested for a quote.
  @Test(arguments: ["a", "1"])
  func aQuoteTakesItsSpeakerUnlessRelabelled(key: String) throws {
    _ = try TriageCommand.deck("speaker-tagging", in: session)
    let pending = try listed()
    let quote = try #require(pending.firstIndex { $0.suggestion.label == "quote" && !$0.linkTargets.isEmpty })
    let speaker = try #require(pending[quote].linkTargets.first?.number)
    let (summary, _) = try triage(String(repeating: " ", count: quote) + key, layer: "speaker-tagging")
    #expect(summary.accepted == 1)
    let annotations = try mine()
    let made = try #require(annotations.first { $0.range == pending[quote].suggestion.range })
    if key == "a" {
      #expect(made.label == "quote")
      #expect(annotations.count == 2)
      #expect(annotations.contains { $0.range == pending[speaker - 1].suggestion.range })
      #expect(summary.skipped == quote - 1, "the linked speaker is no longer open")
    } else {
      #expect(made.label == "speaker")
      #expect(made.attributes["mode"] == nil)
      #expect(annotations.count == 1)
      #expect(summary.skipped == quote)
    }
  }

  @Test func eEditsTheAttributesBeforeAccepting() throws {
    let (summary, _) = try triage("e translation=\"عبارة 🌍 مُشَكَّلة\"\nq", layer: "translation-notes")
    #expect(summary.accepted == 1)
    let annotation = try #require(try mine().first)
    #expect(annotation.attributes["translation"] == .string("عبارة 🌍 مُشَكَّلة"))
    #expect(try annotation.range == listed().first?.suggestion.range)
  }

  @Test func anUnknownKeyOrANeedlessUndoDecidesNothing() throws {
    let (summary, shown) = try triage("zu9q", layer: "translation-notes")
    #expect(summary.accepted == 0 && summary.rejected == 0)
    #expect(summary.problems.count == 3, "\(summary.problems)")
    #expect(summary.problems.last?.contains("no label 9") == true)
    #expect(shown.contains("key z does nothing here: ? lists the keys"))
    #expect(try mine().isEmpty)
  }

  @Test func theWalkStopsAfterTheLastSuggestion() throws {
    let (summary, _) = try triage(String(repeating: "x", count: 10), layer: "claim-labeling")
    let count = try listed().count
    try #require(count >= 1 && count < 10)
    #expect(summary.rejected == count)
    #expect(summary.text(TextStyle(colour: false)) == "triage: 0 accepted, \(count) rejected, 0 skipped of \(count)")
    #expect(try listed().allSatisfy { $0.decided == .rejected })
    // Nothing open is left, so the next triage asks the plugins again, and they offer nothing new.
    let next = try triage("a", layer: "claim-labeling")
    #expect(next.summary.total == 0)
  }

  @Test func withoutKeysABatchRunIsRefused() throws {
    #expect {
      _ = try TriageCommand().run(Arguments(command: "triage", tokens: []), in: session)
    } throws: { error in
      guard case .usage(_, let message)? = error as? CommandError else { return false }
      return message.contains("--keys") && message.contains("accept N")
    }
    #expect(try listed().isEmpty, "nothing was suggested for a walk that cannot start")
  }
}
