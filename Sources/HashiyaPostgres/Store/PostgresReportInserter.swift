import AnnotatorKit
import Foundation
import HashiyaModel

/// Inserts reports inside one import transaction on the server; valid only within
/// `PostgresProjectStore.importReports`.
final class PostgresReportInserter: ReportInserting {
  private let connection: PostgresConnection
  private let author: String
  private let now: String
  private(set) var outcome = ImportOutcome()

  init(connection: PostgresConnection, author: String, now: String) {
    self.connection = connection
    self.author = author
    self.now = now
  }

  @discardableResult
  func insert(_ report: NewReport) throws -> ReportInsertion {
    try insert(PreparedReport(report))
  }

  /// Adds a report with its search row and word tokens, or finds the one holding its text.
  @discardableResult
  func insert(_ prepared: PreparedReport) throws -> ReportInsertion {
    let report = prepared.report
    let uid = report.uid ?? "sha256-" + prepared.digest.prefix(24)
    let inserted = try connection.rows(
      """
      INSERT INTO reports (uid, title, titleFolded, source, url, language, published, text,
        sha256, length, hadBOM, metadata, importedAt, importedBy)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT DO NOTHING RETURNING id
      """,
      [
        .text(uid), .text(report.title), .text(prepared.foldedTitle), .optional(report.source), .optional(report.url),
        .text(report.language), .optional(report.published), .text(report.text), .text(prepared.digest),
        .int(prepared.length), .int(report.hadBOM ? 1 : 0), .text(report.metadataJSON), .text(now), .text(author),
      ])
    guard let row = inserted.first else {
      if let existing = try connection.int("SELECT id FROM reports WHERE sha256 = $1", [.text(prepared.digest)]) {
        outcome.duplicates.append(existing)
        return .duplicate(id: existing)
      }
      let clash = try connection.int("SELECT id FROM reports WHERE uid = $1", [.text(uid)])
      throw StoreError.uidConflict(uid: uid, existingID: clash ?? 0)
    }
    let id = try row.int(0, "a new report")
    _ = try connection.execute(
      "INSERT INTO reports_fts (reportId, searchTokens) VALUES ($1, "
        + PostgresSchema.searchVector(title: "$2", body: "$3", clitics: "$4") + ")",
      [
        .int(id), .text(String(decoding: prepared.indexTitle, as: UTF8.self)),
        .text(String(decoding: prepared.indexText, as: UTF8.self)),
        .text(String(decoding: prepared.indexClitics, as: UTF8.self)),
      ])
    _ = try connection.execute(
      "INSERT INTO reportTokens (reportId, boundaries) VALUES ($1, $2)",
      [.int(id), .bytes(Data(prepared.tokenBoundaries))])
    outcome.added.append(id)
    return .added(id: id)
  }
}

extension PostgresProjectStore {
  /// Imports reports in one transaction: if `body` throws, the project keeps nothing of it.
  @discardableResult
  public func importReports(
    author: String, source: String, _ body: (any ReportInserting) throws -> Void
  ) throws -> ImportOutcome {
    try write("import") { connection in
      let inserter = PostgresReportInserter(connection: connection, author: author, now: Timestamp.now())
      try body(inserter)
      let outcome = inserter.outcome
      if !outcome.added.isEmpty {
        try Self.appendEvent(
          connection,
          EventDraft(
            author: author, action: "import", entity: "reports",
            after: JSONWriter.string(
              .object(["source": .string(source), "reports": .array(outcome.added.map { .int($0) })])),
            batch: OrderedUUID.make()))
      }
      return outcome
    }
  }
}
