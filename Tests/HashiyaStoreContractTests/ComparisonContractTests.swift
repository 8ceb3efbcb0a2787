import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

/// What `agreement`, `stats` and the review queue read, checked on each backend alike.
@Suite struct ComparisonContractTests {
  let folder = TemporaryFolder()
  static let text = "أكد “كيفين كويثي” أنهم دربوا 120 ألف مقاتل 🌍."

  /// Three reports with annotations by two people in two layers, one adjudicated, one deleted, one link.
  func project(_ backend: StoreBackend) throws -> ContractProject {
    let project = try ContractProject(backend, in: folder, texts: (1...3).map { Self.text + " \($0)" })
    let attributes: JSONObject = ["name": "كيفين كويثي"]
    try project.store.change(author: "amal") { changes in
      let quote = try changes.add(
        project.new(2, "speaker-tagging", "quote", TextRange(18, 43), attributes: attributes))
      let speaker = try changes.add(
        project.new(2, "speaker-tagging", "speaker", TextRange(5, 16), attributes: attributes))
      try changes.link("said-by", from: quote.id, to: speaker.id)
      try changes.add(project.new(1, "claim-labeling", "claim", TextRange(0, 3), attributes: attributes))
      try changes.add(project.new(3, "speaker-tagging", "speaker", TextRange(5, 16), origin: "adjudicated"))
      let gone = try changes.add(project.new(3, "speaker-tagging", "speaker", TextRange(18, 22)))
      try changes.delete(gone.id)
    }
    try project.store.change(author: "karim") {
      try $0.add(project.new(2, "speaker-tagging", "speaker", TextRange(5, 10), attributes: attributes))
    }
    return project
  }

  @Test(arguments: StoreBackend.available)
  func spansAreTheComparedAnnotationsInTextOrder(_ backend: StoreBackend) throws {
    let store = try project(backend).store
    let spans = try store.annotationSpans(reportIDs: [1, 2, 3], layers: nil)
    let expected = try store.annotations(AnnotationFilter(reportIDs: [1, 2, 3])).filter { $0.origin != "adjudicated" }
    #expect(spans == expected.map(AnnotationSpan.init))
    #expect(spans.map(\.id) == [3, 6, 2, 1])
    #expect(spans[1].attributes["name"] == "كيفين كويثي")
    #expect(try store.annotationSpans(reportIDs: [2], layers: ["claim-labeling"]).isEmpty)
    #expect(try store.annotationSpans(reportIDs: [3, 1, 1], layers: ["claim-labeling"]).map(\.id) == [3])
    #expect(try store.annotationSpans(reportIDs: [], layers: nil).isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func linksAreThoseFromComparedSpans(_ backend: StoreBackend) throws {
    let store = try project(backend).store
    #expect(try store.linksFromSpans(reportIDs: [1, 2], layers: nil).map(\.fromID) == [1])
    #expect(try store.linksFromSpans(reportIDs: [1, 2], layers: nil).map(\.type) == ["said-by"])
    #expect(try store.linksFromSpans(reportIDs: [1, 3], layers: nil).isEmpty)
    #expect(try store.linksFromSpans(reportIDs: [2], layers: ["claim-labeling"]).isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func textsAndTokensAreThoseOfTheReportsAsked(_ backend: StoreBackend) throws {
    let store = try project(backend).store
    let texts = try store.reportTexts(ids: [3, 1, 9])
    #expect(texts.map(\.id) == [3, 1])
    #expect(texts.map(\.text) == [Self.text + " 3", Self.text + " 1"])
    let tokens = try store.reportTokens(ids: [3, 1, 9])
    #expect(tokens.keys.sorted() == [1, 3])
    #expect(tokens[1] == TokenBoundaries.tokens(of: Self.text + " 1"))
    #expect(tokens[3]?.isEmpty == false)
  }

  @Test(arguments: StoreBackend.available)
  func comparedLabelsNameEachLayerLabelAndAuthorOnce(_ backend: StoreBackend) throws {
    let store = try project(backend).store
    let labels = try store.comparedLabels(reportIDs: [1, 2, 3], layers: nil)
    #expect(labels.map(\.layer) == ["claim-labeling", "speaker-tagging", "speaker-tagging", "speaker-tagging"])
    #expect(labels.map(\.label) == ["claim", "quote", "speaker", "speaker"])
    #expect(labels.map(\.author) == ["amal", "amal", "amal", "karim"])
    #expect(try store.comparedLabels(reportIDs: [3], layers: nil).isEmpty, "adjudicated and deleted are left out")
  }

  @Test(arguments: StoreBackend.available)
  func progressCountsAnnotationsAndDecisionsPerAnnotatorAndLayer(_ backend: StoreBackend) throws {
    let store = try project(backend).store
    try store.change(author: "karim") { changes in
      for (start, verdict) in [(0, SuggestionDecision.Verdict.rejected), (1, .rejected), (2, .accepted)] {
        try changes.recordDecision(
          SuggestionDecision(
            reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(start, 4), verdict: verdict),
          origin: "suggested:speaker-tagging@1")
      }
    }
    #expect(
      try store.progress() == [
        AnnotatorProgress(annotator: "amal", layer: "claim-labeling", annotations: 1),
        AnnotatorProgress(annotator: "amal", layer: "speaker-tagging", annotations: 3),
        AnnotatorProgress(annotator: "karim", layer: "speaker-tagging", annotations: 1, accepted: 1, rejected: 2),
      ])
    #expect(
      try store.progress(layer: "claim-labeling") == [
        AnnotatorProgress(annotator: "amal", layer: "claim-labeling", annotations: 1)
      ])
    #expect(try store.reportsAnnotatedBySeveral(layer: "speaker-tagging") == [2])
    #expect(try store.reportsAnnotatedBySeveral(layer: "claim-labeling") == [])
  }
}
