import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

@testable import HashiyaPostgres

/// Suggestions and adjudication as the team's own logins do them, under their grants and
/// row-level security rather than as the database's owner.
@Suite(.enabled(if: PostgresCluster.isAvailable))
struct PostgresMemberSuggestionTests {
  static let text = "أكّد «كيفين كويثي» أنّهم درّبوا 120 ألف مقاتل 🌍 في سوريا."

  /// A project with one report, and a fresh login in the group `role`, connected as itself.
  func member(_ role: String) throws -> (owner: PostgresProjectStore, member: PostgresProjectStore) {
    let database = try PostgresTestDatabase()
    let owner = try PostgresProjectStore.create(PostgresCluster.shared.url(database: database.name))
    try owner.importReports(author: owner.user, source: "test") {
      try $0.insert(NewReport(title: "تقرير", text: Self.text, language: "ar"))
    }
    let login = "\(role)_\(UInt32.random(in: 0...UInt32.max))"
    try PostgresCluster.shared.createRole(login)
    let connection = try database.connect()
    for statement in try PostgresSchema.membershipStatements(member: login, role: role, database: database.name) {
      try connection.execute(statement)
    }
    return (owner, try PostgresProjectStore.open(PostgresCluster.shared.url(database: database.name, user: login)))
  }

  func candidate(_ number: Int, _ range: TextRange) -> PendingSuggestion {
    PendingSuggestion(
      number: number, reportID: 1, layer: "speaker-tagging", origin: "suggested:speaker-tagging@1",
      suggestion: Suggestion(label: "speaker", range: range, score: 0.5, explanation: "اسم بين «»"),
      quote: String(String.UnicodeScalarView(Self.text.unicodeScalars.dropFirst(range.start).prefix(range.length))),
      location: "#1 s1")
  }

  @Test func anAnnotatorListsDecidesAndUndoesTheirOwnSuggestions() throws {
    let (owner, store) = try member("annotator")
    let user = store.user
    // Enough candidates to go by COPY, and a few by inserts.
    try store.addPendingSuggestions((1...60).map { candidate($0, TextRange(6, 17)) }, author: user, replacing: true)
    try store.addPendingSuggestions([candidate(61, TextRange(0, 4))], author: user, replacing: false)
    #expect(try store.pendingSuggestionCounts(author: user).map(\.total) == [61])
    let speaker = SuggestionDecision(
      reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(6, 17), verdict: .accepted)
    let made = try store.change(author: user) { changes in
      let made = try changes.add(
        NewAnnotation(
          reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(6, 17), quote: "كيفين كويثي"))
      try changes.recordDecision(speaker, origin: "suggested:speaker-tagging@1")
      return made
    }
    #expect(try store.pendingSuggestions(author: user, numbers: [1]).first?.decided == .accepted(handle: made.id))
    var rejected = speaker
    rejected.verdict = .rejected
    try store.change(author: user) { try $0.recordDecision(rejected, origin: "suggested:speaker-tagging@1") }
    #expect(try store.suggestionDecisions(reportIDs: [1], author: user) == [rejected])
    #expect(
      try store.progress(layer: nil) == [
        AnnotatorProgress(annotator: user, layer: "speaker-tagging", annotations: 1, rejected: 1)
      ])
    _ = try store.undo(author: user)
    #expect(try store.suggestionDecisions(reportIDs: [1], author: user) == [speaker])
    _ = try store.undo(author: user)
    #expect(try store.suggestionDecisions(reportIDs: [1], author: user).isEmpty)
    #expect(try store.pendingSuggestionNumbers(author: user, layer: nil, openOnly: true).count == 61)
    #expect(try owner.pendingSuggestionNumbers(author: owner.user, layer: nil, openOnly: false).isEmpty)
    #expect(try store.progress(layer: nil).isEmpty)
  }

  @Test func aLeadAdjudicatesAndUndoesTheirDecision() throws {
    let (_, store) = try member("lead")
    let user = store.user
    let gold = try store.change(author: user) { changes in
      let gold = try changes.add(
        NewAnnotation(
          reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(6, 17), quote: "كيفين كويثي",
          origin: "adjudicated"))
      try changes.review(gold.id, verdict: .approve, comment: "واضح")
      try changes.setReviewUnits(reportID: 1, layer: "speaker-tagging", units: 1)
      try changes.recordReviewDecision(
        ReviewDecision(
          reportID: 1, layer: "speaker-tagging", range: gold.range, outcome: .accepted, annotationID: gold.id,
          sources: [], comment: nil, reviewer: user))
      return gold
    }
    #expect(try store.reviewStates(reportIDs: [1]) == [1: "settled"])
    #expect(try store.comments(onAnnotation: gold.id).map(\.comment) == ["واضح"])
    _ = try store.undo(author: user)
    #expect(try store.reviewStates(reportIDs: [1]).isEmpty)
    #expect(try store.reviews(annotationIDs: [gold.id]).map(\.verdict) == [.approve])
  }
}
