import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// The event log is looked up by entity through an index that leaves out suggestions' events,
/// and every lookup by entity still finds its events without reading the whole log.
@Suite struct EventLookupTests {
  let folder = TemporaryFolder()
  /// With tashkeel and an emoji outside the BMP, so offsets count code points.
  static let text = "أكّد «كيفين كويثي» أنّهم درّبوا 120 ألف مقاتل 🌍 في سوريا."

  func quote(_ start: Int, _ end: Int) -> String {
    String(String.UnicodeScalarView(Self.text.unicodeScalars.dropFirst(start).prefix(end - start)))
  }

  func candidate(_ start: Int, _ end: Int) -> SuggestionDecision {
    SuggestionDecision(
      reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(start, end), verdict: .accepted)
  }

  /// A project with two annotations, a link between them and an accepted suggestion.
  func project(_ name: String = "e.hashiya") throws -> (ProjectStore, Annotation) {
    let store = try ProjectStore.open(path: folder.path(name))
    try store.importReports(author: "setup", source: "test") {
      try $0.insert(NewReport(title: "t", text: Self.text, language: "ar"))
    }
    let made = try store.change(author: "amal") { changes in
      let schema = #"{"labels":[{"name":"speaker"},{"name":"quote"}]}"#
      try changes.register(LayerRecord(id: "speaker-tagging", version: "1", kind: "span", schemaJSON: schema))
      let speaker = try changes.add(
        NewAnnotation(
          reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(6, 17), quote: quote(6, 17)))
      let said = try changes.add(
        NewAnnotation(
          reportID: 1, layer: "speaker-tagging", label: "quote", range: TextRange(0, 4), quote: quote(0, 4)))
      try changes.link("said-by", from: said.id, to: speaker.id)
      try changes.recordDecision(candidate(0, 4), origin: "suggested:speaker-tagging@1")
      return speaker
    }
    return (store, made)
  }

  /// The statements `body` runs against the event log, each with SQLite's plan for it.
  func plans(_ store: ProjectStore, _ body: () throws -> Void) throws -> [(sql: String, plan: String)] {
    let seen = StatementLog()
    try store.write("trace") { db in
      db.trace(options: .statement) { event in
        guard case .statement(let statement) = event else { return }
        let sql = statement.expandedSQL
        if sql.contains("FROM events") { seen.append(sql) }
      }
    }
    try body()
    return try store.write("explain") { db in
      db.trace(options: [], nil)
      return try seen.statements.map { sql in
        let details = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(sql)").map { $0["detail"] as String? ?? "" }
        return (sql, details.joined(separator: "; "))
      }
    }
  }

  @Test func lookupsByEntitySearchTheIndexRatherThanScanTheLog() throws {
    let (store, speaker) = try project()
    let link = try store.links(touching: [speaker.id])[0]
    let plans = try plans(store) {
      let history = try store.history(ofAnnotation: speaker.id)
      #expect(history.map(\.entity) == ["annotation", "link"])
      #expect(try store.events(entity: "annotation", entityID: speaker.uuid).map(\.action) == ["create"])
      #expect(try store.events(entity: "link", entityID: link.uuid).map(\.action) == ["create"])
      // It reads whole tables for its other questions; the one by entity is asked per annotation.
      let problems = try store.check().map { "\($0.location): \($0.message)" }
      #expect(problems == [])
      let histories = try store.read("histories") { db in
        [
          try EntityHistory(db, entity: "annotation", uuid: speaker.uuid).entries.count,
          try EntityHistory(db, entity: "link", uuid: link.uuid).entries.count,
        ]
      }
      #expect(histories == [1, 1])
    }
    let lookups = plans.filter { $0.sql.contains("entityId = ") || $0.sql.contains("entityId IN") }
    #expect(lookups.count >= 6)
    for (sql, plan) in lookups {
      #expect(plan.contains("events_by_entity"), "\(sql): \(plan)")
      #expect(!plan.contains("SCAN events") && !plan.contains("SCAN e "), "\(sql): \(plan)")
    }
  }

  /// Listing a command reads the events it was given, by their ids, not the log by batch: after a
  /// large accept and its undo, a scan of the batch index made a one-tag change take a second.
  @Test func listingACommandReadsOnlyItsOwnEvents() throws {
    let (store, speaker) = try project()
    let plans = try plans(store) {
      try store.change(author: "amal") { try $0.update(speaker.id, attributes: ["role": "قائد"]) }
      _ = try store.undo(author: "amal")
    }
    let listings = plans.filter { $0.sql.contains("INTO commands") }
    #expect(listings.count == 2)
    for (sql, plan) in listings {
      #expect(plan.contains("INTEGER PRIMARY KEY (rowid>?)"), "\(sql): \(plan)")
      #expect(!plan.contains("events_by_batch"), "\(sql): \(plan)")
    }
  }

  /// Suggestions' events are left out of the index, and still found, undone and redone.
  @Test func suggestionEventsStayOutOfTheIndexAndAreStillFound() throws {
    let (store, _) = try project()
    let (indexed, total) = try store.read("count") { db in
      (
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM events INDEXED BY events_by_entity WHERE \(ProjectSchema.keyedEntities)"),
        try Int.fetchOne(db, sql: "SELECT count(*) FROM events")
      )
    }
    #expect(indexed == (total ?? 0) - 1)
    #expect(indexed == 5)
    let found = try store.events(entity: "suggestion", entityID: candidate(0, 4).eventID)
    #expect(found.map(\.action) == ["accept"])
    #expect(try store.events(entity: "suggestion", entityID: nil).count == 1)
    _ = try store.undo(author: "amal")
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal").isEmpty)
    _ = try store.redo(author: "amal")
    #expect(try store.suggestionDecisions(reportIDs: [1], author: "amal") == [candidate(0, 4)])
  }

  /// Version 11 rebuilds the entity index without suggestions: a file of version 10 says so once,
  /// keeps every event, and finds them as before.
  @Test func aVersion10FileHasItsEntityIndexRebuilt() throws {
    let path = folder.path("old.hashiya")
    let speaker: Annotation
    do {
      let (_, made) = try project("old.hashiya")
      speaker = made
    }
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try OlderProjectFile.removeCommandList(db)
      try db.execute(sql: "DROP INDEX events_by_entity")
      try db.execute(sql: "CREATE INDEX events_by_entity ON events(entity, entityId)")
      try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v11'")
      try db.execute(sql: "PRAGMA user_version = 10")
    }
    try queue.close()
    var notices: [String] = []
    let upgraded = try ProjectStore.open(path: path, announce: { notices.append($0) })
    #expect(notices == [ProjectSchema.upgradeNotice(path: path, from: 10)])
    #expect(notices.first?.contains("accept all") == true)
    let (version, definition) = try upgraded.read("schema") { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA user_version"),
        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'events_by_entity'")
      )
    }
    #expect(version == ProjectSchema.version)
    #expect(definition?.hasSuffix("WHERE entity <> 'suggestion'") == true)
    #expect(try upgraded.history(ofAnnotation: speaker.id).count == 2)
    #expect(try upgraded.events(entity: "suggestion", entityID: candidate(0, 4).eventID).count == 1)
    var again: [String] = []
    _ = try ProjectStore.open(path: path, announce: { again.append($0) })
    #expect(again.isEmpty)
  }
}

/// Statements a trace saw, from whichever thread ran them.
private final class StatementLog: @unchecked Sendable {
  private let lock = NSLock()
  private var seen: [String] = []

  func append(_ sql: String) {
    lock.lock()
    defer { lock.unlock() }
    seen.append(sql)
  }

  var statements: [String] {
    lock.lock()
    defer { lock.unlock() }
    return seen
  }
}
