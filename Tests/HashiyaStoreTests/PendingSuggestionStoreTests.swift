import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// Pending suggestions live in the file, per annotator, and read their state from the decisions.
@Suite struct PendingSuggestionStoreTests {
  let folder = TemporaryFolder()
  /// With tashkeel and an emoji outside the BMP, so offsets count code points.
  static let text = "أكّد «كيفين كويثي» أنّهم درّبوا 120 ألف مقاتل 🌍 في سوريا."

  func store() throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path("p.hashiya"))
    if try store.reportCount() == 0 {
      try store.importReports(author: "setup", source: "test") {
        try $0.insert(NewReport(title: "t", text: Self.text, language: "ar"))
      }
    }
    return store
  }

  func quote(_ range: TextRange) -> String {
    String(String.UnicodeScalarView(Self.text.unicodeScalars.dropFirst(range.start).prefix(range.length)))
  }

  /// Candidate `number` over `range`; the odd ones link to the next.
  func item(_ number: Int, _ range: TextRange, label: String = "speaker") -> PendingSuggestion {
    PendingSuggestion(
      number: number, reportID: 1, layer: "speaker-tagging", origin: "suggested:speaker-tagging@1",
      suggestion: Suggestion(
        label: label, range: range, attributes: ["note": .string("مُشَكَّل 🌍"), "rank": .int(number)],
        score: 0.25 * Double(number), explanation: "why \(number)"),
      quote: quote(range), location: "#1 s1.\(number)",
      linkTargets: number % 2 == 1 ? [(type: "said-by", number: number + 1)] : [])
  }

  var items: [PendingSuggestion] {
    [item(1, TextRange(0, 4)), item(2, TextRange(6, 17)), item(3, TextRange(19, 24), label: "quote")]
  }

  @Test func stateFollowsTheAuthorsDecisionsThroughUndoAndAReopenedFile() throws {
    let store = try store()
    try store.addPendingSuggestions(items, author: "amal")
    try store.addPendingSuggestions(items, author: "karim")
    let first = items[0]
    let handle = try store.change(author: "amal") { changes in
      let made = try changes.add(
        NewAnnotation(
          reportID: 1, layer: "speaker-tagging", label: "speaker", range: first.suggestion.range, quote: first.quote,
          origin: first.origin))
      try changes.recordDecision(
        SuggestionDecision(
          reportID: 1, layer: "speaker-tagging", label: "speaker", range: first.suggestion.range, verdict: .accepted),
        origin: first.origin)
      return made.id
    }
    try store.change(author: "amal") { changes in
      try changes.recordDecision(
        SuggestionDecision(
          reportID: 1, layer: "speaker-tagging", label: "speaker", range: items[1].suggestion.range,
          verdict: .rejected), origin: first.origin)
    }
    func states(_ store: ProjectStore, _ author: String) throws -> [PendingSuggestion.State] {
      try store.pendingSuggestions(author: author, numbers: 1...3).map(\.decided)
    }
    #expect(try states(store, "amal") == [.accepted(handle: handle), .rejected, .open])
    #expect(try states(store, "karim") == [.open, .open, .open], "amal's decisions are hers")
    #expect(try store.pendingSuggestionNumbers(author: "amal", openOnly: true) == [3])
    let counts = try store.pendingSuggestionCounts(author: "amal")
    #expect(counts.map(\.layer) == ["speaker-tagging"])
    #expect(counts.map(\.total) == [3] && counts.map(\.open) == [1])

    _ = try store.undo(author: "amal")
    #expect(try states(store, "amal") == [.accepted(handle: handle), .open, .open])
    _ = try store.undo(author: "amal")
    #expect(try states(store, "amal") == [.open, .open, .open])
    _ = try store.redo(author: "amal")
    let reopened = try ProjectStore.open(path: folder.path("p.hashiya"))
    #expect(try states(reopened, "amal") == [.accepted(handle: handle), .open, .open])
  }

  /// Version 10 drops the index of candidates by layer: a file of version 9 keeps its lists, and
  /// reading them by layer gives what it gave with the index.
  @Test func aVersion9FileKeepsItsListsWithoutTheLayerIndex() throws {
    let path = folder.path("old.hashiya")
    var mixed = items
    mixed[1].layer = "claim-labeling"
    do {
      let current = try ProjectStore.open(path: path)
      try current.importReports(author: "setup", source: "test") {
        try $0.insert(NewReport(title: "t", text: Self.text, language: "ar"))
      }
      try current.addPendingSuggestions(mixed, author: "amal")
    }
    // Back to what version 9 left: its indexes, its number, and no record of the migrations after.
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try OlderProjectFile.removeCommandList(db)
      try db.execute(sql: "CREATE INDEX pendingSuggestions_by_layer ON pendingSuggestions(author, layer, number)")
      try db.execute(sql: "DROP INDEX events_by_entity")
      try db.execute(sql: "CREATE INDEX events_by_entity ON events(entity, entityId)")
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier IN ('v10', 'v11')")
      try db.execute(sql: "PRAGMA user_version = 9")
    }
    try queue.close()
    var notices: [String] = []
    let upgraded = try ProjectStore.open(path: path, announce: { notices.append($0) })
    #expect(notices == [ProjectSchema.upgradeNotice(path: path, from: 9)])
    #expect(try upgraded.pendingSuggestionNumbers(author: "amal", layer: "speaker-tagging") == [1, 3])
    #expect(try upgraded.pendingSuggestionNumbers(author: "amal", layer: "claim-labeling") == [2])
    #expect(try upgraded.pendingSuggestionCounts(author: "amal").map(\.layer) == ["claim-labeling", "speaker-tagging"])
    #expect(try upgraded.pendingSuggestions(author: "amal", numbers: 1...3).map(\.quote) == mixed.map(\.quote))
    let (version, indexes) = try upgraded.read("schema") { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA user_version"),
        try String.fetchAll(db, sql: "SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'pending%'")
      )
    }
    #expect(version == ProjectSchema.version)
    #expect(indexes.isEmpty)
  }
}
