import AnnotatorKit
import Foundation
import HashiyaModel

/// Writes imported reports with everything said about them inside one transaction on the
/// server, as `AnnotatedInserter` does on a file; valid only within
/// `PostgresProjectStore.importAnnotated`.
///
/// Reports go by COPY as in a plain import. Annotations are held a chunk at a time, sent by COPY
/// to a staging table and moved with one `INSERT … SELECT`: a file's handle is kept where free,
/// a UUID already in the project leaves that annotation as it is, and an annotation whose handle
/// is taken gets a new one. Links, reviews and review work, which few files carry, go row by
/// row once the report's annotations are written.
final class PostgresAnnotatedInserter: AnnotatedInserting {
  /// Annotations held before they are written.
  static let chunkSize = 5_000

  let connection: PostgresConnection
  let author: String
  let now: String
  let batch = OrderedUUID.make()
  private let reports: PostgresReportInserter
  /// The time of the last event written: the import keeps the event clock itself.
  private var clock: String?
  /// Annotations held, and the reports they belong to, in file order.
  private var held: [HeldAnnotation] = []
  private var heldReports: [(reportID: Int, location: String, annotations: Range<Int>)] = []
  private var stagingCreated = false
  var outcome = AnnotatedImportOutcome()

  private struct HeldAnnotation {
    var handle: Int?
    var uuid: String
    var fields: [String?]
  }

  init(connection: PostgresConnection, author: String, now: String) throws {
    self.connection = connection
    self.author = author
    self.now = now
    reports = try PostgresReportInserter(connection: connection, author: author, now: now)
    clock = try connection.rows("SELECT hashiya_last_event_time()").first?.optionalText(0)
  }

  func add(_ imported: ImportedReport) throws {
    try add(PreparedImport(imported))
  }

  /// Adds one imported report (or finds it by its text) and holds its annotations.
  func add(_ prepared: borrowing PreparedImport) throws {
    let imported = prepared.imported
    let reportID: Int
    switch try insertReport(prepared) {
    case .added(let id):
      reportID = id
      outcome.reportsAdded.append(id)
    case .duplicate(let id):
      reportID = id
      outcome.reportsMatched.append(id)
    }
    let first = held.count
    for (index, annotation) in imported.annotations.enumerated() {
      let created = annotation.createdAt ?? now
      let fragments = SpanFragment.storedText(
        annotation.fragments.map { SpanFragment(range: $0.range, quote: $0.quote ?? "") })
      let uuid = annotation.uuid ?? UUID().uuidString.lowercased()
      held.append(
        HeldAnnotation(
          handle: annotation.handle, uuid: uuid,
          fields: [
            uuid, String(reportID), annotation.layer, annotation.label, String(annotation.range.start),
            String(annotation.range.end), annotation.quote ?? "", prepared.attributesJSON[index],
            annotation.author ?? author, annotation.origin ?? "imported", annotation.status.rawValue, created,
            annotation.updatedAt ?? created, prepared.provenanceJSON[index], fragments,
          ]))
    }
    heldReports.append((reportID, imported.location, first..<held.count))
    let needsHandles =
      !imported.links.isEmpty || !imported.reviews.isEmpty || !imported.reviewDecisions.isEmpty
      || !imported.reviewStates.isEmpty || !imported.suggestionDecisions.isEmpty
    guard needsHandles else {
      if held.count >= Self.chunkSize { try flush() }
      return
    }
    let written = try flush()
    var handles: [String: Int] = [:]
    for (index, annotation) in imported.annotations.enumerated() {
      if let id = written[first + index] { handles[annotation.key] = id }
    }
    try addLinksAndReviews(imported, reportID: reportID, handles: handles)
  }

  /// Adds the report, refusing one whose uid the project already gives to a different text.
  private func insertReport(_ prepared: borrowing PreparedImport) throws -> ReportInsertion {
    let result: ReportInsertion
    do {
      result = try reports.insert(prepared.report)
    } catch StoreError.uidConflict(let uid, let existingID) where uid == prepared.imported.report.uid {
      throw StoreError.reportTextDiffers(uid: uid, existingID: existingID)
    }
    // The same text can already be there under another uid while this uid names a different text.
    if case .duplicate = result, let uid = prepared.imported.report.uid {
      try reports.flushHeld()
      let other = try connection.rows("SELECT id, sha256 FROM reports WHERE uid = $1", [.text(uid)]).first
      if let other, try other.text(1, "a report's hash") != prepared.report.digest {
        throw StoreError.reportTextDiffers(uid: uid, existingID: try other.int(0, "a report"))
      }
    }
    return result
  }

  /// Writes the held annotations and each report's event; returns the id each held annotation
  /// has now (its own, or the one already holding its UUID), by its place among those held.
  @discardableResult
  private func flush() throws -> [Int: Int] {
    defer {
      held.removeAll(keepingCapacity: true)
      heldReports.removeAll(keepingCapacity: true)
    }
    guard !held.isEmpty else { return [:] }
    // The reports must be there before rows that refer to them.
    try reports.flushHeld()
    if !stagingCreated {
      _ = try connection.execute(
        """
        CREATE TEMP TABLE import_annotations (place bigint, id bigint, uuid text, reportId bigint, layer text,
          label text, start bigint, "end" bigint, quote text, attributes text, author text, origin text,
          status text, createdAt text, updatedAt text, provenance text, fragments text) ON COMMIT DROP
        """)
      stagingCreated = true
    }
    _ = try connection.copyIn(
      "COPY import_annotations FROM STDIN",
      rows: held.enumerated().lazy.map { place, annotation in
        [String(place), annotation.handle.map(String.init)] + annotation.fields
      })
    // New handles come after every handle the file gives, so they never take one of those.
    _ = try connection.execute(
      """
      SELECT setval(pg_get_serial_sequence('annotations', 'id'), greatest(top, 1), top > 0) FROM (SELECT greatest(
        (SELECT coalesce(max(id), 0) FROM annotations), (SELECT coalesce(max(id), 0) FROM import_annotations),
        coalesce(pg_sequence_last_value(pg_get_serial_sequence('annotations', 'id')::regclass), 0)) AS top) AS t
      """)
    var written = try move("")
    var inserted = Set(written.keys)
    let missing = held.indices.filter { written[$0] == nil }
    if !missing.isEmpty {
      let present = try Dictionary(
        connection.rows(
          "SELECT uuid, id FROM annotations WHERE uuid = ANY($1::text[])", [.texts(missing.map { held[$0].uuid })]
        ).map { (try $0.text(0, "an annotation's UUID"), try $0.int(1, "an annotation")) },
        uniquingKeysWith: { first, _ in first })
      var renumber: [Int] = []
      for place in missing {
        if let id = present[held[place].uuid] {
          written[place] = id
          outcome.alreadyPresent += 1
        } else {
          renumber.append(place)
        }
      }
      // The handle is taken by another annotation: keep the record under a new one.
      if !renumber.isEmpty {
        let again = try move("AND place = ANY($1::bigint[])", [.texts(renumber.map(String.init))], renumber: true)
        written.merge(again) { first, _ in first }
        inserted.formUnion(again.keys)
      }
    }
    try writeEvents(inserted)
    _ = try connection.execute("TRUNCATE import_annotations")
    return written
  }

  /// Inserts the staged annotations `condition` picks, in file order, skipping any whose handle
  /// or UUID is taken; returns the ids of those inserted by their place. A row that would be
  /// skipped for its UUID never draws a new handle, so handles run on without gaps, as on a file.
  private func move(_ condition: String, _ parameters: [PostgresValue?] = [], renumber: Bool = false) throws
    -> [Int: Int]
  {
    let next = "nextval(pg_get_serial_sequence('annotations', 'id'))"
    let rows = try connection.rows(
      """
      INSERT INTO annotations (id, uuid, reportId, layer, label, start, "end", quote, attributes, author, origin,
        status, createdAt, updatedAt, provenance, fragments)
      SELECT \(renumber ? next : "coalesce(id, \(next))"), uuid, reportId, layer, label, start, "end", quote,
        attributes, author, origin, status, createdAt, updatedAt, provenance, fragments
      FROM (SELECT *, row_number() OVER (PARTITION BY uuid ORDER BY place) AS nth FROM import_annotations) s
      WHERE nth = 1 AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.uuid = s.uuid) \(condition)
      ORDER BY place
      ON CONFLICT DO NOTHING RETURNING uuid, id
      """, parameters)
    var places: [String: Int] = [:]
    for (place, annotation) in held.enumerated().reversed() { places[annotation.uuid] = place }
    var written: [Int: Int] = [:]
    for row in rows {
      if let place = places[try row.text(0, "an imported annotation")] {
        written[place] = try row.int(1, "an imported annotation")
      }
    }
    outcome.annotations += written.count
    return written
  }

  /// One event per report listing the annotations it brought, as a file records them.
  private func writeEvents(_ inserted: Set<Int>) throws {
    var events: [[String?]] = []
    var json = JSONWriter()
    for report in heldReports {
      let imported = report.annotations.filter(inserted.contains)
      guard !imported.isEmpty else { continue }
      json.removeAll(keepingCapacity: true)
      json.beginObject()
      json.field("source", report.location)
      json.key("annotations")
      json.beginArray()
      for place in imported { json.string(held[place].uuid) }
      json.endArray()
      json.endObject()
      events.append([
        OrderedUUID.make(), nextEventTime(), author, "import", "annotations", nil, String(report.reportID),
        nil, String(decoding: json.bytes, as: UTF8.self), nil, batch,
      ])
    }
    guard !events.isEmpty else { return }
    _ = try connection.copyIn(
      "COPY events (uuid, at, author, action, entity, entityId, reportId, before, after, reverts, batch) FROM STDIN",
      rows: events)
  }

  /// The next event's time on the import's own clock, later than every event before it.
  func nextEventTime() -> String {
    let at = Timestamp.now(after: clock)
    clock = at
    return at
  }

  /// Writes whatever is still held and records the reports the import added.
  func finish() throws {
    try flush()
    try reports.finish()
    guard !outcome.reportsAdded.isEmpty else { return }
    try PostgresProjectStore.appendEvent(
      connection,
      EventDraft(
        author: author, action: "import", entity: "reports",
        after: JSONWriter.string(.object(["reports": .array(outcome.reportsAdded.map { .int($0) })])),
        batch: batch), at: nextEventTime())
  }

  /// Records a layer schema the file carries, unless the project already has one for that layer.
  func registerLayer(_ schema: LayerSchema) throws {
    guard try connection.rows("SELECT 1 FROM plugins WHERE id = $1", [.text(schema.layer)]).isEmpty else { return }
    let json = JSONWriter.string(schema.json)
    _ = try connection.execute(
      "INSERT INTO plugins (id, version, kind, schema, registeredAt) VALUES ($1, 'imported', 'imported', $2, $3)",
      [.text(schema.layer), .text(json), .text(now)])
    try PostgresProjectStore.appendEvent(
      connection,
      EventDraft(
        author: author, action: "register", entity: "layer", entityID: schema.layer, after: json, batch: batch),
      at: nextEventTime())
  }
}
