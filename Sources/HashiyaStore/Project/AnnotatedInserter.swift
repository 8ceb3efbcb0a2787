import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

/// Writes imported reports with their annotations, links, reviews and review work inside one
/// transaction.
///
/// Identity is kept where the file carries it: UUIDs always, handles when free, authors and
/// timestamps when given. A record whose UUID is already in the project is left as it is, so
/// importing the same export twice changes nothing. Valid only within `ProjectStore.importAnnotated`.
public final class AnnotatedInserter: AnnotatedInserting {
  let db: Database
  let author: String
  let now: String
  let batch = UUID().uuidString.lowercased()
  private let reports: ReportInserter
  /// Inserts an annotation under its own handle unless that handle or its UUID is taken.
  private let insertAnnotation: BulkStatement
  /// Inserts an annotation under a new handle.
  private let insertAnnotationRenumbered: BulkStatement
  /// Annotations imported for the current report, recorded in one event per report.
  private var importedUUIDs: [String] = []
  /// The `after` of the current report's event.
  private var eventJSON = JSONWriter()
  public internal(set) var outcome = AnnotatedImportOutcome()

  init(db: Database, author: String, now: String) throws {
    self.db = db
    self.author = author
    self.now = now
    self.reports = try ReportInserter(db: db, author: author, now: now)
    insertAnnotation = try BulkStatement(db, sql: Self.insertAnnotationSQL + " ON CONFLICT DO NOTHING")
    insertAnnotationRenumbered = try BulkStatement(db, sql: Self.insertAnnotationSQL)
  }

  /// Adds one imported report (or finds it by its text) and everything said about it.
  public func add(_ imported: ImportedReport) throws {
    try add(PreparedImport(imported))
  }

  /// Adds one imported report whose derived values are already worked out.
  public func add(_ prepared: borrowing PreparedImport) throws {
    let imported = prepared.imported
    let reportID = outcome.note(try insertReport(prepared))
    // Handles are only looked up by this report's links, reviews and review decisions.
    let needsHandles = !imported.links.isEmpty || !imported.reviews.isEmpty || !imported.reviewDecisions.isEmpty
    var handles: [String: Int] = [:]
    importedUUIDs.removeAll(keepingCapacity: true)
    // Each annotation is lent in place: copying one out of the array retains its dozen strings.
    try imported.annotations.withUnsafeBufferPointer { annotations in
      for index in annotations.indices {
        let id = try add(
          annotations[index], reportID: reportID, attributes: prepared.attributesJSON[index],
          provenance: prepared.provenanceJSON[index])
        if needsHandles { handles[annotations[index].key] = id }
      }
    }
    if !importedUUIDs.isEmpty {
      // One event per report keeps a million-annotation import fast; history finds it by UUID.
      // Written straight into one reused buffer: a tree of values per report cost more than the JSON.
      eventJSON.removeAll(keepingCapacity: true)
      eventJSON.beginObject()
      eventJSON.field("source", imported.location)
      eventJSON.key("annotations")
      eventJSON.beginArray()
      for uuid in importedUUIDs { eventJSON.string(uuid) }
      eventJSON.endArray()
      eventJSON.endObject()
      try ProjectStore.appendEvent(
        db,
        EventDraft(
          author: author, action: "import", entity: "annotations", reportID: reportID,
          after: String(decoding: eventJSON.bytes, as: UTF8.self), batch: batch))
    }
    func handle(_ key: String, _ location: String) throws -> Int {
      try localID(key, handles: handles, location: location)
    }
    for link in imported.links {
      if let uuid = link.uuid, try exists("links", uuid) {
        outcome.alreadyPresent += 1
        continue
      }
      let from = try handle(link.from, imported.location)
      let to = try handle(link.to, imported.location)
      let uuid = link.uuid ?? UUID().uuidString.lowercased()
      try db.execute(
        sql: "INSERT INTO links (uuid, type, fromId, toId, author, status, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
        arguments: [uuid, link.type, from, to, link.author ?? author, link.status.rawValue, link.createdAt ?? now])
      outcome.links += 1
    }
    for review in imported.reviews {
      if let uuid = review.uuid, try exists("reviews", uuid) {
        outcome.alreadyPresent += 1
        continue
      }
      try db.execute(
        sql: """
          INSERT INTO reviews (uuid, annotationId, reviewer, verdict, comment, createdAt) VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          review.uuid ?? UUID().uuidString.lowercased(), try handle(review.annotation, imported.location),
          review.reviewer, review.verdict.rawValue, review.comment, review.createdAt ?? now,
        ])
      outcome.reviews += 1
    }
    try addReviewWork(imported, reportID: reportID, handles: handles)
  }

  /// The local id of the annotation `key` names: imported just now, or already in the project.
  func localID(_ key: String, handles: [String: Int], location: String) throws -> Int {
    if let known = handles[key] { return known }
    if let existing = try Int.fetchOne(db, sql: "SELECT id FROM annotations WHERE uuid = ?", arguments: [key]) {
      return existing
    }
    throw StoreError.unknownAnnotationKey(key, location: location)
  }

  /// Adds the report, refusing one whose uid the project already gives to a different text.
  private func insertReport(_ prepared: PreparedImport) throws -> ReportInsertion {
    let result: ReportInsertion
    do {
      result = try reports.insert(prepared.report)
    } catch StoreError.uidConflict(let uid, let existingID) where uid == prepared.imported.report.uid {
      throw StoreError.reportTextDiffers(uid: uid, existingID: existingID)
    }
    // The same text can already be there under another uid while this uid names a different text.
    if case .duplicate = result, let uid = prepared.imported.report.uid,
      let other = try Row.fetchOne(
        try db.cachedStatement(sql: "SELECT id, sha256 FROM reports WHERE uid = ?"), arguments: [uid]),
      other["sha256"] != prepared.report.digest
    {
      throw StoreError.reportTextDiffers(uid: uid, existingID: other["id"])
    }
    return result
  }

  private func add(
    _ annotation: borrowing ImportedAnnotation, reportID: Int, attributes: String, provenance: String?
  ) throws -> Int {
    let created = annotation.createdAt ?? now
    let uuid = annotation.uuid ?? UUID().uuidString.lowercased()
    var values: [BulkValue] = [
      BulkValue(annotation.handle), .text(uuid), .int(reportID), .text(annotation.layer), .text(annotation.label),
      .int(annotation.range.start), .int(annotation.range.end), .text(annotation.quote ?? ""), .text(attributes),
      .text(annotation.author ?? author), .text(annotation.origin ?? "imported"), .text(annotation.status.rawValue),
      .text(created), .text(annotation.updatedAt ?? created), BulkValue(provenance),
      BulkValue(
        SpanFragment.storedText(annotation.fragments.map { SpanFragment(range: $0.range, quote: $0.quote ?? "") })),
    ]
    // The common case — a new UUID and a free handle — costs one statement; a clash on either
    // falls back to finding out which.
    try insertAnnotation.run(values)
    if db.changesCount == 0 {
      if let uuid = annotation.uuid,
        let existing = try Int.fetchOne(
          try db.cachedStatement(sql: "SELECT id FROM annotations WHERE uuid = ?"), arguments: [uuid])
      {
        outcome.alreadyPresent += 1
        return existing
      }
      // The handle is taken by another annotation: keep the record under a new one.
      values[0] = .null
      try insertAnnotationRenumbered.run(values)
    }
    importedUUIDs.append(uuid)
    outcome.annotations += 1
    return Int(db.lastInsertedRowID)
  }

  private static let insertAnnotationSQL = """
    INSERT INTO annotations (id, uuid, reportId, layer, label, start, "end", quote, attributes, author, origin,
      status, createdAt, updatedAt, provenance, fragments)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """

  /// Records a layer schema the file carries, unless the project already has one for that layer.
  public func registerLayer(_ schema: LayerSchema) throws {
    guard try Int.fetchOne(db, sql: "SELECT 1 FROM plugins WHERE id = ?", arguments: [schema.layer]) == nil else {
      return
    }
    let json = JSONWriter.string(schema.json)
    try db.execute(
      sql: "INSERT INTO plugins (id, version, kind, schema, registeredAt) VALUES (?, 'imported', 'imported', ?, ?)",
      arguments: [schema.layer, json, now])
    try ProjectStore.appendEvent(db, .importedLayer(schema.layer, schemaJSON: json, author: author, batch: batch))
  }

  func exists(_ table: String, _ uuid: String) throws -> Bool {
    try Int.fetchOne(db, sql: "SELECT 1 FROM \(table) WHERE uuid = ?", arguments: [uuid]) != nil
  }
}

extension ProjectStore {
  /// Imports annotated reports in one transaction: if `body` throws, the project keeps nothing of it.
  @discardableResult
  public func importAnnotated(
    author: String, expecting rows: Int, _ body: (any AnnotatedInserting) throws -> Void
  ) throws -> AnnotatedImportOutcome {
    try bulkWrite("import", expecting: rows) { db in
      let inserter = try AnnotatedInserter(db: db, author: author, now: Timestamp.now())
      try body(inserter)
      if !inserter.outcome.reportsAdded.isEmpty {
        try Self.appendEvent(
          db, .importedReports(inserter.outcome.reportsAdded, author: author, batch: inserter.batch))
      }
      return inserter.outcome
    }
  }
}
