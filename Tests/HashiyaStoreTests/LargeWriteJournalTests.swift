import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// A change expected to touch many rows is written with a rollback journal while the session has
/// the file alone, and the file is back in WAL mode after it, committed or not. With another
/// session on the file it stays in WAL mode, and a session opening the file during the change
/// works on rather than failing.
@Suite struct LargeWriteJournalTests {
  let folder = TemporaryFolder()
  var path: String { folder.path("p.hashiya") }

  /// A project holding one report.
  func makeStore() throws -> ProjectStore {
    let store = try ProjectStore.open(path: path)
    _ = try store.importReports(author: "amal", source: "test") { inserter in
      try inserter.insert(NewReport(title: "t", text: "قالَتِ المُتَحَدِّثَةُ 🛰️\r\nسطر", language: "ar"))
    }
    return store
  }

  func journalMode(_ db: Database) throws -> String? {
    try String.fetchOne(db, sql: "PRAGMA journal_mode")
  }

  /// Whether the file's own header says WAL mode, as the next session reads it.
  func headerSaysWAL() throws -> Bool {
    try #require(try ProjectFileHeader.read(path: path)).isWAL
  }

  @Test func aLargeChangeAloneUsesARollbackJournalAndLeavesTheFileInWALMode() throws {
    let store = try makeStore()
    let mode = try store.largeWrite("test", expecting: ProjectStore.journaledRows) { db in
      try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('probe', 'large')")
      return try journalMode(db)
    }
    #expect(mode == "delete")
    #expect(try headerSaysWAL())
    #expect(
      try store.read("probe") { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'probe'") } == "large")
    #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
  }

  @Test func aSmallChangeKeepsTheLog() throws {
    let store = try makeStore()
    let mode = try store.largeWrite("test", expecting: ProjectStore.journaledRows - 1) { try journalMode($0) }
    #expect(mode == "wal")
  }

  @Test func aLargeChangeThatFailsRollsBackAndLeavesTheFileInWALMode() throws {
    let store = try makeStore()
    struct Failure: Error {}
    #expect(throws: StoreError.self) {
      try store.largeWrite("test", expecting: ProjectStore.journaledRows) { db in
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('probe', 'lost')")
        throw DatabaseError(message: "the change failed half way")
      }
    }
    #expect(try headerSaysWAL())
    #expect(
      try store.read("probe") { try String.fetchOne($0, sql: "SELECT value FROM meta WHERE key = 'probe'") } == nil)
  }

  @Test func anotherSessionOnTheFileKeepsItInWALMode() throws {
    let store = try makeStore()
    let other = try ProjectStore.open(path: path)
    #expect(try other.reportCount() == 1)
    let mode = try store.largeWrite("test", expecting: ProjectStore.journaledRows) { try journalMode($0) }
    #expect(mode == "wal")
    #expect(try headerSaysWAL())
  }

  @Test func aSessionOpeningDuringALargeChangeWorksOnAfterIt() throws {
    let store = try makeStore()
    var late: ProjectStore?
    try store.largeWrite("test", expecting: ProjectStore.journaledRows) { db in
      #expect(try journalMode(db) == "delete")
      // Its open cannot put the file back in WAL mode while this change runs, and need not.
      late = try ProjectStore.open(path: path)
      #expect(try late?.reportCount() == 1)
    }
    // Between its statements the late session holds no lock: the change put the file back.
    #expect(try headerSaysWAL())
    let opened = try #require(late)
    _ = try opened.importReports(author: "badr", source: "test") { inserter in
      try inserter.insert(NewReport(title: "u", text: "نص آخر 👍🏽", language: "ar"))
    }
    #expect(try store.reportCount() == 2)
  }

  @Test func theNextSessionAlonePutsTheFileBackInWALMode() throws {
    do {
      let store = try makeStore()
      let mode = try store.database.writeWithoutTransaction { db in
        try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
      }
      #expect(mode == "delete")
    }
    #expect(try !headerSaysWAL())
    let reopened = try ProjectStore.open(path: path)
    #expect(try headerSaysWAL())
    #expect(try reopened.reportCount() == 1)
  }
}
