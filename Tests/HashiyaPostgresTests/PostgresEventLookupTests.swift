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
    // A quote said by a speaker, and the link between them.
    let spans = [("speaker", TextRange(6, 17)), ("quote", TextRange(0, 4))]
    let made = try store.change(author: store.user) { changes in
      try spans.map { label, range in
        try changes.add(
          NewAnnotation(
            reportID: 1, layer: "speaker-tagging", label: label, range: range, quote: quote(range.start, range.end)))
      }
    }
    try store.change(author: store.user) { try $0.link("said-by", from: made[1].id, to: made[0].id) }
    let speaker = made[0]
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
