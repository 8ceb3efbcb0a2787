import AnnotatorKit
import AnnotatorTesting
import Foundation
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// Suggestion decisions belong to their author, and undo or redo moves them with the annotations.
@Suite struct SuggestionDecisionTests {
  let folder = TemporaryFolder()
  static let text = "أكّد «كيفين كويثي» أنّهم درّبوا 120 ألف مقاتل."

  func store() throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path("s.hashiya"))
    if try store.reportCount() == 0 {
      try store.importReports(author: "setup", source: "test") {
        try $0.insert(NewReport(title: "t", text: Self.text, language: "ar"))
      }
    }
    return store
  }

  func candidate(_ start: Int, _ end: Int, _ verdict: SuggestionDecision.Verdict) -> SuggestionDecision {
    SuggestionDecision(
      reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(start, end), verdict: verdict)
  }

  @Test func undoOfARejectGivesTheCandidateBackAndRedoTakesItAgain() throws {
    let store = try store()
    try store.change(author: "amal") {
      try $0.recordDecision(candidate(0, 4, .rejected), origin: "suggested:speaker-tagging@1")
    }
    try store.change(author: "karim") {
      try $0.recordDecision(candidate(0, 4, .rejected), origin: "suggested:speaker-tagging@1")
    }
    let undone = try store.undo(author: "amal")
    #expect(undone.originalAction == "reject")
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal").isEmpty)
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "karim") == [candidate(0, 4, .rejected)])
    _ = try store.redo(author: "amal")
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal") == [candidate(0, 4, .rejected)])
  }

  /// Reject events written before they carried their candidate still undo, from the event's id.
  @Test func anOlderRejectEventNamesItsCandidateInItsID() throws {
    let store = try store()
    try store.write("an older reject") { db in
      try db.execute(
        sql: """
          INSERT INTO suggestionDecisions (reportId, layer, label, start, "end", decision, origin, author, decidedAt)
          VALUES (1, 'speaker-tagging', 'speaker', 0, 4, 'rejected', 'suggested:speaker-tagging@1', 'amal', ?)
          """, arguments: ["2026-11-01T10:00:00.000Z"])
      try db.execute(
        sql: """
          INSERT INTO events (uuid, at, author, action, entity, entityId, reportId, after, batch)
          VALUES ('e-1', ?, 'amal', 'reject', 'suggestion', 'speaker-tagging/speaker@0..4', 1, ?, 'b-1')
          """, arguments: ["2026-11-01T10:00:00.000Z", #"{"origin":"suggested:speaker-tagging@1"}"#])
      // As the upgrade of the older file that logged it would list its command.
      try ProjectStore.noteCommands(db, after: 0)
    }
    _ = try store.undo(author: "amal")
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal").isEmpty)
    _ = try store.redo(author: "amal")
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal") == [candidate(0, 4, .rejected)])
  }

  /// An undone decision is a removal the decision rows cannot carry; the log does, so a copy
  /// still holding the row does not bring it back, whichever way the copies are merged.
  @Test func anUndoneDecisionStaysUndoneThroughMergesEitherWay() throws {
    let amal = try store()
    try amal.change(author: "amal") { changes in
      try changes.recordDecision(candidate(0, 4, .rejected), origin: "suggested:speaker-tagging@1")
      try changes.recordDecision(candidate(6, 17, .rejected), origin: "suggested:speaker-tagging@1")
    }
    let copy = folder.path("copy.hashiya")
    try amal.saveCopy(to: copy)
    let karim = try ProjectStore.open(path: copy)
    try karim.change(author: "karim") {
      try $0.recordDecision(candidate(0, 4, .accepted), origin: "suggested:speaker-tagging@1")
    }
    _ = try amal.undo(author: "amal")
    #expect(try amal.suggestionDecisions(reportIDs: [1], author: "amal").isEmpty)
    _ = try amal.merge(from: ProjectStore.openReadOnly(path: copy), author: "amal")
    #expect(try amal.suggestionDecisions(reportIDs: [1], author: "amal").isEmpty)
    #expect(try amal.suggestionDecisions(reportIDs: [1], author: "karim") == [candidate(0, 4, .accepted)])
    _ = try karim.merge(from: ProjectStore.openReadOnly(path: amal.path), author: "karim")
    #expect(try karim.suggestionDecisions(reportIDs: [1], author: "amal").isEmpty)
    #expect(try karim.suggestionDecisions(reportIDs: [1], author: "karim") == [candidate(0, 4, .accepted)])
    // redo brings both back, and they travel like any decision.
    _ = try amal.redo(author: "amal")
    _ = try karim.merge(from: ProjectStore.openReadOnly(path: amal.path), author: "karim")
    #expect(
      try karim.suggestionDecisions(reportIDs: [1], author: "amal") == [
        candidate(0, 4, .rejected), candidate(6, 17, .rejected),
      ])
  }
}
