import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

@Suite struct ProjectStoreTests {
  let folder = TemporaryFolder()

  func makeStore() throws -> ProjectStore {
    try ProjectStore.open(path: folder.path("test.hashiya"))
  }

  @Test func createsAProjectWithApplicationIDAndWAL() throws {
    let store = try makeStore()
    let (appID, journal, version) = try store.read("pragmas") { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA application_id")!,
        try String.fetchOne(db, sql: "PRAGMA journal_mode")!,
        try Int.fetchOne(db, sql: "PRAGMA user_version")!
      )
    }
    #expect(appID == Int(ProjectSchema.applicationID))
    #expect(journal == "wal")
    #expect(version == ProjectSchema.version)
    #expect(try store.reportCount() == 0)
    #expect(!(try store.projectUID()).isEmpty)
  }

  @Test func reopeningKeepsTheProjectUID() throws {
    let uid = try makeStore().projectUID()
    #expect(try makeStore().projectUID() == uid)
  }

  @Test func importsReportsExactlyAndDetectsDuplicates() throws {
    let store = try makeStore()
    let text = "أكد “كيفين كويثي” 👍🏽\r\nسطر ثانٍ"
    let first = try store.importReports(author: "amal", source: "test") { inserter in
      try inserter.insert(NewReport(title: "t", text: text, language: "ar"))
    }
    #expect(first.added == [1])
    let report = try store.report(id: 1)
    #expect(report.text == text)
    #expect(report.text.utf8.elementsEqual(text.utf8))
    #expect(report.length == text.unicodeScalars.count)
    #expect(report.sha256 == PreparedReport.sha256Hex(text))
    #expect(report.importedBy == "amal")
    let second = try store.importReports(author: "amal", source: "test") { inserter in
      try inserter.insert(NewReport(title: "again", text: text, language: "ar"))
    }
    #expect(second.added.isEmpty)
    #expect(second.duplicates == [1])
    #expect(try store.reportCount() == 1)
  }

  @Test func sha256MatchesAKnownVector() {
    #expect(PreparedReport.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func aFailedImportLeavesNothing() throws {
    struct Boom: Error {}
    let store = try makeStore()
    #expect(throws: Boom.self) {
      try store.importReports(author: "amal", source: "test") { inserter in
        try inserter.insert(NewReport(title: "a", text: "one", language: "en"))
        try inserter.insert(NewReport(title: "b", text: "two", language: "en"))
        throw Boom()
      }
    }
    #expect(try store.reportCount() == 0)
    #expect(try store.events().isEmpty)
  }

  @Test func theReportCountMatchesCountingEveryRowAfterFailedAndDuplicateImports() throws {
    struct Boom: Error {}
    let store = try makeStore()
    func counted() throws -> Int {
      try store.read("count") { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM reports") ?? 0 }
    }
    try store.importReports(author: "amal", source: "a") {
      try $0.insert(NewReport(title: "a", text: "one", language: "en"))
    }
    _ = try? store.importReports(author: "amal", source: "b") { inserter in
      try inserter.insert(NewReport(title: "b", text: "two", language: "en"))
      throw Boom()
    }
    try store.importReports(author: "amal", source: "c") { inserter in
      try inserter.insert(NewReport(title: "a again", text: "one", language: "en"))
      try inserter.insert(NewReport(title: "c", text: "three 👍🏽", language: "en"))
    }
    #expect(try store.reportCount() == 2)
    #expect(try store.reportCount() == counted())
  }

  @Test func aTeammateReadsTheLastCommittedStateWhileAnImportRuns() throws {
    let path = folder.path("shared.hashiya")
    let mine = try ProjectStore.open(path: path)
    try mine.importReports(author: "amal", source: "a") {
      try $0.insert(NewReport(title: "a", text: "one", language: "en"))
    }
    let teammate = try ProjectStore.open(path: path)
    #expect(try teammate.reportCount() == 1)
    let started = Date()
    // Expected to be large, so it would leave the log if the teammate did not have the file open.
    try mine.bulkWrite("import", expecting: ProjectStore.journaledRows) { db in
      // A page cache of 16 pages makes the import write its pages to the file long before it
      // commits, as a large import does: only the write-ahead log lets a reader through then.
      try db.execute(sql: "PRAGMA cache_size = 16")
      let inserter = try ReportInserter(db: db, author: "amal", now: Timestamp.now())
      let paragraph = String(repeating: "نص طويل عن الخلايا النائمة، ", count: 200)
      for n in 0..<100 {
        try inserter.insert(NewReport(title: "b\(n)", text: "\(n) \(paragraph)", language: "ar"))
      }
      let written = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
      #expect(written > 16 * 10)
      #expect(try teammate.reportCount() == 1)
      #expect(try teammate.search("الخلايا").total == 0)
    }
    #expect(Date().timeIntervalSince(started) < 5)
    #expect(try teammate.reportCount() == 101)
    #expect(try teammate.search("الخلايا").total == 100)
  }

  @Test func openingAnUpToDateProjectWritesNothing() throws {
    let path = folder.path("quiet.hashiya")
    do {
      let store = try ProjectStore.open(path: path)
      try store.importReports(author: "amal", source: "a") {
        try $0.insert(NewReport(title: "a", text: "one", language: "en"))
      }
    }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    do {
      let store = try ProjectStore.open(path: path)
      #expect(try store.reportCount() == 1)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func aUIDClashWithDifferentTextIsRefused() throws {
    let store = try makeStore()
    try store.importReports(author: "a", source: "s") {
      try $0.insert(NewReport(uid: "r1", title: "a", text: "one", language: "en"))
    }
    #expect(throws: StoreError.uidConflict(uid: "r1", existingID: 1)) {
      try store.importReports(author: "a", source: "s") {
        try $0.insert(NewReport(uid: "r1", title: "b", text: "two", language: "en"))
      }
    }
    #expect(try store.reportCount() == 1)
  }

  @Test func importAppendsOneEventAndTheLogIsAppendOnly() throws {
    let store = try makeStore()
    try store.importReports(author: "amal", source: "a.txt") { inserter in
      try inserter.insert(NewReport(title: "a", text: "one", language: "en"))
      try inserter.insert(NewReport(title: "b", text: "two", language: "en"))
    }
    let events = try store.events()
    #expect(events.count == 1)
    #expect(events[0].action == "import")
    #expect(events[0].author == "amal")
    #expect(events[0].after?.contains("[1,2]") == true)
    #expect(throws: StoreError.self) {
      try store.write("tamper") { db in try db.execute(sql: "DELETE FROM events") }
    }
    #expect(throws: StoreError.self) {
      try store.write("tamper") { db in try db.execute(sql: "UPDATE reports SET text = 'x'") }
    }
    #expect(try store.report(id: 1).text == "one")
  }

  @Test func searchIgnoresDiacriticsAndCountsBeforeRanking() throws {
    let store = try makeStore()
    try store.importReports(author: "a", source: "s") { inserter in
      try inserter.insert(NewReport(title: "أ", text: "محاربة الخلايا النائمة لداعش", language: "ar"))
      try inserter.insert(NewReport(title: "ب", text: "وبيّنَ أنّهم ملتزمون", language: "ar"))
      try inserter.insert(NewReport(title: "c", text: "Sleeper cells remain", language: "en"))
    }
    #expect(try store.search("الخلايا").hits.map(\.id) == [1])
    #expect(try store.search("الخَلايَا النّائمة").hits.map(\.id) == [1])
    #expect(try store.search("وبين").hits.map(\.id) == [2])
    #expect(try store.search("انهم").hits.map(\.id) == [2])
    #expect(try store.search("SLEEPER").hits.map(\.id) == [3])
    #expect(try store.search("sleep*").total == 1)
    #expect(try store.search("\" AND OR ( NEAR").total == 0)
    #expect(try store.search("   ").total == 0)
  }

  @Test func listsAndNavigatesReports() throws {
    let store = try makeStore()
    try store.importReports(author: "a", source: "s") { inserter in
      for n in 1...25 { try inserter.insert(NewReport(title: "تقرير رقم \(n)", text: "نص \(n)", language: "ar")) }
    }
    let (total, page) = try store.reportSummaries(offset: 20, limit: 20)
    #expect(total == 25)
    #expect(page.map(\.id) == [21, 22, 23, 24, 25])
    #expect(try store.reportSummaries(titleQuery: "رقم 7").page.map(\.id) == [7])
    #expect(try store.neighbour(of: 1, .next) == 2)
    #expect(try store.neighbour(of: 1, .previous) == nil)
    #expect(try store.neighbour(of: 25, .next) == nil)
    #expect(throws: StoreError.noSuchReport(id: 99999)) { try store.report(id: 99999) }
  }

  @Test func refusesAForeignSQLiteFileWithoutTouchingIt() throws {
    let path = folder.path("other.db")
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "CREATE TABLE t(x)") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(throws: StoreError.self) { try ProjectStore.open(path: path) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
  }

  @Test func refusesATextFileAndADirectory() throws {
    let path = folder.path("notes.hashiya")
    try "just some notes, long enough to fill a header of one hundred bytes......................................"
      .write(toFile: path, atomically: true, encoding: .utf8)
    #expect(throws: StoreError.notAProject(path: path, reason: "not an SQLite database")) {
      try ProjectStore.open(path: path)
    }
    #expect(throws: StoreError.self) { try ProjectStore.open(path: folder.url.path) }
  }

  @Test func refusesANewerSchema() throws {
    let path = folder.path("future.hashiya")
    _ = try ProjectStore.open(path: path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
    try queue.close()
    #expect(throws: StoreError.newerSchema(path: path, found: 99, supported: ProjectSchema.version)) {
      try ProjectStore.open(path: path)
    }
  }

  @Test func refusesAMissingFolder() {
    let path = folder.path("no/such/folder/p.hashiya")
    #expect(throws: StoreError.missingFolder(path: path)) { try ProjectStore.open(path: path) }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func twoConnectionsOnOneFileWaitRatherThanFail() throws {
    let path = folder.path("shared.hashiya")
    let a = try ProjectStore.open(path: path)
    let b = try ProjectStore.open(path: path)
    try a.importReports(author: "a", source: "s") { try $0.insert(NewReport(title: "a", text: "one", language: "en")) }
    try b.importReports(author: "b", source: "s") { try $0.insert(NewReport(title: "b", text: "two", language: "en")) }
    #expect(try a.reportCount() == 2)
  }
}

@Suite struct SchemaColumnOrderTests {
  @Test func rowDecodingPositionsMatchTheTables() throws {
    let folder = TemporaryFolder()
    let store = try ProjectStore.open(path: folder.path("c.hashiya"))
    let tables: [(String, [String])] = [
      ("reports", ProjectSchema.reportColumns), ("annotations", ProjectSchema.annotationColumns),
      ("links", ProjectSchema.linkColumns), ("reviews", ProjectSchema.reviewColumns),
      ("events", ProjectSchema.eventColumns),
    ]
    for (table, expected) in tables {
      let columns = try store.read("columns") { db in try db.columns(in: table).map(\.name) }
      #expect(columns == expected, "\(table)")
    }
  }
}
