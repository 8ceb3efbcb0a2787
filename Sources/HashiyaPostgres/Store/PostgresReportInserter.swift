import AnnotatorKit
import Foundation
import HashiyaModel

/// Inserts reports inside one import transaction on the server; valid only within
/// `PostgresProjectStore.importReports`.
///
/// Reports go to the server by COPY in chunks (`PostgresBulkImport`). Each `insert` still
/// answers at once whether the report is new: the digests and uids already in the project are
/// read once, as 64-bit keys, and only a report whose key is among them costs a query.
/// A session that may not reserve ids (an annotator) inserts row by row instead.
final class PostgresReportInserter: ReportInserting {
  /// The advisory lock every import holds until it commits, so two imports never decide
  /// against the same project state and the reserved ids they leave unused can be given back.
  private static let importLock = 0x6861_7368_6979_61

  private let connection: PostgresConnection
  private let author: String
  private let now: String
  private let bulk: PostgresBulkImport?
  /// Keys of the digests and uids in the project before the import (see `digestKey`).
  private var existingDigests = Set<UInt64>()
  private var existingUIDs = Set<Int>()
  /// Reports this import added, by digest and by uid.
  private var addedDigests: [String: Int] = [:]
  private var addedUIDs: [String: Int] = [:]
  private(set) var outcome = ImportOutcome()

  init(connection: PostgresConnection, author: String, now: String) throws {
    self.connection = connection
    self.author = author
    self.now = now
    _ = try connection.execute("SELECT pg_advisory_xact_lock($1)", [.int(Self.importLock)])
    guard try PostgresBulkImport.canReserveIDs(connection) else {
      bulk = nil
      return
    }
    bulk = PostgresBulkImport(connection: connection, author: author, now: now)
    for row in try connection.rows("SELECT left(sha256, 16), uid FROM reports") {
      existingDigests.insert(Self.digestKey(try row.text(0, "a report's hash")))
      existingUIDs.insert(try row.text(1, "a report's uid").hashValue)
    }
  }

  @discardableResult
  func insert(_ report: NewReport) throws -> ReportInsertion {
    try insert(PreparedReport(report))
  }

  /// Adds a report with its search row and word tokens, or finds the one holding its text.
  @discardableResult
  func insert(_ prepared: PreparedReport) throws -> ReportInsertion {
    guard let bulk else { return try insertRow(prepared) }
    let uid = Self.uid(of: prepared)
    if let existing = addedDigests[prepared.digest] {
      return duplicate(existing)
    }
    if existingDigests.contains(Self.digestKey(prepared.digest)), let existing = try existingID(prepared) {
      return duplicate(existing)
    }
    if let clash = addedUIDs[uid] {
      throw StoreError.uidConflict(uid: uid, existingID: clash)
    }
    if existingUIDs.contains(uid.hashValue), let clash = try holder(ofUID: uid) {
      throw StoreError.uidConflict(uid: uid, existingID: clash)
    }
    let id = try bulk.nextID()
    addedDigests[prepared.digest] = id
    addedUIDs[uid] = id
    try bulk.add(id: id, uid: uid, prepared: prepared)
    outcome.added.append(id)
    return .added(id: id)
  }

  /// Writes the reports held so far, so rows referring to them can follow.
  func flushHeld() throws {
    try bulk?.flush()
  }

  /// Writes what is still held; the import calls it before its event, and anything that writes
  /// rows referring to the new reports in the same transaction must call it first.
  func finish() throws {
    try bulk?.finish()
  }

  /// Inserts one report with one statement each for it, its search row and its tokens.
  private func insertRow(_ prepared: PreparedReport) throws -> ReportInsertion {
    let report = prepared.report
    let uid = Self.uid(of: prepared)
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
      if let existing = try existingID(prepared) { return duplicate(existing) }
      throw StoreError.uidConflict(uid: uid, existingID: try holder(ofUID: uid) ?? 0)
    }
    let id = try row.int(0, "a new report")
    try PostgresProjectStore.insertSearchRow(connection, reportID: id, prepared)
    _ = try connection.execute(
      "INSERT INTO reportTokens (reportId, boundaries) VALUES ($1, $2)",
      [.int(id), .bytes(Data(prepared.tokenBoundaries))])
    outcome.added.append(id)
    return .added(id: id)
  }

  /// The id of the report already holding `prepared`'s text, if any.
  private func existingID(_ prepared: PreparedReport) throws -> Int? {
    try connection.int("SELECT id FROM reports WHERE sha256 = $1", [.text(prepared.digest)])
  }

  /// The id of the report already named `uid`, if any.
  private func holder(ofUID uid: String) throws -> Int? {
    try connection.int("SELECT id FROM reports WHERE uid = $1", [.text(uid)])
  }

  private func duplicate(_ id: Int) -> ReportInsertion {
    outcome.duplicates.append(id)
    return .duplicate(id: id)
  }

  /// The report's uid, or one made from its digest when the file gave none.
  private static func uid(of prepared: PreparedReport) -> String {
    prepared.report.uid ?? "sha256-" + prepared.digest.prefix(24)
  }

  /// A digest's first 16 hex digits as a number: distinct for distinct texts but for a chance
  /// too small to matter, and a match is confirmed by a query anyway.
  private static func digestKey<S: StringProtocol>(_ digest: S) -> UInt64 {
    UInt64(digest.prefix(16), radix: 16) ?? 0
  }
}

extension PostgresProjectStore {
  /// Imports reports in one transaction: if `body` throws, the project keeps nothing of it. The
  /// server writes every import alike, whatever its size.
  @discardableResult
  public func importReports(
    author: String, source: String, expecting _: Int, _ body: (any ReportInserting) throws -> Void
  ) throws -> ImportOutcome {
    try write("import") { connection in
      let inserter = try PostgresReportInserter(connection: connection, author: author, now: Timestamp.now())
      try body(inserter)
      try inserter.finish()
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
