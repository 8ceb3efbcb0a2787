import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

@testable import HashiyaPostgres

/// The history of an annotation is found through the entity index, not by reading the whole log.
@Suite(.enabled(if: PostgresCluster.isAvailable))
struct PostgresEventLookupTests {
  static let text = "أكّد «كيفين كويثي» أنّهم درّبوا 120 ألف مقاتل 🌍 في سوريا."

  func quote(_ start: Int, _ end: Int) -> String {
    String(String.UnicodeScalarView(Self.text.unicodeScalars.dropFirst(start).prefix(end - start)))
  }

  @Test func theHistoryOfAnAnnotationSearchesTheEntityIndex() throws {
    let database = try PostgresTestDatabase()
    let store = try PostgresProjectStore.create(PostgresCluster.shared.url(database: database.name))
    try store.importReports(author: store.user, source: "test") {
      try $0.insert(NewReport(title: "تقرير", text: Self.text, language: "ar"))
    }
    let speaker = try store.change(author: store.user) { changes in
      let speaker = try changes.add(
        NewAnnotation(
          reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(6, 17), quote: quote(6, 17)))
      let said = try changes.add(
        NewAnnotation(
          reportID: 1, layer: "speaker-tagging", label: "quote", range: TextRange(0, 4), quote: quote(0, 4)))
      try changes.link("said-by", from: said.id, to: speaker.id)
      return speaker
    }
    #expect(try store.history(ofAnnotation: speaker.id).map(\.entity) == ["annotation", "link"])
    // A handful of rows is read fastest whole; with that way ruled out, what is left shows how
    // the index answers the lookup, as it must for a log of millions.
    let connection = try database.connect()
    try connection.execute("SET enable_seqscan = off")
    let result = try connection.execute(
      "EXPLAIN " + PostgresProjectStore.historyQuery, [.texts([speaker.uuid]), .int(1), .text(speaker.uuid)])
    let plan = try (0..<result.rowCount).map { try result.string($0, 0) ?? "" }.joined(separator: "\n")
    #expect(!plan.contains("Seq Scan on events"), "\(plan)")
    // Searched on its first column: a condition on the UUIDs alone walks the whole index.
    let byUUID = plan.split(separator: "\n").filter { $0.contains("Index Cond") && $0.contains("entityid") }
    #expect(!byUUID.isEmpty, "\(plan)")
    #expect(byUUID.allSatisfy { $0.contains("(entity = ") }, "\(plan)")
  }
}
