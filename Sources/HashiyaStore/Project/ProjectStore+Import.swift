import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

/// Inserts reports inside one import transaction; valid only within `ProjectStore.importReports`.
public final class ReportInserter: ReportInserting {
  private let db: Database
  private let author: String
  private let now: String
  private let insertReport: BulkStatement
  private let insertIndex: BulkStatement
  private let insertTokens: BulkStatement
  fileprivate(set) var outcome = ImportOutcome()

  init(db: Database, author: String, now: String) throws {
    self.db = db
    self.author = author
    self.now = now
    // A text or uid already in the project makes the insert do nothing; only then is it
    // looked up, so a new report costs one statement and its index row.
    insertReport = try BulkStatement(
      db,
      sql: """
        INSERT INTO reports (uid, title, titleFolded, source, url, language, published, text,
          sha256, length, hadBOM, metadata, importedAt, importedBy)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """)
    insertIndex = try BulkStatement(
      db, sql: "INSERT INTO reports_fts (rowid, title, body, clitics) VALUES (?, ?, ?, ?)")
    insertTokens = try BulkStatement(db, sql: "INSERT INTO reportTokens (reportId, boundaries) VALUES (?, ?)")
  }

  /// Adds `report` unless a report with the same text exists; throws on a uid clash.
  @discardableResult
  public func insert(_ report: NewReport) throws -> ReportInsertion {
    try insert(PreparedReport(report))
  }

  /// Adds a report whose hash, length and index text are already worked out.
  @discardableResult
  public func insert(_ prepared: PreparedReport) throws -> ReportInsertion {
    let report = prepared.report
    let uid = report.uid ?? "sha256-" + prepared.digest.prefix(24)
    try insertReport.run(
      .text(uid), .text(report.title), .text(prepared.foldedTitle), BulkValue(report.source), BulkValue(report.url),
      .text(report.language), BulkValue(report.published), .text(report.text), .text(prepared.digest),
      .int(prepared.length), .int(report.hadBOM ? 1 : 0), .text(report.metadataJSON), .text(now), .text(author))
    guard db.changesCount > 0 else {
      if let existing = try Int.fetchOne(
        try db.cachedStatement(sql: "SELECT id FROM reports WHERE sha256 = ?"), arguments: [prepared.digest])
      {
        outcome.duplicates.append(existing)
        return .duplicate(id: existing)
      }
      let clash = try Int.fetchOne(
        try db.cachedStatement(sql: "SELECT id FROM reports WHERE uid = ?"), arguments: [uid])
      throw StoreError.uidConflict(uid: uid, existingID: clash ?? 0)
    }
    let id = Int(db.lastInsertedRowID)
    try insertIndex.run(
      .int(id), .utf8(prepared.indexTitle), .utf8(prepared.indexText), .utf8(prepared.indexClitics))
    try insertTokens.run(.int(id), .blob(prepared.tokenBoundaries))
    outcome.added.append(id)
    return .added(id: id)
  }
}

extension ProjectStore {
  /// Imports reports in one transaction: if `body` throws, the project keeps nothing of it.
  ///
  /// An import that adds at least one report appends one `import` event listing them.
  @discardableResult
  public func importReports(
    author: String, source: String, expecting rows: Int, _ body: (any ReportInserting) throws -> Void
  ) throws -> ImportOutcome {
    try bulkWrite("import", expecting: rows) { db in
      let inserter = try ReportInserter(db: db, author: author, now: Timestamp.now())
      try body(inserter)
      let outcome = inserter.outcome
      if !outcome.added.isEmpty {
        let after = JSONWriter.string(
          .object([
            "source": .string(source),
            "reports": .array(outcome.added.map { .int($0) }),
          ]))
        try Self.appendEvent(
          db,
          EventDraft(
            author: author, action: "import", entity: "reports", after: after,
            batch: UUID().uuidString.lowercased()))
      }
      return outcome
    }
  }
}
