import AnnotatorKit
import AnnotatorTesting
import HashiyaAnnotating
import HashiyaModel
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
    let note = try Adjudicator(workspace: lead, queue: queue).accept(.annotator("karim"))
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
      try adjudicator.accept(.annotator("lina"))
    }
    #expect(throws: ReviewError.disagreement(present: ["amal", "karim"])) { try adjudicator.accept(nil) }
    #expect(throws: SchemaError.self) { try adjudicator.accept(.annotator("amal"), edits: [("type", "gossip")]) }
    let note = try adjudicator.accept(.annotator("amal"), edits: [("checkworthiness", "4")])
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

  /// Adds karim's second claim inside the first, with a verdict and evidence, and a speaker from
  /// each of amal and karim; returns the second claim's handle.
  func secondVersion(_ store: ProjectStore, _ catalog: LayerCatalog) throws -> Int {
    let text = ReportText(SeedReport.text)
    let range = try #require(text.occurrences(of: "ملايين").first)
    let karim = Workspace(store: store, catalog: catalog, user: "karim")
    let writer = try AnnotationWriter(workspace: karim, layer: "claim-labeling")
    let draft = try writer.draft(
      label: "claim", range: range, reportID: 1, text: text,
      typed: [("type", "statistical"), ("verdict", "false"), ("evidence", "تقديراتُ الأممِ المتحدةِ أقلُّ")])
    let handle = try karim.change(writingTo: ["claim-labeling"]) { try $0.add(draft).id }
    let speaker = try #require(text.occurrences(of: "كويثي").first)
    for author in ["amal", "karim"] {
      let workspace = Workspace(store: store, catalog: catalog, user: author)
      let speakers = try AnnotationWriter(workspace: workspace, layer: "speaker-tagging")
      let mention = try speakers.draft(label: "speaker", range: speaker, reportID: 1, text: text)
      try workspace.change(writingTo: ["speaker-tagging"]) { try $0.add(mention) }
    }
    return handle
  }

  @Test func everyVersionIsInTheUnitAndAHandleTakesExactlyOne() throws {
    let (store, catalog) = try project()
    let evidence = try secondVersion(store, catalog)
    let queue = try ReviewQueue.undecided(store: store, reportIDs: [1], layers: ["claim-labeling"], annotators: nil)
    let unit = try #require(queue.current?.unit)
    #expect(unit.spans(of: "karim").count == 2)
    #expect(unit.allSpans.count == 3)
    #expect(unit.differences.contains(.attribute("evidence")))
    let lead = Workspace(store: store, catalog: catalog, user: "lead")
    let adjudicator = Adjudicator(workspace: lead, queue: queue)
    let handles = unit.spans(of: "karim").map(\.id)
    #expect(throws: ReviewError.severalVersions("karim", handles: handles)) {
      try adjudicator.accept(.annotator("karim"))
    }
    #expect(throws: ReviewError.notInUnit(999, handles: unit.allSpans.map(\.id))) {
      try adjudicator.accept(.annotation(999))
    }
    #expect(try adjudicator.accept(.annotation(evidence)).hasPrefix("accepted #\(evidence), karim's version"))
    let gold = try #require(try store.annotations(AnnotationFilter(reportID: 1)).first { $0.origin == "adjudicated" })
    #expect(gold.attributes["verdict"] == "false")
    #expect(gold.attributes["evidence"] == "تقديراتُ الأممِ المتحدةِ أقلُّ")
  }

  @Test func aBareNumberIsNoChoiceInAReview() throws {
    #expect(try ReviewChoice.parse("#12") == .annotation(12))
    #expect(try ReviewChoice.parse("كريم") == .annotator("كريم"))
    #expect(throws: ReviewError.bareNumber("1")) { try ReviewChoice.parse("1") }
    #expect(throws: ReviewError.bareNumber("#x")) { try ReviewChoice.parse("#x") }
  }

  @Test func aReportIsSettledOnlyWhenEveryLayerUnderReviewIs() throws {
    let (store, catalog) = try project()
    _ = try secondVersion(store, catalog)
    #expect(try store.reviewStates(reportIDs: [1]).isEmpty)
    let queue = try ReviewQueue.undecided(store: store, reportIDs: [1], layers: ["claim-labeling"], annotators: nil)
    queue.pendingComment = "الادعاءُ كلُّه"
    let lead = Workspace(store: store, catalog: catalog, user: "lead")
    _ = try Adjudicator(workspace: lead, queue: queue).accept(.annotator("amal"))
    let layers = try #require(try store.layerReviewStates(reportIDs: [1])[1])
    #expect(layers.map(\.layer) == ["claim-labeling", "speaker-tagging"])
    #expect(layers.map(\.state) == [.settled, .unreviewed])
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "in-review"])
    let gold = try #require(try store.annotations(AnnotationFilter(reportID: 1)).first { $0.origin == "adjudicated" })
    let comments = try store.comments(onAnnotation: gold.id)
    #expect(comments.map(\.comment) == ["الادعاءُ كلُّه"])
    #expect(comments.first?.author == "lead")
    let speakers = try ReviewQueue.undecided(
      store: store, reportIDs: [1], layers: ["speaker-tagging"], annotators: nil)
    _ = try Adjudicator(workspace: lead, queue: speakers).accept(nil)
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "settled"])
  }
}
