import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

@Suite struct SearchIndexTests {
  let folder = TemporaryFolder()

  static let samples = [
    SeedReport.text,
    "أكد “كِيفِين كُويثِيّ”، نائبُ القائد؟\r\n١٢٠ ألف — ۱۲۰ — 120 Mr. SMITH's Café E\u{0301} 👍🏽🇸🇾 ΣΩ Жук שלום",
    "emoji 👩\u{200D}💻 between\u{00A0}words\r\nand tatweel: العـــربية, private \u{E000}use",
  ]

  /// Version 1 gave FTS5's unicode61 tokenizer the folded text; version 2 gives its ascii tokenizer
  /// `SearchTokenizer`'s tokens. Both indexes must hold the same terms at the same positions.
  @Test func theIndexHoldsTheTokensVersion1Held() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
      try db.execute(
        sql: """
          CREATE VIRTUAL TABLE v1 USING fts5(body, tokenize="unicode61 remove_diacritics 0 categories 'L* N* Co M*'");
          CREATE VIRTUAL TABLE v2 USING fts5(body, tokenize='ascii');
          CREATE VIRTUAL TABLE v1Terms USING fts5vocab(v1, instance);
          CREATE VIRTUAL TABLE v2Terms USING fts5vocab(v2, instance);
          """)
      for (row, text) in Self.samples.enumerated() {
        try db.execute(
          sql: "INSERT INTO v1 (rowid, body) VALUES (?, ?)", arguments: [row, FoldedText.foldedString(text)])
        try db.execute(
          sql: "INSERT INTO v2 (rowid, body) VALUES (?, ?)", arguments: [row, SearchTokenizer.indexText(text)])
      }
      let query = "SELECT doc, term FROM %@ ORDER BY doc, offset"
      let v1 = try Row.fetchAll(db, sql: query.replacingOccurrences(of: "%@", with: "v1Terms"))
      let v2 = try Row.fetchAll(db, sql: query.replacingOccurrences(of: "%@", with: "v2Terms"))
      #expect(v1.count > 300)
      // SQLite's own Unicode tables class emoji skin-tone modifiers (U+1F3FB–U+1F3FF, symbols)
      // as letters, so version 1 made a searchable token of 🏽 alone; nothing else differs.
      let skinTones = v1.filter { row in
        (row["term"] as String).unicodeScalars.allSatisfy { (0x1F3FB...0x1F3FF).contains($0.value) }
      }
      #expect(skinTones.count == 1)
      #expect(v1.filter { !skinTones.contains($0) } == v2)
    }
  }

  /// A query's terms are the tokens the index holds for the same text, so every word typed can match.
  @Test func queryTermsAreTheIndexTokens() {
    let tricky = [
      "العـــربية كَتَبَ ١٢٠ ۴ Café e\u{0301}x ΣΑΣ Ⓐbc Ⅻ x\u{20DD}y", "a\u{0640}b\u{0670}c،d؟e", "👩\u{200D}💻 ok 🇸🇾",
    ]
    for text in Self.samples + tricky {
      #expect(SearchQuery.terms(of: text).map(\.term).joined(separator: " ") == SearchTokenizer.indexText(text))
    }
  }

  @Test func openingAVersion1ProjectRebuildsItsIndex() throws {
    let path = folder.path("v1.hashiya")
    let queue = try OlderProjectFile.make(at: path, upTo: "v1", wal: true)
    // Reports as a version-1 build wrote them: the index holds the folded text for unicode61.
    try queue.write { db in
      for (offset, text) in Self.samples.enumerated() {
        let id = offset + 1
        try db.execute(
          sql: """
            INSERT INTO reports (id, uid, title, titleFolded, language, text, sha256, length, importedAt, importedBy)
            VALUES (?, ?, ?, ?, 'ar', ?, ?, ?, '2026-01-01T00:00:00.000Z', 'amal')
            """,
          arguments: [
            id, "r\(id)", "تقرير \(id)", "تقرير \(id)", text, "digest\(id)", text.unicodeScalars.count,
          ])
        try db.execute(
          sql: "INSERT INTO reports_fts (rowid, title, body) VALUES (?, ?, ?)",
          arguments: [id, "تقرير \(id)", FoldedText.foldedString(text)])
      }
    }
    try queue.close()

    var notices: [String] = []
    let store = try ProjectStore.open(path: path, announce: { notices.append($0) })
    #expect(notices == [ProjectSchema.upgradeNotice(path: path, from: 1)])
    #expect(notices.first?.contains("search index") == true)
    let (version, definition) = try store.read("schema") { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA user_version"),
        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_schema WHERE name = 'reports_fts'")
      )
    }
    #expect(version == ProjectSchema.version)
    #expect(definition?.contains("tokenize='ascii'") == true)
    #expect(try store.reportCount() == 3)
    #expect(try store.report(id: 2).text == Self.samples[1])
    #expect(try store.search("الخَلايا النّائمة").hits.map(\.id) == [1])
    #expect(try store.search("жук").hits.map(\.id) == [2])
    #expect(try store.search("العربية").hits.map(\.id) == [3])
    #expect(try store.search("تقرير").total == 3)
    #expect(try store.search("smith").hits.map(\.id) == [2])
    // Up to date now, though the file's own header still says 1 until a checkpoint: opening it
    // again announces nothing and writes nothing.
    let log = path + "-wal"
    let logBefore = try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int
    _ = try ProjectStore.open(path: path, announce: { notices.append($0) })
    #expect(notices.count == 1)
    #expect(try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int == logBefore)
  }
}
