import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

/// One merge of a teammate's file into this project, inside this project's write transaction,
/// reading the other file a report (or a row) at a time.
///
/// Rows are matched by UUID (reports by uid and text), the other file's events are appended to
/// the log, and every annotation, link and review decision those events touched has its fields
/// decided again from the whole merged log: per field, the latest change wins (see `EventStamp`).
/// State is then a function of the set of events alone, so any order or grouping of merges ends
/// in the same state, and merging twice is merging once.
final class ProjectMerge {
  private let db: Database
  private let author: String
  /// The last event this project had before the merge: later ones came from the other file.
  private let lastOwnEvent: Int
  private(set) var outcome = MergeOutcome()
  /// The other file's report ids mapped to ours; a report whose text differs maps to nothing.
  private var reportIDs: [Int: Int] = [:]
  /// Annotations left out (failing the checks, or on a report left out), with everything about them.
  private var leftOut = Set<String>()
  /// What the other side's new events touched: their fields are decided again once all are in.
  private var touched = Set<TouchedEntity>()

  /// An entity whose state depends on events: an annotation, a link or a review decision.
  private struct TouchedEntity: Hashable, Comparable {
    var entity: String
    var uuid: String

    static func < (a: Self, b: Self) -> Bool { (a.entity, a.uuid) < (b.entity, b.uuid) }
  }

  private static let replayedEntities: Set<String> = ["annotation", "link", "review-unit"]

  init(db: Database, author: String) throws {
    self.db = db
    self.author = author
    lastOwnEvent = try Int.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0
  }

  /// Records the layer schemas this project lacks.
  func mergeLayers(_ layers: [LayerRecord]) throws {
    for layer in layers {
      try execute(
        "INSERT OR IGNORE INTO plugins (id, version, kind, schema, registeredAt) VALUES (?, ?, ?, ?, ?)",
        [layer.id, layer.version, layer.kind, layer.schemaJSON, Timestamp.now()])
    }
  }

  // MARK: Reports, annotations, links and reviews

  /// Brings in one report and what the other file says about it.
  ///
  /// `check` is shown the annotations that would change this project (new here, or changed
  /// later there) and returns those that may come in; the others stay out with their links,
  /// reviews and events. Annotations this project already has as they are need no second look.
  func add(_ bundle: ReportBundle, check: (ReportBundle) throws -> ReportBundle) throws {
    var known: [String: (id: Int, updatedAt: String)] = [:]
    for annotation in bundle.annotations {
      guard
        let row = try Row.fetchOne(
          db.cachedStatement(sql: "SELECT id, updatedAt FROM annotations WHERE uuid = ?"), arguments: [annotation.uuid])
      else { continue }
      known[annotation.uuid] = (
        try row.checked("id", "annotation \(annotation.uuid)"),
        try row.checked("updatedAt", "annotation \(annotation.uuid)")
      )
    }
    var incoming = bundle
    incoming.annotations = bundle.annotations.filter { theirs in
      known[theirs.uuid].map { $0.updatedAt < theirs.updatedAt } ?? true
    }
    var rejected = Set<String>()
    if !incoming.annotations.isEmpty {
      let passed = Set(try check(incoming).annotations.map(\.uuid))
      rejected = Set(incoming.annotations.lazy.map(\.uuid).filter { !passed.contains($0) })
      leftOut.formUnion(rejected)
    }
    guard let reportID = try mergeReport(bundle.report) else {
      leftOut.formUnion(bundle.annotations.map(\.uuid))
      return
    }
    reportIDs[bundle.report.id] = reportID
    var handles: [Int: Int] = [:]
    for annotation in bundle.annotations where !rejected.contains(annotation.uuid) {
      if let ours = known[annotation.uuid] {
        // Fields stay until the events are replayed; the last-change time is the later of the
        // two (a maximum, so the order of merges is moot).
        if annotation.updatedAt > ours.updatedAt {
          try execute("UPDATE annotations SET updatedAt = ? WHERE id = ?", [annotation.updatedAt, ours.id])
        }
        handles[annotation.id] = ours.id
      } else {
        handles[annotation.id] = try insert(annotation, reportID: reportID)
      }
    }
    for link in bundle.links where try !exists("links", link.uuid) {
      guard let from = handles[link.fromID], let to = handles[link.toID] else { continue }
      try execute(
        "INSERT INTO links (uuid, type, fromId, toId, author, status, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [link.uuid, link.type, from, to, link.author, link.status.rawValue, link.createdAt])
      outcome.linksAdded += 1
    }
    for review in bundle.reviews where try !exists("reviews", review.uuid) {
      guard let annotationID = handles[review.annotationID] else { continue }
      try execute(
        "INSERT INTO reviews (uuid, annotationId, reviewer, verdict, comment, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
        [review.uuid, annotationID, review.reviewer, review.verdict.rawValue, review.comment, review.createdAt])
      outcome.reviewsAdded += 1
    }
  }

  /// The local id of the other file's report, inserting it when new; nil when the texts differ.
  private func mergeReport(_ report: Report) throws -> Int? {
    if let row = try Row.fetchOne(db, sql: "SELECT id, sha256 FROM reports WHERE uid = ?", arguments: [report.uid]) {
      let id: Int = try row.checked("id", "report \"\(report.uid)\"")
      guard try row.checked("sha256", "report #\(id)") == report.sha256 else {
        outcome.notes.append(
          "report \"\(report.uid)\" has a different text in the other file; kept ours (#\(id)) and skipped theirs")
        return nil
      }
      return id
    }
    if let existing = try Int.fetchOne(db, sql: "SELECT id FROM reports WHERE sha256 = ?", arguments: [report.sha256]) {
      return existing
    }
    let inserter = try ReportInserter(db: db, author: report.importedBy, now: report.importedAt)
    guard
      case .added(let id) = try inserter.insert(
        NewReport(
          uid: report.uid, title: report.title, text: report.text, language: report.language, source: report.source,
          url: report.url, published: report.published, metadataJSON: report.metadataJSON, hadBOM: report.hadBOM))
    else { return nil }
    outcome.reportsAdded += 1
    return id
  }

  /// Inserts an annotation this project lacks, under its handle there when that is free here.
  private func insert(_ theirs: Annotation, reportID: Int) throws -> Int {
    let handleFree = try !exists(handle: theirs.id)
    try execute(
      """
      INSERT INTO annotations (id, uuid, reportId, layer, label, start, "end", quote, attributes, author, origin,
        status, createdAt, updatedAt, provenance, fragments)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        handleFree ? theirs.id : nil, theirs.uuid, reportID, theirs.layer, theirs.label, theirs.range.start,
        theirs.range.end, theirs.quote, JSONWriter.string(.object(theirs.attributes)), theirs.author, theirs.origin,
        theirs.status.rawValue, theirs.createdAt, theirs.updatedAt,
        theirs.provenance.isEmpty ? nil : JSONWriter.string(.array(theirs.provenance.map(JSONValue.string))),
        SpanFragment.storedText(theirs.fragments),
      ])
    outcome.annotationsAdded += 1
    return Int(db.lastInsertedRowID)
  }

  // MARK: Review work

  /// Review decisions by UUID, review state per report and layer (the later wins), and
  /// suggestion decisions per candidate (the later wins): each a maximum, so order is moot.
  func mergeReviewWork(from their: Database) throws {
    let decisions = try Row.fetchCursor(
      their,
      sql: """
        SELECT d.*, a.uuid AS annotationUUID FROM reviewDecisions d LEFT JOIN annotations a ON a.id = d.annotationId
        ORDER BY d.id
        """)
    while let row = try decisions.next() {
      let uuid: String = try row.checked("uuid", "a review decision of the other file")
      let what = "review decision \(uuid) of the other file"
      guard try !exists("reviewDecisions", uuid), let reportID = reportIDs[try row.checked("reportId", what)] else {
        continue
      }
      var annotationID: Int? = nil
      if let annotation: String = try row.checked("annotationUUID", what) {
        guard !leftOut.contains(annotation), let local = try handle(uuid: annotation) else { continue }
        annotationID = local
      }
      try execute(
        """
        INSERT INTO reviewDecisions (uuid, reportId, layer, start, "end", decision, annotationId, sources, comment,
          reviewer, decidedAt, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          uuid, reportID, try row.checked("layer", what) as String, try row.checked("start", what) as Int,
          try row.checked("end", what) as Int, try row.checked("decision", what) as String, annotationID,
          try row.checked("sources", what) as String, try row.checked("comment", what) as String?,
          try row.checked("reviewer", what) as String, try row.checked("decidedAt", what) as String,
          try row.checked("status", what) as String,
        ])
      outcome.reviewDecisionsAdded += 1
    }
    try mergeReviewStates(from: their)
    try mergeSuggestionDecisions(from: their)
  }

  private func mergeReviewStates(from their: Database) throws {
    let states = try Row.fetchCursor(their, sql: "SELECT * FROM reviewState")
    while let row = try states.next() {
      let what = "a review state of the other file"
      guard let reportID = reportIDs[try row.checked("reportId", what)] else { continue }
      try execute(
        """
        INSERT INTO reviewState (reportId, layer, state, units, updatedAt) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (reportId, layer) DO UPDATE SET
          state = excluded.state, units = excluded.units, updatedAt = excluded.updatedAt
        WHERE (excluded.updatedAt, excluded.units, excluded.state)
          > (reviewState.updatedAt, reviewState.units, reviewState.state)
        """,
        [
          reportID, try row.checked("layer", what) as String, try row.checked("state", what) as String,
          try row.checked("units", what) as Int, try row.checked("updatedAt", what) as String,
        ])
      outcome.reviewStatesTaken += db.changesCount
    }
  }

  private func mergeSuggestionDecisions(from their: Database) throws {
    let decisions = try Row.fetchCursor(their, sql: "SELECT * FROM suggestionDecisions")
    while let row = try decisions.next() {
      let what = "a suggestion decision of the other file"
      guard let reportID = reportIDs[try row.checked("reportId", what)] else { continue }
      try execute(
        """
        INSERT INTO suggestionDecisions (reportId, layer, label, start, "end", decision, origin, author, decidedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (reportId, layer, label, start, "end", author) DO UPDATE SET
          decision = excluded.decision, origin = excluded.origin, author = excluded.author,
          decidedAt = excluded.decidedAt
        WHERE (excluded.decidedAt, excluded.author, excluded.decision, excluded.origin)
          > (suggestionDecisions.decidedAt, suggestionDecisions.author, suggestionDecisions.decision,
            suggestionDecisions.origin)
        """,
        [
          reportID, try row.checked("layer", what) as String, try row.checked("label", what) as String,
          try row.checked("start", what) as Int, try row.checked("end", what) as Int,
          try row.checked("decision", what) as String, try row.checked("origin", what) as String,
          try row.checked("author", what) as String, try row.checked("decidedAt", what) as String,
        ])
      outcome.suggestionDecisionsTaken += db.changesCount
    }
  }

  // MARK: Events and their replay

  /// Appends the other file's events this log lacks, in their order, with report ids and
  /// `reverts` made local; a merge's own record stays in the file that made it.
  func appendEvents(from their: Database) throws {
    let events = try Row.fetchCursor(their, sql: "SELECT * FROM events ORDER BY id")
    while let row = try events.next() {
      let event = try ProjectStore.event(from: row)
      guard event.action != "merge", try !exists("events", event.uuid) else { continue }
      var reportID: Int? = nil
      if let theirs = event.reportID {
        guard let local = reportIDs[theirs] else { continue }
        reportID = local
      }
      if let entity = event.entityID, Self.replayedEntities.contains(event.entity) {
        guard !leftOut.contains(entity), try exists(Self.table(of: event.entity), entity) else { continue }
        touched.insert(TouchedEntity(entity: event.entity, uuid: entity))
      }
      try execute(
        """
        INSERT INTO events (uuid, at, author, action, entity, entityId, reportId, before, after, reverts, batch)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          event.uuid, event.at, event.author, event.action, event.entity, event.entityID, reportID, event.before,
          event.after, try event.reverts.flatMap { try localEvent(their: $0, in: their) }, event.batch,
        ])
      outcome.eventsAppended += 1
    }
  }

  /// Lists the commands of the events the merge appended, for undo.
  func noteCommands() throws {
    try ProjectStore.noteCommands(db, after: lastOwnEvent)
  }

  /// Decides again the fields of everything the other side's events touched, and records the
  /// fields both sides changed differently since they parted.
  func replayTouched(against their: Database) throws {
    for item in touched.sorted() {
      var fields: [String: FieldDecision] = [:]
      for entry in try EntityHistory(db, entity: item.entity, uuid: item.uuid).entries {
        let side: FieldDecision.Side =
          entry.id > lastOwnEvent ? .theirs : (try exists("events", entry.stamp.uuid, in: their) ? .common : .ours)
        for change in entry.changes {
          fields[change.field, default: FieldDecision()].add(change.value, at: entry.stamp, side: side)
        }
      }
      try apply(fields, to: item)
      for (field, decision) in fields.sorted(by: { $0.key < $1.key }) {
        if let conflict = decision.conflict { try record(conflict, field: field, on: item) }
      }
    }
  }

  /// Writes the winning value of each field, counting what moved.
  private func apply(_ fields: [String: FieldDecision], to item: TouchedEntity) throws {
    guard item.entity == "annotation" else {
      guard let status = fields["status"]?.winner?.value?.stringValue else { return }
      try execute(
        "UPDATE \(Self.table(of: item.entity)) SET status = ? WHERE uuid = ? AND status <> ?",
        [status, item.uuid, status])
      if db.changesCount > 0 { count(fields: 1) }
      return
    }
    guard var annotation = try ProjectStore.annotation(db: db, uuid: item.uuid) else { return }
    let before = annotation
    var moved = 0
    for (field, decision) in fields {
      guard let winner = decision.winner else { continue }
      switch field {
      case "label":
        if let label = winner.value?.stringValue, label != annotation.label {
          annotation.label = label
          moved += 1
        }
      case "status":
        if let status = winner.value?.stringValue.flatMap(Annotation.Status.init), status != annotation.status {
          annotation.status = status
          moved += 1
        }
      default:
        let key = String(field.dropFirst(FieldChange.attributePrefix.count))
        if annotation.attributes[key] != winner.value {
          annotation.attributes[key] = winner.value
          moved += 1
        }
      }
    }
    guard annotation != before else { return }
    try execute(
      "UPDATE annotations SET label = ?, attributes = ?, status = ? WHERE id = ?",
      [
        annotation.label, JSONWriter.string(.object(annotation.attributes)), annotation.status.rawValue, annotation.id,
      ])
    count(fields: moved)
  }

  private func count(fields: Int) {
    outcome.annotationsUpdated += 1
    outcome.fieldsUpdated += fields
  }

  /// Keeps a conflict for the lead: once per field and kept change, however often it is merged.
  private func record(_ conflict: FieldDecision.Conflict, field: String, on item: TouchedEntity) throws {
    let keptValue = conflict.kept.value.map { JSONWriter.string($0) }
    let otherValue = conflict.other.value.map { JSONWriter.string($0) }
    try execute(
      """
      INSERT INTO conflicts (entity, entityId, field, keptEvent, keptValue, keptAuthor, otherEvent, otherValue,
        otherAuthor, detectedAt)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (entityId, field, keptEvent) DO NOTHING
      """,
      [
        item.entity, item.uuid, field, conflict.kept.stamp.uuid, keptValue, conflict.kept.stamp.author,
        conflict.other.stamp.uuid, otherValue, conflict.other.stamp.author, Timestamp.now(),
      ])
    let id =
      try Int.fetchOne(
        db, sql: "SELECT id FROM conflicts WHERE entityId = ? AND field = ? AND keptEvent = ?",
        arguments: [item.uuid, field, conflict.kept.stamp.uuid]) ?? 0
    let handle = item.entity == "annotation" ? try handle(uuid: item.uuid) : nil
    outcome.conflicts.append(
      MergeConflict(
        id: id, entity: item.entity, entityUUID: item.uuid, handle: handle, field: field, keptValue: keptValue,
        keptAuthor: conflict.kept.stamp.author, otherValue: otherValue, otherAuthor: conflict.other.stamp.author))
  }

  /// Brings in the conflicts the other file recorded, and its resolutions: of two resolutions
  /// of one conflict, the earlier stands, on every machine.
  func mergeConflicts(from their: Database) throws {
    // A file from before version 3 has no conflicts to bring.
    guard try their.tableExists("conflicts") else { return }
    let conflicts = try Row.fetchCursor(their, sql: "SELECT * FROM conflicts ORDER BY id")
    while let row = try conflicts.next() {
      let what = "a conflict recorded in the other file"
      let entityID: String = try row.checked("entityId", what)
      guard !leftOut.contains(entityID) else { continue }
      try execute(
        """
        INSERT INTO conflicts (entity, entityId, field, keptEvent, keptValue, keptAuthor, otherEvent, otherValue,
          otherAuthor, detectedAt, resolvedBy, resolvedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (entityId, field, keptEvent) DO UPDATE SET
          resolvedBy = excluded.resolvedBy, resolvedAt = excluded.resolvedAt
        WHERE excluded.resolvedAt IS NOT NULL AND (conflicts.resolvedAt IS NULL
          OR (excluded.resolvedAt, excluded.resolvedBy) < (conflicts.resolvedAt, conflicts.resolvedBy))
        """,
        [
          try row.checked("entity", what) as String, entityID, try row.checked("field", what) as String,
          try row.checked("keptEvent", what) as String, try row.checked("keptValue", what) as String?,
          try row.checked("keptAuthor", what) as String, try row.checked("otherEvent", what) as String,
          try row.checked("otherValue", what) as String?, try row.checked("otherAuthor", what) as String,
          try row.checked("detectedAt", what) as String, try row.checked("resolvedBy", what) as String?,
          try row.checked("resolvedAt", what) as String?,
        ])
      outcome.conflictRecordsTaken += db.changesCount
    }
  }

  /// Notes the merge in this project's log, when it brought anything.
  func recordMerge(source: String) throws {
    guard outcome.changedAnything else { return }
    let o = outcome
    try ProjectStore.appendEvent(
      db,
      EventDraft(
        author: author, action: "merge", entity: "project", entityID: source,
        after: JSONWriter.string(
          .object([
            "source": .string(source), "reports": .int(o.reportsAdded), "annotations": .int(o.annotationsAdded),
            "updated": .int(o.annotationsUpdated), "fields": .int(o.fieldsUpdated),
            "conflicts": .int(o.conflicts.count),
            "events": .int(o.eventsAppended),
          ])), batch: UUID().uuidString.lowercased()))
  }

  // MARK: Lookups

  /// Runs a statement prepared once per merge: most run once per row of the other file.
  private func execute(_ sql: String, _ arguments: StatementArguments) throws {
    try db.cachedStatement(sql: sql).execute(arguments: arguments)
  }

  /// The table holding an entity whose fields events decide.
  static func table(of entity: String) -> String {
    switch entity {
    case "annotation": "annotations"
    case "link": "links"
    default: "reviewDecisions"
    }
  }

  /// Whether `table` (one of this file's own table names) holds a row with this UUID.
  private func exists(_ table: String, _ uuid: String, in database: Database? = nil) throws -> Bool {
    try Bool.fetchOne((database ?? db).cachedStatement(sql: "SELECT 1 FROM \(table) WHERE uuid = ?"), arguments: [uuid])
      ?? false
  }

  private func exists(handle: Int) throws -> Bool {
    try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM annotations WHERE id = ?"), arguments: [handle]) ?? false
  }

  private func handle(uuid: String) throws -> Int? {
    try Int.fetchOne(db.cachedStatement(sql: "SELECT id FROM annotations WHERE uuid = ?"), arguments: [uuid])
  }

  /// This log's id of the other file's event `id`, for an undo that points at it.
  private func localEvent(their id: Int, in their: Database) throws -> Int? {
    guard let uuid = try String.fetchOne(their, sql: "SELECT uuid FROM events WHERE id = ?", arguments: [id]) else {
      return nil
    }
    return try Int.fetchOne(db.cachedStatement(sql: "SELECT id FROM events WHERE uuid = ?"), arguments: [uuid])
  }
}
