import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaPostgres
import Testing

/// The server's bulk import where only a server can be tested: importers at the same time,
/// and an annotator, who may insert reports but not reserve their ids.
@Suite(.enabled(if: PostgresCluster.isAvailable)) struct PostgresImportTests {
  /// Reports whose texts differ by `salt` and `index`, in Arabic with diacritics and an emoji.
  static func reports(_ salt: String, count: Int) -> [NewReport] {
    (0..<count).map { NewReport(title: "تقريرٌ \($0)", text: "نصُّ \(salt) رقم \($0) 🇸🇾\r\nسطرٌ\tثانٍ", language: "ar") }
  }

  @Test func importersAtTheSameTimeNeverShareAnID() async throws {
    let database = try PostgresCluster.shared.createDatabase()
    let url = PostgresCluster.shared.url(database: database)
    _ = try PostgresProjectStore.create(url)
    let shared = Self.reports("مشترك", count: 10)
    let outcomes = try await withThrowingTaskGroup(of: ImportOutcome.self) { group in
      for salt in ["أ", "ب"] {
        group.addTask {
          let store = try PostgresProjectStore.open(url)
          return try store.importReports(author: "lead", source: salt) { inserter in
            for report in shared + Self.reports(salt, count: 2_500) { try inserter.insert(report) }
          }
        }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    let added = outcomes.flatMap(\.added)
    #expect(added.count == 5_010)
    #expect(Set(added).count == added.count)
    // Whichever came second found the shared texts the first had added.
    #expect(outcomes.map(\.duplicates.count).sorted() == [0, 10])
    let store = try PostgresProjectStore.open(url)
    #expect(try store.reportCount() == 5_010)
    #expect(try store.search("مشترك", limit: 100).total == 10)
    let next = try store.importReports(author: "lead", source: "next") {
      try $0.insert(NewReport(title: "ج", text: "بعدَهما", language: "ar"))
    }
    #expect(next.added == [try #require(added.max()) + 1])
  }

  /// The rows an import leaves in the search index and the token table, by report id.
  static func indexRows(_ database: String) throws -> [[String?]] {
    let connection = try PostgresConnection(PostgresCluster.shared.conninfo(database: database))
    return try connection.execute(
      """
      SELECT r.id, r.uid, r.titleFolded, r.length, f.searchTokens::text, t.boundaries
      FROM reports r JOIN reports_fts f ON f.reportId = r.id JOIN reportTokens t ON t.reportId = r.id ORDER BY r.id
      """
    ).rows
  }

  @Test func anAnnotatorImportsRowByRowWithTheSameAnswers() throws {
    let database = try PostgresCluster.shared.createDatabase()
    _ = try PostgresProjectStore.create(PostgresCluster.shared.url(database: database))
    let lead = try PostgresCluster.shared.createDatabase()
    let bulk = try PostgresProjectStore.create(PostgresCluster.shared.url(database: lead))
    let member = "importer_" + String(UInt32.random(in: 0...UInt32.max), radix: 16)
    try PostgresCluster.shared.createRole(member)
    let owner = try PostgresConnection(PostgresCluster.shared.conninfo(database: database))
    for statement in try PostgresSchema.membershipStatements(member: member, role: "annotator", database: database) {
      try owner.execute(statement)
    }
    let store = try PostgresProjectStore.open(PostgresCluster.shared.url(database: database, user: member))
    var answers: [ReportInsertion] = []
    let reports = Self.reports("عضو", count: 3) + Self.reports("عضو", count: 1)
    let outcome = try store.importReports(author: member, source: "mine") { inserter in
      for report in reports { answers.append(try inserter.insert(report)) }
    }
    try bulk.importReports(author: member, source: "mine") { inserter in
      for report in reports { try inserter.insert(report) }
    }
    // COPY writes what the row-by-row statements write, the tsvector and the bytea included.
    let rows = try Self.indexRows(database)
    #expect(rows.count == 3)
    #expect(try Self.indexRows(lead) == rows)
    #expect(answers == [.added(id: 1), .added(id: 2), .added(id: 3), .duplicate(id: 1)])
    #expect(outcome.added == [1, 2, 3])
    #expect(try store.search("عضو", limit: 10).total == 3)
    #expect(try store.report(id: 2).text == "نصُّ عضو رقم 1 🇸🇾\r\nسطرٌ\tثانٍ")
  }
}
