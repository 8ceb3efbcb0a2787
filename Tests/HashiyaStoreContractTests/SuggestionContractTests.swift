import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

/// Pending suggestions and suggestion decisions, checked on each backend alike: each annotator
/// has their own list and decisions, and undo and redo move the decisions with the annotations.
@Suite struct SuggestionContractTests {
  let folder = TemporaryFolder()
  /// With tashkeel and an emoji outside the BMP, so offsets count code points.
  static let text = "أكّد «كيفين كويثي» أنّهم درّبوا 120 ألف مقاتل 🌍 في سوريا."
  static let origin = "suggested:speaker-tagging@1"

  func project(_ backend: StoreBackend) throws -> ContractProject {
    try ContractProject(backend, in: folder, texts: [Self.text])
  }

  /// Candidate `number` over `range`; the odd ones link to the next.
  func item(_ project: ContractProject, _ number: Int, _ range: TextRange, label: String = "speaker")
    -> PendingSuggestion
  {
    PendingSuggestion(
      number: number, reportID: 1, layer: "speaker-tagging", origin: Self.origin,
      suggestion: Suggestion(
        label: label, range: range, attributes: ["note": .string("مُشَكَّل 🌍"), "rank": .int(number)],
        score: 0.25 * Double(number), explanation: "لأنّ \(number)"),
      quote: project.quote(1, range), location: "#1 s1.\(number)",
      linkTargets: number % 2 == 1 ? [(type: "said-by", number: number + 1)] : [])
  }

  func items(_ project: ContractProject) -> [PendingSuggestion] {
    [
      item(project, 1, TextRange(0, 4)), item(project, 2, TextRange(6, 17)),
      item(project, 3, TextRange(19, 24), label: "quote"),
    ]
  }

  func candidate(_ start: Int, _ end: Int, _ verdict: SuggestionDecision.Verdict) -> SuggestionDecision {
    SuggestionDecision(
      reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(start, end), verdict: verdict)
  }

  @Test(arguments: StoreBackend.available)
  func candidatesRoundTripAndPageByNumber(_ backend: StoreBackend) throws {
    let project = try project(backend)
    let store = project.store
    let items = items(project)
    try store.addPendingSuggestions(items, author: "amal")
    let read = try store.pendingSuggestions(author: "amal", numbers: 1...200)
    #expect(read.map(\.number) == [1, 2, 3])
    for (stored, original) in zip(read, items) {
      #expect(stored.suggestion == original.suggestion)
      #expect(stored.quote == original.quote)
      #expect(stored.location == original.location)
      #expect(stored.origin == original.origin)
      #expect(stored.linkTargets.map(\.number) == original.linkTargets.map(\.number))
      #expect(stored.linkTargets.map(\.type) == original.linkTargets.map(\.type))
      #expect(stored.decided == .open)
    }
    #expect(read[1].quote == "كيفين كويثي")
    #expect(try store.pendingSuggestions(author: "amal", numbers: 2...3).map(\.number) == [2, 3])
    #expect(try store.pendingSuggestions(author: "amal", numbers: [3, 1, 9]).map(\.number) == [1, 3])
    #expect(try store.pendingSuggestionNumbers(author: "amal") == [1, 2, 3])
    #expect(try store.pendingSuggestionNumbers(author: "amal", layer: "claim-labeling", openOnly: false).isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func eachAnnotatorSeesOnlyTheirOwnList(_ backend: StoreBackend) throws {
    let project = try project(backend)
    let store = project.store
    try store.addPendingSuggestions(items(project), author: "amal")
    try store.addPendingSuggestions([item(project, 1, TextRange(19, 24))], author: "karim")
    #expect(try store.pendingSuggestionNumbers(author: "karim") == [1])
    #expect(try store.pendingSuggestions(author: "karim", numbers: [1]).first?.suggestion.range == TextRange(19, 24))
    #expect(try store.pendingSuggestionNumbers(author: "salma").isEmpty)
    try store.addPendingSuggestions([item(project, 1, TextRange(6, 17))], author: "amal", replacing: true)
    #expect(try store.pendingSuggestionNumbers(author: "amal") == [1])
    #expect(try store.pendingSuggestions(author: "amal", numbers: [1]).first?.suggestion.range == TextRange(6, 17))
    try store.addPendingSuggestions([], author: "amal", replacing: true)
    #expect(try store.pendingSuggestionNumbers(author: "amal").isEmpty)
    #expect(try store.pendingSuggestionNumbers(author: "karim") == [1], "replacing one list leaves the others")
  }

  @Test(arguments: StoreBackend.available)
  func stateFollowsTheAuthorsDecisionsThroughUndoAndRedo(_ backend: StoreBackend) throws {
    let project = try project(backend)
    let store = project.store
    let items = items(project)
    try store.addPendingSuggestions(items, author: "amal")
    try store.addPendingSuggestions(items, author: "karim")
    let first = items[0]
    let handle = try store.change(author: "amal") { changes in
      let made = try changes.add(
        project.new(1, "speaker-tagging", "speaker", first.suggestion.range, origin: first.origin))
      try changes.recordDecision(candidate(0, 4, .accepted), origin: first.origin)
      return made.id
    }
    try store.change(author: "amal") { try $0.recordDecision(candidate(6, 17, .rejected), origin: first.origin) }
    func states(_ author: String) throws -> [PendingSuggestion.State] {
      try store.pendingSuggestions(author: author, numbers: 1...3).map(\.decided)
    }
    #expect(try states("amal") == [.accepted(handle: handle), .rejected, .open])
    #expect(try states("karim") == [.open, .open, .open], "amal's decisions are hers")
    #expect(try store.pendingSuggestionNumbers(author: "amal", layer: nil, openOnly: true) == [3])
    #expect(try store.pendingSuggestionNumbers(author: "amal", layer: "speaker-tagging", openOnly: true) == [3])
    let counts = try store.pendingSuggestionCounts(author: "amal")
    #expect(counts.map(\.layer) == ["speaker-tagging"])
    #expect(counts.map(\.total) == [3] && counts.map(\.open) == [1])
    // The total counts decided candidates too, read from the list's last number.
    #expect(try store.pendingSuggestionTotal(author: "amal") == 3)

    #expect(try store.undo(author: "amal").originalAction == "reject")
    #expect(try states("amal") == [.accepted(handle: handle), .open, .open])
    _ = try store.undo(author: "amal")
    #expect(try states("amal") == [.open, .open, .open])
    _ = try store.redo(author: "amal")
    #expect(try states("amal") == [.accepted(handle: handle), .open, .open])
  }

  /// `suggest --all-reports` writes thousands at once; they come back exactly, page by page.
  @Test(arguments: StoreBackend.available)
  func aBatchOfThousandsIsOneWriteAndReadsBackInPages(_ backend: StoreBackend) throws {
    let project = try project(backend)
    let store = project.store
    let many = (1...5_000).map { item(project, $0, TextRange($0 % 40, $0 % 40 + 3)) }
    try store.addPendingSuggestions(many, author: "amal")
    #expect(try store.pendingSuggestionCounts(author: "amal").first?.total == 5_000)
    #expect(try store.pendingSuggestionTotal(author: "amal") == 5_000)
    #expect(try store.pendingSuggestionTotal(author: "karim") == 0)
    let page = try store.pendingSuggestions(author: "amal", numbers: 4_801...5_000)
    #expect(page.map(\.number) == Array(4_801...5_000))
    #expect(page.last?.suggestion.attributes["rank"] == .int(5_000))
    #expect(page.last?.suggestion.attributes["note"] == .string("مُشَكَّل 🌍"))
    #expect(page.first?.linkTargets.map(\.number) == [4_802])
    #expect(page.map(\.quote) == many[4_800...].map(\.quote))
    // Listed again, a number replaces its candidate rather than failing.
    try store.addPendingSuggestions(
      Array(many[0..<100]).map {
        var again = $0; again.location = "ثانية"; return again
      }, author: "amal")
    #expect(try store.pendingSuggestions(author: "amal", numbers: [100]).first?.location == "ثانية")
    #expect(try store.pendingSuggestionCounts(author: "amal").first?.total == 5_000)
  }

  @Test(arguments: StoreBackend.available)
  func oneAnnotatorsDecisionsHideNothingFromAnother(_ backend: StoreBackend) throws {
    let store = try project(backend).store
    try store.change(author: "amal") { changes in
      try changes.recordDecision(candidate(0, 4, .rejected), origin: Self.origin)
      try changes.recordDecision(candidate(6, 17, .accepted), origin: Self.origin)
    }
    try store.change(author: "karim") { try $0.recordDecision(candidate(0, 4, .accepted), origin: Self.origin) }
    #expect(
      try store.suggestionDecisions(reportIDs: [1], author: "amal") == [
        candidate(0, 4, .rejected), candidate(6, 17, .accepted),
      ])
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "karim") == [candidate(0, 4, .accepted)])
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "salma").isEmpty)
    #expect(try store.suggestionDecisions(reportIDs: [1]).count == 3)
    #expect(try store.suggestionDecisions(reportIDs: [2]).isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func undoOfAnAcceptRemovesTheAnnotationAndTheDecision(_ backend: StoreBackend) throws {
    let project = try project(backend)
    let store = project.store
    try store.change(author: "amal") { changes in
      try changes.add(project.new(1, "speaker-tagging", "speaker", TextRange(6, 17), origin: Self.origin))
      try changes.recordDecision(candidate(6, 17, .accepted), origin: Self.origin)
    }
    try store.change(author: "karim") { try $0.recordDecision(candidate(6, 17, .rejected), origin: Self.origin) }
    #expect(try store.undo(author: "amal").originalAction == "create")
    #expect(try store.annotations(AnnotationFilter(reportID: 1)).isEmpty)
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal").isEmpty)
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "karim") == [candidate(6, 17, .rejected)])
    _ = try store.redo(author: "amal")
    #expect(try store.annotations(AnnotationFilter(reportID: 1)).map(\.quote) == ["كيفين كويثي"])
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal") == [candidate(6, 17, .accepted)])
  }

  /// A rejected candidate offered again and accepted goes back to rejected on undo, not to nothing.
  @Test(arguments: StoreBackend.available)
  func undoRestoresTheEarlierDecisionOnTheSameCandidate(_ backend: StoreBackend) throws {
    let store = try project(backend).store
    try store.change(author: "amal") { try $0.recordDecision(candidate(0, 4, .rejected), origin: Self.origin) }
    try store.change(author: "amal") { try $0.recordDecision(candidate(0, 4, .accepted), origin: Self.origin) }
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal") == [candidate(0, 4, .accepted)])
    _ = try store.undo(author: "amal")
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal") == [candidate(0, 4, .rejected)])
    _ = try store.undo(author: "amal")
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal").isEmpty)
    #expect(throws: StoreError.nothingTo(action: "undo", user: "amal")) { try store.undo(author: "amal") }
    let actions = try store.events(entity: "suggestion", entityID: nil).map(\.action)
    #expect(actions == ["reject", "accept", "undo", "undo"])
  }
}
