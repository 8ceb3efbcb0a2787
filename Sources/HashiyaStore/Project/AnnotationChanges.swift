import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

/// The changes one command makes to annotations and links, inside one transaction.
///
/// Each change appends an event carrying the state before and after, all sharing the command's
/// batch id, so `undo` can revert the command as a whole. Valid only within `ProjectStore.change`.
public final class AnnotationChanges: AnnotationChanging, EventLogging {
  let db: Database
  /// The change's rules, shared with the server's handle.
  var ledger: ChangeLedger
  /// Whether the change has listed itself among the commands undo reads (`noteCommands`).
  private var commandNoted = false
  var author: String { ledger.author }
  var batch: String { ledger.batch }
  var now: String { ledger.now }

  init(db: Database, author: String, batch: String, now: String) {
    self.db = db
    self.ledger = ChangeLedger(author: author, batch: batch, now: now)
  }

  /// Records the schema of a layer this change writes to, in the same transaction: the file
  /// never holds a layer's annotations without its schema, nor a schema for a write that failed.
  public func register(_ record: LayerRecord) throws {
    try ProjectStore.register(db, record, author: author)
    // Registering logs an event of its own, past this change's clock.
    ledger.restartClock()
  }

  /// Adds an annotation and returns it with its new handle.
  @discardableResult
  public func add(_ new: NewAnnotation) throws -> Annotation {
    try ledger.checkQuotes(new) { reportID in
      try String.fetchOne(db.cachedStatement(sql: "SELECT text FROM reports WHERE id = ?"), arguments: [reportID])
    }
    let uuid = OrderedUUID.make()
    // Bound value by value: `accept all` adds thousands in one change.
    try BulkStatement(
      db,
      sql: """
        INSERT INTO annotations (uuid, reportId, layer, label, start, "end", quote, attributes, author, origin,
          status, createdAt, updatedAt, provenance, fragments)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)
        """
    ).run(
      .text(uuid), .int(new.reportID), .text(new.layer), .text(new.label), .int(new.range.start), .int(new.range.end),
      .text(new.quote), .text(JSONWriter.string(.object(new.attributes))), .text(author), .text(new.origin),
      .text(now), .text(now),
      BulkValue(new.provenance.isEmpty ? nil : JSONWriter.string(.array(new.provenance.map(JSONValue.string)))),
      BulkValue(SpanFragment.storedText(new.fragments)))
    // The row as written, without reading it back.
    let created = Annotation(
      id: Int(db.lastInsertedRowID), uuid: uuid, reportID: new.reportID, layer: new.layer, label: new.label,
      range: new.range, quote: new.quote, attributes: new.attributes, author: author, origin: new.origin,
      status: .active, createdAt: now, updatedAt: now, provenance: new.provenance, fragments: new.fragments)
    try record("create", created, before: nil, after: created)
    return created
  }

  /// Changes an active annotation's label and/or attributes.
  @discardableResult
  public func update(_ id: Int, label: String? = nil, attributes: JSONObject? = nil) throws -> Annotation {
    let before = try activeAnnotation(id)
    try checkMayChange(before)
    guard let after = ledger.edited(before, label: label, attributes: attributes) else { return before }
    try write(after)
    try record("update", after, before: before, after: after)
    return after
  }

  /// Deletes an annotation, leaving a tombstone, and deletes the links that touch it.
  @discardableResult
  public func delete(_ id: Int) throws -> Annotation {
    let before = try activeAnnotation(id)
    try checkMayChange(before)
    for link in try ProjectStore.links(db, touching: [id]) where link.status == .active {
      try unlink(link.id)
    }
    let after = ledger.deleted(before)
    try write(after)
    try record("delete", after, before: before, after: after)
    return after
  }

  /// Links two active annotations with a typed relation.
  @discardableResult
  public func link(_ type: String, from: Int, to: Int) throws -> AnnotationLink {
    let report = try activeReport(of: from)
    _ = try activeReport(of: to)
    let uuid = OrderedUUID.make()
    // Prepared once per change and not read back: `accept all` links thousands of candidates.
    try BulkStatement(
      db,
      sql: """
        INSERT INTO links (uuid, type, fromId, toId, author, status, createdAt)
        VALUES (?, ?, ?, ?, ?, 'active', ?)
        """
    ).run(.text(uuid), .text(type), .int(from), .int(to), .text(author), .text(now))
    let link = AnnotationLink(
      id: Int(db.lastInsertedRowID), uuid: uuid, type: type, fromID: from, toID: to, author: author, status: .active,
      createdAt: now)
    try appendEvent(
      action: "create", entity: "link", id: link.uuid, report: report, before: nil,
      after: EventSnapshot.of(link))
    return link
  }

  /// Removes a link, leaving a tombstone.
  public func unlink(_ id: Int) throws {
    let before = try ProjectStore.link(db, id: id)
    guard before.status == .active else { return }
    try db.execute(sql: "UPDATE links SET status = 'deleted' WHERE id = ?", arguments: [id])
    var after = before
    after.status = .deleted
    let report = try Int.fetchOne(db, sql: "SELECT reportId FROM annotations WHERE id = ?", arguments: [before.fromID])
    try appendEvent(
      action: "delete", entity: "link", id: before.uuid, report: report, before: EventSnapshot.of(before),
      after: EventSnapshot.of(after))
  }

  /// An annotation by handle, deleted or not.
  public func annotation(_ id: Int) throws -> Annotation {
    guard let found = try ProjectStore.annotation(db, id: id) else { throw StoreError.noSuchAnnotation(id: id) }
    return found
  }

  /// Refuses an annotator's change to someone else's annotation (see `ChangeLedger`).
  func checkMayChange(_ annotation: Annotation) throws {
    // The author is read before the ledger is: reading it inside would overlap the ledger's own change.
    let author = author
    try ledger.checkMayChange(annotation) { try ProjectStore.role(db, of: author) }
  }

  /// The report of an active annotation, read without the rest of its row.
  func activeReport(of id: Int) throws -> Int {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT reportId, status FROM annotations WHERE id = ?"), arguments: [id])
    else { throw StoreError.noSuchAnnotation(id: id) }
    let what = "annotation #\(id)"
    guard try row.checked(1, as: Annotation.Status.self, what) == .active else {
      throw StoreError.annotationDeleted(id: id)
    }
    return try row.checked(0, what)
  }

  func activeAnnotation(_ id: Int) throws -> Annotation {
    let found = try annotation(id)
    guard found.status == .active else { throw StoreError.annotationDeleted(id: id) }
    return found
  }

  func write(_ annotation: Annotation) throws {
    // Bound value by value: the undo of `accept all` writes thousands in one change.
    try BulkStatement(
      db, sql: "UPDATE annotations SET label = ?, attributes = ?, status = ?, updatedAt = ? WHERE id = ?"
    ).run(
      .text(annotation.label), .text(JSONWriter.string(.object(annotation.attributes))),
      .text(annotation.status.rawValue), .text(annotation.updatedAt), .int(annotation.id))
  }

  func record(_ action: String, _ annotation: Annotation, before: Annotation?, after: Annotation?) throws {
    try appendEvent(
      action: action, entity: "annotation", id: annotation.uuid, report: annotation.reportID,
      before: before.map(EventSnapshot.of), after: after.map(EventSnapshot.of))
  }

  package func appendEvent(
    action: String, entity: String, id: String, report: Int?, before: EventState?, after: EventState?,
    reverts: Int? = nil
  ) throws {
    let event = try ledger.event(
      action: action, entity: entity, id: id, report: report, before: before, after: after, reverts: reverts
    ) { try ProjectStore.nextEventTime(db) }
    try ProjectStore.appendEvent(db, event.draft, at: event.at)
    if !commandNoted, EventSnapshot.undoable.contains(entity) {
      // Listed from the event just logged, as a merge lists the events it brings.
      try ProjectStore.noteCommands(db, after: Int(db.lastInsertedRowID) - 1)
      commandNoted = true
    }
  }
}
