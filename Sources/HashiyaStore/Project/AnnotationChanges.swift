import AnnotatorKit
import Foundation
import GRDB

/// The changes one command makes to annotations and links, inside one transaction.
///
/// Each change appends an event carrying the state before and after, all sharing the command's
/// batch id, so `undo` can revert the command as a whole. Valid only within `ProjectStore.change`.
public final class AnnotationChanges {
  let db: Database
  let author: String
  let batch: String
  let now: String
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
  }

  /// The store's own check that a new annotation covers exactly its quote, whoever drafted it.
  ///
  /// SQLite's `substr` and `length` count characters (code points) in text, the unit of Hashiya's
  /// offsets, so the report text is compared where it lies, without being read out.
  private func checkQuotes(_ new: NewAnnotation) throws {
    if let problem = SpanFragment.problem(first: new.range, rest: new.fragments.map(\.range)) {
      throw AnnotationWriteError.badFragments(reportID: new.reportID, reason: problem)
    }
    try checkQuote(new.quote, at: new.range, of: new.reportID)
    for fragment in new.fragments { try checkQuote(fragment.quote, at: fragment.range, of: new.reportID) }
  }

  private func checkQuote(_ quote: String, at range: TextRange, of reportID: Int) throws {
    let start = range.start
    let end = range.end
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT length(text), substr(text, ? + 1, ? - ?) FROM reports WHERE id = ?"),
        arguments: [start, end, start, reportID])
    else { throw StoreError.noSuchReport(id: reportID) }
    let length: Int = try row.checked(0, "report #\(reportID)")
    let covered: String? = range.fits(in: length) ? try row.checked(1, "report #\(reportID)") : nil
    guard covered == quote else {
      let shown = quote.count > 40 ? String(quote.prefix(40)) + "…" : quote
      throw AnnotationWriteError.quoteMismatch(reportID: reportID, range: range, quote: shown)
    }
  }

  /// Adds an annotation and returns it with its new handle.
  @discardableResult
  public func add(_ new: NewAnnotation) throws -> Annotation {
    try checkQuotes(new)
    // Prepared once per connection: `accept all` adds thousands in one change.
    try db.cachedStatement(
      sql: """
        INSERT INTO annotations (uuid, reportId, layer, label, start, "end", quote, attributes, author, origin,
          status, createdAt, updatedAt, provenance, fragments)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)
        """
    ).execute(
      arguments: [
        UUID().uuidString.lowercased(), new.reportID, new.layer, new.label, new.range.start, new.range.end, new.quote,
        JSONWriter.string(.object(new.attributes)), author, new.origin, now, now,
        new.provenance.isEmpty ? nil : JSONWriter.string(.array(new.provenance.map(JSONValue.string))),
        SpanFragment.storedText(new.fragments),
      ])
    let created = try annotation(Int(db.lastInsertedRowID))
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
      arguments: [UUID().uuidString.lowercased(), type, from, to, author, now])
    let link = try ProjectStore.link(db, id: Int(db.lastInsertedRowID))
    try appendEvent(
      action: "create", entity: "link", id: link.uuid, report: source.reportID, before: nil,
      after: ProjectStore.snapshot(link))
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
      action: "delete", entity: "link", id: before.uuid, report: report, before: ProjectStore.snapshot(before),
      after: ProjectStore.snapshot(after))
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
      before: before.map(ProjectStore.snapshot), after: after.map(ProjectStore.snapshot))
  }

  func appendEvent(
    action: String, entity: String, id: String, report: Int?, before: JSONValue?, after: JSONValue?,
    reverts: Int? = nil
  ) throws {
    try ProjectStore.appendEvent(
      db,
      EventDraft(
        author: author, action: action, entity: entity, entityID: id, reportID: report,
        before: before.map { JSONWriter.string($0) }, after: after.map { JSONWriter.string($0) }, reverts: reverts,
        batch: batch))
  }
}
