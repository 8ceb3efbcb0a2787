import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

/// Reviews and adjudication, checked on each backend alike: verdicts and their comments, review
/// decisions and the review state derived from them, undo of a decision, and the export of it all.
@Suite struct ReviewContractTests {
  let folder = TemporaryFolder()
  static let mixed = "قالَ 👩🏽‍💻 هنا: «الهجوم فشل» ثم 🇸🇾 قسد."

  /// The seed report and a mixed one; amal and karim each tag the same speaker in the seed
  /// report, so its speaker-tagging layer waits for review.
  func project(_ backend: StoreBackend) throws -> (ContractProject, amal: Annotation, karim: Annotation) {
    let project = try ContractProject(backend, in: folder, texts: [SeedReport.text, Self.mixed])
    let speaker = try #require(project.range(1, of: "كيفين كويثي"))
    let amal = try project.store.change(author: "amal") {
      try $0.add(project.new(1, "speaker-tagging", "speaker", speaker))
    }
    let karim = try project.store.change(author: "karim") {
      try $0.add(project.new(1, "speaker-tagging", "speaker", TextRange(speaker.start, speaker.start + 5)))
    }
    return (project, amal, karim)
  }

  func decision(
    _ range: TextRange, _ outcome: ReviewDecision.Outcome, annotation: Int?, sources: [Annotation],
    comment: String? = nil
  ) -> ReviewDecision {
    ReviewDecision(
      reportID: 1, layer: "speaker-tagging", range: range, outcome: outcome, annotationID: annotation,
      sources: sources.map(\.uuid), comment: comment, reviewer: "salma")
  }

  @Test(arguments: StoreBackend.available)
  func verdictsAndTheirCommentsAreKeptInOrder(_ backend: StoreBackend) throws {
    let (project, amal, karim) = try project(backend)
    let store = project.store
    let flagged = try store.change(author: "salma") {
      try $0.review(amal.id, verdict: .flag, comment: "الاسم ناقص؟ 🤔")
    }
    #expect(flagged.reviewer == "salma" && flagged.verdict == .flag && flagged.annotationID == amal.id)
    try store.change(author: "salma") { try $0.review(amal.id, verdict: .approve, comment: nil) }
    try store.change(author: "karim") { try $0.review(karim.id, verdict: .approve, comment: "تمام") }
    let reviews = try store.reviews(annotationIDs: [amal.id, karim.id])
    #expect(reviews.map(\.verdict) == [.flag, .approve, .approve])
    #expect(reviews.map(\.annotationID) == [amal.id, amal.id, karim.id])
    #expect(reviews.first == flagged)
    #expect(try store.reviews(annotationIDs: [karim.id]).map(\.comment) == ["تمام"])
    #expect(try store.reviews(annotationIDs: []).isEmpty)
    let comments = try store.comments(onAnnotation: amal.id)
    #expect(comments.map(\.kind) == ["flag"] && comments.map(\.comment) == ["الاسم ناقص؟ 🤔"])
    #expect(comments.map(\.author) == ["salma"])
    #expect(try store.annotations(AnnotationFilter(flaggedOnly: true)).map(\.id) == [amal.id])
    #expect(try store.events(entity: "review", entityID: nil).map(\.action) == ["flag", "approve", "approve"])
    #expect(throws: StoreError.noSuchAnnotation(id: 99)) {
      try store.change(author: "salma") { try $0.review(99, verdict: .approve, comment: nil) }
    }
  }

  @Test(arguments: StoreBackend.available)
  func decisionsSettleALayerAndUndoReopensIt(_ backend: StoreBackend) throws {
    let (project, amal, karim) = try project(backend)
    let store = project.store
    #expect(try store.reviewStates(reportIDs: [1, 2]).isEmpty, "waiting is not yet in review")
    #expect(try store.layerReviewStates(reportIDs: [1, 2])[1]?.map(\.state) == [.unreviewed])
    #expect(try store.layerReviewStates(reportIDs: [1, 2])[2] == nil)
    #expect(try store.reportsAnnotatedBySeveral(layer: "speaker-tagging") == [1])

    let gold = try store.change(author: "salma") { changes in
      let gold = try changes.add(
        project.new(1, "speaker-tagging", "speaker", amal.range, origin: "adjudicated"))
      try changes.setReviewUnits(reportID: 1, layer: "speaker-tagging", units: 2)
      try changes.recordReviewDecision(
        decision(amal.range, .accepted, annotation: gold.id, sources: [amal, karim], comment: "الأطول أصح"))
      return gold
    }
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "in-review"])
    // The report list filters by the same states.
    func listed(_ state: ReportFilter.ReviewState) throws -> [Int] {
      try store.reportSummaries(ReportFilter(reviewState: state)).page.map(\.id)
    }
    #expect(try listed(.inReview) == [1])
    #expect(try listed(.open) == [2])
    #expect(try listed(.settled).isEmpty)
    #expect(try store.reviewDecisions(reportIDs: [1], layer: "speaker-tagging").map(\.annotationID) == [gold.id])
    #expect(try store.reviewDecisions(reportIDs: [1], layer: "claim-labeling").isEmpty)
    #expect(try store.comments(onAnnotation: gold.id).map(\.comment) == ["الأطول أصح"])
    #expect(try store.comments(onAnnotation: gold.id).map(\.kind) == ["accepted"])

    try store.change(author: "salma") { changes in
      try changes.recordReviewDecision(decision(TextRange(0, 5), .rejected, annotation: nil, sources: [karim]))
    }
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "settled"])
    #expect(try listed(.settled) == [1])
    #expect(try store.layerReviewStates(reportIDs: [1])[1]?.map(\.state) == [.settled])
    let decided = try store.reviewDecisions(reportIDs: [1], layer: nil)
    #expect(decided.map(\.outcome) == [.accepted, .rejected])
    #expect(decided.first?.sources == [amal.uuid, karim.uuid])
    #expect(decided.first?.reviewer == "salma")

    #expect(try store.undo(author: "salma").originalAction == "rejected")
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "in-review"])
    _ = try store.redo(author: "salma")
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "settled"])
    // Undoing the adjudication deletes the gold annotation, so its decision no longer stands.
    _ = try store.undo(author: "salma")
    _ = try store.undo(author: "salma")
    #expect(try store.annotation(id: gold.id).status == .deleted)
    #expect(try store.reviewDecisions(reportIDs: [1], layer: nil).isEmpty)
    #expect(try store.reviewStates(reportIDs: [1]).isEmpty)
  }

  /// Deciding a unit again withdraws the earlier decisions that share a source, and only those.
  @Test(arguments: StoreBackend.available)
  func decidingAgainWithdrawsTheOverlappingDecisions(_ backend: StoreBackend) throws {
    let (project, amal, karim) = try project(backend)
    let store = project.store
    try store.change(author: "salma") { changes in
      try changes.setReviewUnits(reportID: 1, layer: "speaker-tagging", units: 2)
      try changes.recordReviewDecision(decision(amal.range, .rejected, annotation: nil, sources: [amal]))
      try changes.recordReviewDecision(decision(karim.range, .rejected, annotation: nil, sources: [karim]))
    }
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "settled"])
    try store.change(author: "salma") { changes in
      try changes.withdrawReviewDecisions(reportID: 1, layer: "speaker-tagging", sources: [amal.uuid])
    }
    #expect(try store.reviewDecisions(reportIDs: [1], layer: nil).map(\.sources) == [[karim.uuid]])
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "in-review"])
    let withdrawn = try store.events(entity: "review-unit", entityID: nil).filter { $0.action == "withdraw" }
    #expect(withdrawn.count == 1)
    _ = try store.undo(author: "salma")
    #expect(try store.reviewDecisions(reportIDs: [1], layer: nil).count == 2)
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "settled"])
  }

  /// An export carries the reviews, the review decisions, the review state and the suggestion
  /// decisions of each report, within the selection.
  @Test(arguments: StoreBackend.available)
  func bundlesCarryTheReviewWork(_ backend: StoreBackend) throws {
    let (project, amal, karim) = try project(backend)
    let store = project.store
    let gold = try store.change(author: "salma") { changes in
      try changes.review(karim.id, verdict: .flag, comment: "قصير")
      let gold = try changes.add(project.new(1, "speaker-tagging", "speaker", amal.range, origin: "adjudicated"))
      try changes.setReviewUnits(reportID: 1, layer: "speaker-tagging", units: 1)
      try changes.recordReviewDecision(decision(amal.range, .edited, annotation: gold.id, sources: [amal, karim]))
      return gold
    }
    let emoji = try #require(project.range(2, of: "👩🏽‍💻"))
    try store.change(author: "amal") { changes in
      try changes.recordDecision(
        SuggestionDecision(reportID: 2, layer: "speaker-tagging", label: "speaker", range: emoji, verdict: .rejected),
        origin: "suggested:speaker-tagging@1")
    }
    var bundles: [ReportBundle] = []
    try store.forEachReport(ExportSelection()) { bundles.append($0) }
    #expect(bundles.map(\.report.id) == [1, 2])
    #expect(bundles[0].reviews.map(\.annotationID) == [karim.id])
    #expect(bundles[0].reviews.map(\.comment) == ["قصير"])
    #expect(bundles[0].reviewDecisions.map(\.decision.annotationID) == [gold.id])
    #expect(bundles[0].reviewDecisions.map(\.decision.outcome) == [.edited])
    #expect(bundles[0].reviewDecisions.map(\.status) == [.active])
    #expect(bundles[0].reviewStates.map(\.state) == [.settled])
    #expect(bundles[0].reviewStates.map(\.units) == [1])
    #expect(bundles[0].suggestionDecisions.isEmpty)
    #expect(bundles[1].suggestionDecisions.map(\.range) == [emoji])
    #expect(bundles[1].suggestionDecisions.map(\.author) == ["amal"])
    #expect(bundles[1].reviewDecisions.isEmpty && bundles[1].reviews.isEmpty)

    // Without the gold annotation's author the decision would name an annotation left out.
    var karims: [ReportBundle] = []
    try store.forEachReport(ExportSelection(authors: ["karim"])) { karims.append($0) }
    #expect(karims[0].reviews.map(\.annotationID) == [karim.id])
    #expect(karims[0].reviewDecisions.isEmpty)
    #expect(karims[1].suggestionDecisions.isEmpty)
    var claims: [ReportBundle] = []
    try store.forEachReport(ExportSelection(layers: ["claim-labeling"])) { claims.append($0) }
    #expect(claims.allSatisfy { $0.reviews.isEmpty && $0.reviewStates.isEmpty && $0.suggestionDecisions.isEmpty })
  }
}
