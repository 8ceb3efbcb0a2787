import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

@testable import HashiyaPostgres

/// The figures of `stats` on a server, from assignments and events written straight to the
/// tables, so every number is known.
@Suite(.enabled(if: PostgresCluster.isAvailable))
struct PostgresProgressTests {
  static let texts = [
    "قال «كينو كابرييل» إنّ الهجوم فشل.", "أكّد «كيفين كويثي» أنّهم درّبوا 120 ألف مقاتل 🌍.", "نفت قسد الخبر.",
  ]

  func store() throws -> PostgresProjectStore {
    let database = try PostgresTestDatabase()
    let store = try PostgresProjectStore.create(PostgresCluster.shared.url(database: database.name))
    try store.importReports(author: "setup", source: "test") { inserter in
      for text in Self.texts { try inserter.insert(NewReport(title: "t", text: text, language: "ar")) }
    }
    return store
  }

  func add(_ store: PostgresProjectStore, _ author: String, report: Int, layer: String, _ start: Int, _ end: Int)
    throws
  {
    let quote = String(
      String.UnicodeScalarView(Self.texts[report - 1].unicodeScalars.dropFirst(start).prefix(end - start)))
    try store.change(author: author) {
      try $0.add(
        NewAnnotation(reportID: report, layer: layer, label: "speaker", range: TextRange(start, end), quote: quote))
    }
  }

  func assign(_ store: PostgresProjectStore, _ annotator: String, report: Int, layer: String = "", done: Bool = false)
    throws
  {
    _ = try store.write("assign") { connection in
      try connection.execute(
        """
        INSERT INTO assignments (reportId, layer, annotator, assignedBy, assignedAt, doneAt)
        VALUES ($1, $2, $3, 'lead', '2026-12-01T09:00:00.000Z', $4)
        """, [.int(report), .text(layer), .text(annotator), .optional(done ? "2026-12-01T10:00:00.000Z" : nil)])
    }
  }

  @Test func countsAssignmentsAnnotationsAndDecisionsPerAnnotatorAndLayer() throws {
    let store = try store()
    try assign(store, "amal", report: 1, done: true)
    try assign(store, "amal", report: 2)
    try assign(store, "amal", report: 2, layer: "speaker-tagging", done: true)
    try assign(store, "karim", report: 1, layer: "speaker-tagging")
    try assign(store, "karim", report: 3, layer: "claims", done: true)
    try add(store, "amal", report: 1, layer: "speaker-tagging", 5, 17)
    try add(store, "amal", report: 2, layer: "speaker-tagging", 6, 17)
    try add(store, "karim", report: 1, layer: "speaker-tagging", 5, 17)
    try store.change(author: "karim") { try $0.delete(3) }
    try store.change(author: "amal") { changes in
      for (start, verdict) in [(0, SuggestionDecision.Verdict.rejected), (1, .rejected), (2, .accepted)] {
        try changes.recordDecision(
          SuggestionDecision(
            reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(start, 4), verdict: verdict),
          origin: "suggested:speaker-tagging@1")
      }
    }
    #expect(
      try store.progress() == [
        AnnotatorProgress(
          annotator: "amal", layer: "speaker-tagging", assigned: 2, done: 2, annotations: 2, accepted: 1, rejected: 2),
        AnnotatorProgress(annotator: "karim", layer: "claims", assigned: 1, done: 1),
        AnnotatorProgress(annotator: "karim", layer: "speaker-tagging", assigned: 1, done: 0, annotations: 0),
      ])
    #expect(
      try store.progress(layer: "claims") == [
        AnnotatorProgress(annotator: "amal", layer: "claims", assigned: 2, done: 1),
        AnnotatorProgress(annotator: "karim", layer: "claims", assigned: 1, done: 1),
      ])
    #expect(try store.reportsAnnotatedBySeveral(layer: "speaker-tagging") == [])
    try add(store, "karim", report: 1, layer: "speaker-tagging", 6, 17)
    #expect(try store.reportsAnnotatedBySeveral(layer: "speaker-tagging") == [1])
  }

  /// Gaps under five minutes count; a longer one is a pause; each author has their own clock.
  @Test func activeTimeSumsTheShortGapsBetweenAnAuthorsEvents() throws {
    let store = try store()
    let times = [
      ("amal", "2026-12-01T09:00:00.000Z"), ("amal", "2026-12-01T09:01:30.000Z"), ("karim", "2026-12-01T09:02:00.000Z"),
      ("amal", "2026-12-01T09:04:29.500Z"), ("amal", "2026-12-01T09:09:29.500Z"), ("amal", "2026-12-01T09:10:00.000Z"),
      ("karim", "2026-12-01T09:06:59.000Z"),
    ]
    try store.write("events") { connection in
      for (index, (author, at)) in times.enumerated() {
        try connection.execute(
          "INSERT INTO events (uuid, at, author, action, entity, batch) VALUES ($1, $2, $3, 'create', 'annotation', $4)",
          [.text("e\(index)"), .text(at), .text(author), .text("b\(index)")])
      }
    }
    let seconds = try store.activeSeconds()
    // amal: 90 + 179.5 (+ 300, a pause) + 30.5; karim: 299.
    #expect(abs((seconds["amal"] ?? 0) - 300) < 0.01)
    #expect(abs((seconds["karim"] ?? 0) - 299) < 0.01)
  }
}
