import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import HashiyaPostgres
import Testing

/// Blind annotation held by the server: two annotators, each on a connection of their own,
/// see only their own work on a blind layer, whether through the store or by hand, and each
/// other's on a layer that is not blind; the lead sees everything.
@Suite(.enabled(if: PostgresCluster.isAvailable)) struct RowSecurityTests {
  /// A project on the test server with the seed report, annotators amal and karim (login roles
  /// with a suffix of this test's own), and every layer blind but "translation-notes".
  struct Team {
    let database: String
    let lead: PostgresProjectStore
    let amal: PostgresProjectStore
    let karim: PostgresProjectStore

    init() throws {
      let cluster = PostgresCluster.shared
      database = try cluster.createDatabase()
      lead = try PostgresProjectStore.create(cluster.url(database: database))
      let suffix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
      for name in ["amal_" + suffix, "karim_" + suffix] {
        try cluster.createRole(name)
        try lead.setMember(name, role: .annotator, by: lead.user)
      }
      try lead.setBlind(false, layer: "translation-notes", by: lead.user)
      _ = try lead.importReports(author: lead.user, source: "test") { inserter in
        try inserter.insert(NewReport(title: "تقرير التحالف", text: SeedReport.text, language: "ar"))
      }
      amal = try PostgresProjectStore.open(cluster.url(database: database, user: "amal_" + suffix))
      karim = try PostgresProjectStore.open(cluster.url(database: database, user: "karim_" + suffix))
    }

    /// A raw session as `user`, as `psql` would open one.
    func connect(as user: String) throws -> PostgresConnection {
      try PostgresConnection(PostgresCluster.shared.conninfo(database: database, user: user))
    }

    /// `store`'s user tags the report's first `length` characters on `layer`.
    func tag(_ store: PostgresProjectStore, _ layer: String, length: Int) throws -> Annotation {
      let quote = String(String.UnicodeScalarView(SeedReport.text.unicodeScalars.prefix(length)))
      return try store.change(author: store.user) { changes in
        try changes.add(
          NewAnnotation(reportID: 1, layer: layer, label: "claim", range: TextRange(0, length), quote: quote))
      }
    }
  }

  @Test func annotatorsSeeOnlyTheirOwnWorkOnABlindLayer() throws {
    let team = try Team()
    let amalsClaim = try team.tag(team.amal, "claim-labeling", length: 5)
    let karimsClaim = try team.tag(team.karim, "claim-labeling", length: 6)
    let karimsNote = try team.tag(team.karim, "translation-notes", length: 7)
    #expect(try team.amal.access(for: team.amal.user).isBlind("claim-labeling"))

    let seenByAmal = try team.amal.annotations(AnnotationFilter(reportID: 1))
    #expect(Set(seenByAmal.map(\.id)) == [amalsClaim.id, karimsNote.id])
    #expect(try team.lead.annotations(AnnotationFilter(reportID: 1)).count == 3)
    #expect(throws: StoreError.noSuchAnnotation(id: karimsClaim.id)) {
      try team.amal.annotation(id: karimsClaim.id)
    }
    #expect(throws: StoreError.noSuchAnnotation(id: karimsClaim.id)) {
      try team.amal.history(ofAnnotation: karimsClaim.id)
    }
    #expect(try team.amal.history(ofAnnotation: karimsNote.id).map(\.author) == [team.karim.user])
    let amalsLog = try team.amal.recentEvents(limit: 100, author: nil)
    #expect(!amalsLog.contains { $0.entityID == karimsClaim.uuid })
    #expect(amalsLog.contains { $0.entityID == karimsNote.uuid })
    #expect(try team.lead.recentEvents(limit: 100, author: nil).contains { $0.entityID == karimsClaim.uuid })

    let amalsAccess = try team.amal.access(for: team.amal.user)
    #expect(
      try team.amal.reportSummaries(titleQuery: nil, offset: 0, limit: 20, access: amalsAccess).page.first?
        .annotationCount == 2)
    #expect(
      try team.karim.reportSummaries(titleQuery: nil, offset: 0, limit: 20, access: nil).page.first?
        .annotationCount == 2)
    #expect(
      try team.lead.reportSummaries(titleQuery: nil, offset: 0, limit: 20, access: nil).page.first?
        .annotationCount == 3)

    // By hand, as psql would: the table shows amal only her own blind work.
    let raw = try team.connect(as: team.amal.user)
    let authors = try raw.execute("SELECT author, layer FROM annotations ORDER BY id").rows.map { $0[0] ?? "" }
    #expect(authors == [team.amal.user, team.karim.user])
    let hidden = try raw.execute("SELECT count(*) FROM events WHERE entityId = $1", [.text(karimsClaim.uuid)])
    #expect(try hidden.int(0, 0) == 0)
  }

  @Test func aLayerMadeBlindHidesWhatWasSharedAndOpeningItShowsIt() throws {
    let team = try Team()
    let karimsNote = try team.tag(team.karim, "translation-notes", length: 7)
    #expect(try team.amal.annotations(AnnotationFilter(layer: "translation-notes")).map(\.id) == [karimsNote.id])
    try team.lead.setBlind(true, layer: "translation-notes", by: team.lead.user)
    #expect(try team.amal.annotations(AnnotationFilter(layer: "translation-notes")).isEmpty)
    try team.lead.setBlind(false, layer: nil, by: team.lead.user)
    try team.lead.setBlind(false, layer: "translation-notes", by: team.lead.user)
    #expect(try team.amal.annotations(AnnotationFilter(reportID: 1)).map(\.id) == [karimsNote.id])
  }

  @Test func anAnnotatorCannotChangeATeammatesAnnotation() throws {
    let team = try Team()
    let karimsNote = try team.tag(team.karim, "translation-notes", length: 7)
    let karimsClaim = try team.tag(team.karim, "claim-labeling", length: 6)
    // The row lock the change takes is under the update policy, so the server hides the row
    // from amal's change before the store can name its owner.
    #expect(throws: (any Error).self) {
      try team.amal.change(author: team.amal.user) { try $0.update(karimsNote.id, label: "quote") }
    }
    #expect(throws: StoreError.noSuchAnnotation(id: karimsClaim.id)) {
      try team.amal.change(author: team.amal.user) { try $0.delete(karimsClaim.id) }
    }
    // By hand the server refuses too: the row is not amal's to update, nor hers to insert.
    let raw = try team.connect(as: team.amal.user)
    let updated = try raw.execute(
      "UPDATE annotations SET label = 'quote' WHERE id = ANY($1::bigint[])",
      [.text("{\(karimsNote.id),\(karimsClaim.id)}")])
    #expect(updated.rowsAffected == 0)
    #expect(throws: PostgresError.self) {
      try raw.execute(
        "INSERT INTO events (uuid, at, author, action, entity, batch) VALUES ('x', 'x', $1, 'x', 'x', 'x')",
        [.text(team.karim.user)])
    }
    #expect(try team.lead.annotation(id: karimsNote.id).label == "claim")
    try team.lead.change(author: team.lead.user) { try $0.update(karimsNote.id, label: "quote") }
    #expect(try team.karim.annotation(id: karimsNote.id).label == "quote")
  }

  @Test func anAnnotatorClosesOnlyTheirOwnAssignments() throws {
    let team = try Team()
    try team.lead.assign(
      [(reportID: 1, annotators: [team.amal.user, team.karim.user])], layer: "", by: team.lead.user, record: [:])
    #expect(try team.amal.setDone(true, reportID: 1, annotator: team.amal.user, layer: nil) == 1)
    #expect(throws: (any Error).self) {
      try team.amal.setDone(true, reportID: 1, annotator: team.karim.user, layer: nil)
    }
    #expect(try team.lead.assignedReports(to: team.karim.user, layer: nil, openOnly: true) == [1])
    #expect(try team.lead.assignedReports(to: team.amal.user, layer: nil, openOnly: true).isEmpty)
    #expect(throws: (any Error).self) {
      try team.amal.assign([(reportID: 1, annotators: ["someone"])], layer: "", by: team.amal.user, record: [:])
    }
  }
}
