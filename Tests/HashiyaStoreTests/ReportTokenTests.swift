import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// The word tokens kept per report for `agreement`: recorded at import, by merge and by the
/// upgrade from version 7, and read back as the segmenter gives them.
@Suite struct ReportTokenTests {
  let folder = TemporaryFolder()
  static let texts = [
    SeedReport.text, "أكد “كيفين كويثي” أنهم دربوا 120 ألف مقاتل 🎖️.\nسطرٌ ثانٍ ﷺ", "\u{FEFF}بداية\u{0651} نص",
  ]

  func store(_ name: String = "tokens.hashiya") throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path(name))
    try store.importReports(author: "setup", source: "test") { importer in
      for (n, text) in Self.texts.enumerated() {
        try importer.insert(NewReport(title: "t\(n)", text: text, language: "ar"))
      }
    }
    return store
  }

  func expected(_ text: String) -> [TextRange] {
    ReportText(text).sentences.flatMap(\.tokens)
  }

  @Test func importRecordsTheSegmentersTokens() throws {
    let store = try store()
    let tokens = try store.reportTokens(ids: [3, 1, 2, 9])
    #expect(tokens.keys.sorted() == [1, 2, 3])
    for (n, text) in Self.texts.enumerated() { #expect(tokens[n + 1] == expected(text), "report \(n + 1)") }
    let recorded = try DatabaseQueue(path: folder.path("tokens.hashiya")).read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM reportTokens")
    }
    #expect(recorded == 3)
  }

  @Test func aMissingOrDamagedRecordIsSegmentedAgain() throws {
    _ = try store()
    let queue = try DatabaseQueue(path: folder.path("tokens.hashiya"))
    try queue.write { db in
      try db.execute(sql: "DELETE FROM reportTokens WHERE reportId = 1")
      // A token running past the text's end.
      try db.execute(sql: "UPDATE reportTokens SET boundaries = x'00ff7f' WHERE reportId = 2")
    }
    try queue.close()
    let tokens = try ProjectStore.open(path: folder.path("tokens.hashiya")).reportTokens(ids: [1, 2, 3])
    for (n, text) in Self.texts.enumerated() { #expect(tokens[n + 1] == expected(text), "report \(n + 1)") }
  }

  @Test func encodingRoundTripsAndRefusesWhatDoesNotFit() {
    let tokens = [TextRange(0, 3), TextRange(4, 200), TextRange(200, 201), TextRange(150, 160)]
    let bytes = TokenBoundaries.encode(tokens)
    #expect(bytes.withUnsafeBytes { TokenBoundaries.decode($0, length: 201) } == tokens)
    #expect(bytes.withUnsafeBytes { TokenBoundaries.decode($0, length: 200) } == nil)
    #expect(Array(bytes.dropLast()).withUnsafeBytes { TokenBoundaries.decode($0, length: 201) } == nil)
    #expect([UInt8]().withUnsafeBytes { TokenBoundaries.decode($0, length: 0) } == [])
  }

  @Test func aFileOfVersion7GainsItsReportsTokensOnOpening() throws {
    let path = folder.path("v7.hashiya")
    let queue = try OlderProjectFile.make(at: path, upTo: "v7")
    try queue.write { db in try OlderProjectFile.insertReport(db, text: Self.texts[1]) }
    try queue.close()
    let store = try ProjectStore.open(path: path)
    #expect(try store.reportTokens(ids: [1])[1] == expected(Self.texts[1]))
    let recorded = try DatabaseQueue(path: path).read { db in
      try Data.fetchOne(db, sql: "SELECT boundaries FROM reportTokens WHERE reportId = 1")
    }
    #expect(recorded.map(Array.init) == TokenBoundaries.encode(expected(Self.texts[1])))
  }

  @Test func mergeRecordsTheTokensOfTheReportsItBrings() throws {
    _ = try store("theirs.hashiya")
    let ours = try ProjectStore.open(path: folder.path("ours.hashiya"))
    _ = try ours.merge(from: ProjectStore.openReadOnly(path: folder.path("theirs.hashiya")), author: "lead")
    let count = try DatabaseQueue(path: folder.path("ours.hashiya")).read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM reportTokens")
    }
    #expect(count == 3)
  }
}
