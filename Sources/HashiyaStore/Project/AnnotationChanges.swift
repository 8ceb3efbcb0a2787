import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

/// The changes one command makes to annotations and links, inside one transaction.
///
/// Each change appends an event carrying the state before and after, all sharing the command's
/// batch id, so `undo` can revert the command as a whole. Valid only within `ProjectStore.change`.
public final class AnnotationChanges: AnnotationChanging {
  let db: Database
  let author: String
  let batch: String
  let now: String
  /// The time of the last event this change logged: the next follows it without asking the log,
  /// since every event of a change is logged through it (`register` starts the clock again).
  private var lastEventTime: String?
  /// The author's role in the team, read once per change when first needed.
  private var authorRole: TeamMember.Role??

  init(db: Database, author: String, batch: String, now: String) {
    self.db = db
    self.author = author
    self.batch = batch
    self.now = now
  }

  /// Records the schema of a layer this change writes to, in the same transaction: the file
  /// never holds a layer's annotations without its schema, nor a schema for a write that failed.
  public func register(_ record: LayerRecord) throws {
    try ProjectStore.register(db, record, author: author)
    // Registering logs an event of its own, past this change's clock.
    lastEventTime = nil
  }

  /// The store's own check that a new annotation covers exactly its quote, whoever drafted it.
  private func checkQuotes(_ new: NewAnnotation) throws {
    if let problem = SpanFragment.problem(first: new.range, rest: new.fragments.map(\.range)) {
      throw AnnotationWriteError.badFragments(reportID: new.reportID, reason: problem)
    }
    try checkQuote(new.quote, at: new.range, of: new.reportID)
    for fragment in new.fragments { try checkQuote(fragment.quote, at: fragment.range, of: new.reportID) }
  }

  /// The characters (code points, the unit of Hashiya's offsets) of the report last written to.
  ///
  /// A bulk command adds its annotations report by report: each report's text is read once,
  /// where a per-span `substr` would walk the text from its start for every span.
  private var lastText: (reportID: Int, scalars: [Unicode.Scalar])?

  private func checkQuote(_ quote: String, at range: TextRange, of reportID: Int) throws {
    if lastText?.reportID != reportID {
      guard
        let text = try String.fetchOne(
          db.cachedStatement(sql: "SELECT text FROM reports WHERE id = ?"), arguments: [reportID])
      else { throw StoreError.noSuchReport(id: reportID) }
      lastText = (reportID, Array(text.unicodeScalars))
    }
    let scalars = lastText?.scalars ?? []
    guard range.fits(in: scalars.count), quote.unicodeScalars.elementsEqual(scalars[range.start..<range.end]) else {
      let shown = quote.count > 40 ? String(quote.prefix(40)) + "…" : quote
      throw AnnotationWriteError.quoteMismatch(reportID: reportID, range: range, quote: shown)
    }
  }

  /// Adds an annotation and returns it with its new handle.
  @discardableResult
  public func add(_ new: NewAnnotation) throws -> Annotation {
    try checkQuotes(new)
    let uuid = OrderedUUID.make()
    // Bound value by value: `accept all` adds thousands in one change.
    try BulkInsert(
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
    var after = before
    if let label { after.label = label }
    if let attributes { after.attributes = attributes }
    guard after != before else { return before }
    after.updatedAt = now
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
    var after = before
    after.status = .deleted
    after.updatedAt = now
    try write(after)
    try record("delete", after, before: before, after: after)
    return after
  }

  /// Links two active annotations with a typed relation.
  @discardableResult
  public func link(_ type: String, from: Int, to: Int) throws -> AnnotationLink {
    let source = try activeAnnotation(from)
    _ = try activeAnnotation(to)
    try db.execute(
      sql: """
        INSERT INTO links (uuid, type, fromId, toId, author, status, createdAt)
        VALUES (?, ?, ?, ?, ?, 'active', ?)
        """,
      arguments: [OrderedUUID.make(), type, from, to, author, now])
    let link = try ProjectStore.link(db, id: Int(db.lastInsertedRowID))
    try appendEvent(
      action: "create", entity: "link", id: link.uuid, report: source.reportID, before: nil,
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

  /// Refuses an annotator's change to someone else's annotation, whatever front end asked: it
  /// would still count as the other's work in agreement. Leads may (the event names the lead),
  /// and so may anyone on a project without a team.
  func checkMayChange(_ annotation: Annotation) throws {
    guard MemberName.fold(annotation.author) != MemberName.fold(author) else { return }
    if authorRole == nil { authorRole = .some(try ProjectStore.role(db, of: author)) }
    guard let role = authorRole ?? nil, role == .annotator else { return }
    throw AnnotationWriteError.notYours(id: annotation.id, owner: annotation.author, user: author)
  }

  func activeAnnotation(_ id: Int) throws -> Annotation {
    let found = try annotation(id)
    guard found.status == .active else { throw StoreError.annotationDeleted(id: id) }
    return found
  }

  func write(_ annotation: Annotation) throws {
    try db.cachedStatement(
      sql: "UPDATE annotations SET label = ?, attributes = ?, status = ?, updatedAt = ? WHERE id = ?"
    ).execute(
      arguments: [
        annotation.label, JSONWriter.string(.object(annotation.attributes)), annotation.status.rawValue,
        annotation.updatedAt, annotation.id,
      ])
  }

  func record(_ action: String, _ annotation: Annotation, before: Annotation?, after: Annotation?) throws {
    try appendEvent(
      action: action, entity: "annotation", id: annotation.uuid, report: annotation.reportID,
      before: before.map(EventSnapshot.of), after: after.map(EventSnapshot.of))
  }

  func appendEvent(
    action: String, entity: String, id: String, report: Int?, before: JSONValue?, after: JSONValue?,
    reverts: Int? = nil
  ) throws {
    let at = try lastEventTime.map { Timestamp.now(after: $0) } ?? ProjectStore.nextEventTime(db)
    try ProjectStore.appendEvent(
      db,
      EventDraft(
        author: author, action: action, entity: entity, entityID: id, reportID: report,
        before: before.map { JSONWriter.string($0) }, after: after.map { JSONWriter.string($0) }, reverts: reverts,
        batch: batch), at: at)
    lastEventTime = at
  }
}
