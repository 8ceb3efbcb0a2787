import AnnotatorKit
import Foundation
import HashiyaModel

/// Writes imported reports with everything said about them inside one transaction on the
/// server, as `AnnotatedInserter` does on a file; valid only within
/// `PostgresProjectStore.importAnnotated`.
///
/// Reports go by COPY as in a plain import. Annotations are held a chunk at a time and sent by
/// COPY too: a file's handle is kept where free, a UUID already in the project leaves that
/// annotation as it is, and an annotation whose handle is taken gets a new one. Links, reviews
/// and review work, which few files carry, go row by row once the report's annotations are in.
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
  var outcome = AnnotatedImportOutcome()

  private struct HeldAnnotation {
    var handle: Int?
    var uuid: String
    var fields: [String?]
  }

  /// What a chunk's rows come to: the id each held annotation has (by its place among those
  /// held), the new ones among them, and the highest id after them.
  private struct Decision {
    var written: [Int: Int] = [:]
    var inserted: [(place: Int, id: Int)] = []
    var highest: Int
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
    let reportID = outcome.note(try insertReport(prepared))
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
    // Links and reviews need the report's handles, and review work's event follows the report's
    // annotation event in the log, as on a file: both wait for the held rows to be written.
    let saysMore =
      !imported.links.isEmpty || !imported.reviews.isEmpty || !imported.reviewDecisions.isEmpty
      || !imported.reviewStates.isEmpty || !imported.suggestionDecisions.isEmpty
    guard saysMore else {
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
  ///
  /// Which rows are new and which handles they get is decided row by row in file order, as a
  /// file's import decides it, and the new rows go by COPY straight into the table. The chunk is
  /// first taken to be new to the project, which a fresh import's is: then nothing needs looking
  /// up. If the table's unique indexes refuse that, the COPY is rolled back to a savepoint and the
  /// chunk decided again from what the project holds of its UUIDs and handles.
  @discardableResult
  private func flush() throws -> [Int: Int] {
    defer {
      held.removeAll(keepingCapacity: true)
      heldReports.removeAll(keepingCapacity: true)
    }
    guard !held.isEmpty else { return [:] }
    // The reports must be there before rows that refer to them.
    try reports.flushHeld()
    let highest = try connection.int("SELECT coalesce(max(id), 0) FROM annotations") ?? 0
    _ = try connection.execute("SAVEPOINT import_chunk")
    var decision = decide(present: [:], taken: [], highest: highest)
    do {
      try write(decision)
      _ = try connection.execute("RELEASE SAVEPOINT import_chunk")
    } catch let error as PostgresError where error.sqlState == PostgresSQLState.uniqueViolation {
      _ = try connection.execute("ROLLBACK TO SAVEPOINT import_chunk")
      // Joined with the index rather than `= ANY(…)`, which a long list turns into a scan.
      let present = try Dictionary(
        connection.rows(
          "SELECT a.uuid, a.id FROM unnest($1::text[]) AS u(uuid) JOIN annotations a ON a.uuid = u.uuid",
          [.texts(held.map(\.uuid))]
        ).map { (try $0.text(0, "an annotation's UUID"), try $0.int(1, "an annotation")) },
        uniquingKeysWith: { first, _ in first })
      let taken = Set(
        try connection.rows(
          "SELECT a.id FROM unnest($1::bigint[]) AS h(id) JOIN annotations a ON a.id = h.id",
          [.ints(held.compactMap(\.handle))]
        ).map { try $0.int(0, "an annotation") })
      decision = decide(present: present, taken: taken, highest: highest)
      try write(decision)
    }
    outcome.annotations += decision.inserted.count
    outcome.alreadyPresent += held.count - decision.inserted.count
    try writeEvents(Set(decision.inserted.map(\.place)))
    return decision.written
  }

  /// The held annotations' ids and which of them are new, given the UUIDs the project holds
  /// (with their ids), the handles it has taken and its highest id.
  private func decide(present: [String: Int], taken: Set<Int>, highest: Int) -> Decision {
    var present = present
    var taken = taken
    var decision = Decision(highest: highest)
    for (place, annotation) in held.enumerated() {
      // Already in the project, or given twice in the file: left as it is.
      if let id = present[annotation.uuid] {
        decision.written[place] = id
        continue
      }
      // A handle that is taken gives way to one past the highest, as a file numbers a new row.
      let id = annotation.handle.flatMap { taken.contains($0) ? nil : $0 } ?? decision.highest + 1
      taken.insert(id)
      present[annotation.uuid] = id
      decision.highest = max(decision.highest, id)
      decision.written[place] = id
      decision.inserted.append((place, id))
    }
    return decision
  }

  /// Writes the new rows `decision` names, and moves the identity past them.
  private func write(_ decision: Decision) throws {
    try moveHandlesPast(decision.highest)
    guard !decision.inserted.isEmpty else { return }
    _ = try connection.copyIn(
      """
      COPY annotations (id, uuid, reportId, layer, label, start, "end", quote, attributes, author, origin, status,
        createdAt, updatedAt, provenance, fragments) FROM STDIN
      """,
      rows: decision.inserted.lazy.map { [String($0.id)] + self.held[$0.place].fields })
  }

  /// Moves the annotations' identity past `highest`, the highest id in the table, never back.
  private func moveHandlesPast(_ highest: Int) throws {
    _ = try connection.execute(
      """
      SELECT setval(pg_get_serial_sequence('annotations', 'id'), greatest(top, 1), top > 0) FROM (SELECT greatest(
        $1::bigint, coalesce(pg_sequence_last_value(pg_get_serial_sequence('annotations', 'id')::regclass), 0)) AS top
      ) AS t
      """, [.int(highest)])
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
      connection, .importedReports(outcome.reportsAdded, author: author, batch: batch), at: nextEventTime())
  }

  /// Records a layer schema the file carries, unless the project already has one for that layer.
  func registerLayer(_ schema: LayerSchema) throws {
    guard try connection.rows("SELECT 1 FROM plugins WHERE id = $1", [.text(schema.layer)]).isEmpty else { return }
    let json = JSONWriter.string(schema.json)
    _ = try connection.execute(
      "INSERT INTO plugins (id, version, kind, schema, registeredAt) VALUES ($1, 'imported', 'imported', $2, $3)",
      [.text(schema.layer), .text(json), .text(now)])
    try PostgresProjectStore.appendEvent(
      connection, .importedLayer(schema.layer, schemaJSON: json, author: author, batch: batch), at: nextEventTime())
  }
}

extension PostgresProjectStore {
  /// Imports annotated reports in one transaction: if `body` throws, the project keeps nothing
  /// of it. Only a lead may, as for a merge: the import gives annotations the handles the file
  /// has, so other writers wait until it commits (readers do not).
  @discardableResult
  public func importAnnotated(
    author: String, expecting _: Int, _ body: (any AnnotatedInserting) throws -> Void
  ) throws -> AnnotatedImportOutcome {
    try write("import") { connection in
      guard try connection.rows("SELECT hashiya_is_lead()").first?.bool(0, "a lead check") == true else {
        throw StoreError.unsupported(what: "an annotated import by someone who does not lead the team", path: path)
      }
      _ = try connection.execute(
        "LOCK TABLE \(Self.annotatedImportTables.joined(separator: ", ")) IN SHARE ROW EXCLUSIVE MODE")
      let inserter = try PostgresAnnotatedInserter(connection: connection, author: author, now: Timestamp.now())
      try body(inserter)
      try inserter.finish()
      return inserter.outcome
    }
  }

  /// The tables an annotated import writes to besides the reports.
  static let annotatedImportTables = [
    "plugins", "annotations", "links", "reviews", "reviewDecisions", "reviewState", "suggestionDecisions", "events",
  ]
}
