import AnnotatorKit
import AnnotatorTesting
import HashiyaAnnotating
import HashiyaPlugins
import HashiyaStore
import Testing

@testable import HashiyaReview

/// The review queue and adjudication as a library: what the prompt's `review`, `accept` and
/// `reject` run on, usable by any front end.
@Suite struct ReviewQueueTests {
  let folder = TemporaryFolder()

  /// The seed report with amal's and karim's claims on the same words, typed differently.
  func project() throws -> (store: ProjectStore, catalog: LayerCatalog) {
    let store = try ProjectStore.open(path: folder.path("p.hashiya"))
    _ = try store.importReports(author: "amal", source: "test") {
      try $0.insert(NewReport(title: "seed", text: SeedReport.text, language: "ar"))
    }
    let catalog = LayerCatalog(plugins: BuiltinAnnotators.standard.map { LoadedPlugin(builtin: $0) }, failures: [])
    let text = ReportText(SeedReport.text)
    let range = try #require(text.occurrences(of: "ثمانية ملايين").first)
    for (author, type) in [("amal", "statistical"), ("karim", "comparison")] {
      let workspace = Workspace(store: store, catalog: catalog, user: author)
      let writer = try AnnotationWriter(workspace: workspace, layer: "claim-labeling")
      let draft = try writer.draft(label: "claim", range: range, reportID: 1, text: text, typed: [("type", type)])
      try workspace.change(writingTo: ["claim-labeling"]) { try $0.add(draft) }
    }
    return (store, catalog)
  }

  @Test func theQueueHoldsTheDisagreementAndAcceptingSettlesIt() throws {
    let (store, catalog) = try project()
    let queue = try ReviewQueue.undecided(store: store, reportIDs: [1], layers: nil, annotators: nil)
    #expect(queue.annotators == ["amal", "karim"])
    #expect(queue.remaining == 1)
    let lead = Workspace(store: store, catalog: catalog, user: "lead")
    let note = try Adjudicator(workspace: lead, queue: queue).accept("karim")
    #expect(note.hasPrefix("accepted karim's version as #"))
    #expect(queue.remaining == 0)
    let gold = try store.annotations(AnnotationFilter(reportID: 1)).filter { $0.origin == "adjudicated" }
    #expect(gold.count == 1)
    #expect(gold.first?.attributes["type"] == "comparison")
    #expect(gold.first?.author == "lead")
    #expect(gold.first?.provenance.count == 2)
    let again = try ReviewQueue.undecided(store: store, reportIDs: [1], layers: nil, annotators: nil)
    #expect(again.remaining == 0)
  }

  @Test func editsAreCheckedAndWrongNamesRefused() throws {
    let (store, catalog) = try project()
    let queue = try ReviewQueue.undecided(store: store, reportIDs: [1], layers: nil, annotators: nil)
    let adjudicator = Adjudicator(workspace: Workspace(store: store, catalog: catalog, user: "lead"), queue: queue)
    #expect(throws: ReviewError.notUnderReview("lina", annotators: ["amal", "karim"])) {
      try adjudicator.accept("lina")
    }
    #expect(throws: ReviewError.disagreement(present: ["amal", "karim"])) { try adjudicator.accept(nil) }
    #expect(throws: SchemaError.self) { try adjudicator.accept("amal", edits: [("type", "gossip")]) }
    let note = try adjudicator.accept("amal", edits: [("checkworthiness", "4")])
    #expect(note.hasPrefix("edited amal's version"))
    let gold = try #require(try store.annotations(AnnotationFilter(reportID: 1)).first { $0.origin == "adjudicated" })
    #expect(gold.attributes["checkworthiness"] == 4)
    #expect(gold.attributes["type"] == "statistical")
    #expect(throws: ReviewError.queueDone) { try adjudicator.reject() }
  }

  @Test func oneAnnotatorIsNotAReview() throws {
    let (store, _) = try project()
    #expect(throws: ReviewError.self) {
      try ReviewQueue.undecided(store: store, reportIDs: [1], layers: nil, annotators: ["amal"])
    }
  }
}
