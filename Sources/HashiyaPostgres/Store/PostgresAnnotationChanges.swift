import AnnotatorKit
import HashiyaModel

/// The changes one command makes on the server, inside one transaction: each write is checked
/// and logged with the command's batch, as on a file. Valid only within `PostgresProjectStore.change`.
final class PostgresAnnotationChanges: AnnotationChanging, EventLogging {
  let connection: PostgresConnection
  /// The change's rules, shared with the file's handle.
  var ledger: ChangeLedger
  var author: String { ledger.author }
  var now: String { ledger.now }
  /// What this change did, announced to teammates when it commits.
  var activity: PostgresActivity
  /// Whether the command is in its author's list yet: it is, from its first undoable event on.
  private var listed = false

  init(connection: PostgresConnection, author: String, batch: String, now: String) {
    self.connection = connection
    self.ledger = ChangeLedger(author: author, batch: batch, now: now)
    activity = PostgresActivity(author: author)
  }

  func register(_ record: LayerRecord) throws {
    try PostgresProjectStore.register(connection, record, author: author)
    ledger.restartClock()
  }

  @discardableResult
  func add(_ new: NewAnnotation) throws -> Annotation {
    try ledger.checkQuotes(new) { reportID in
      try connection.rows("SELECT text FROM reports WHERE id = $1", [.int(reportID)]).first?.text(
        0, "report #\(reportID)")
    }
    let uuid = OrderedUUID.make()
    let inserted = try connection.rows(
      """
      INSERT INTO annotations (uuid, reportId, layer, label, start, "end", quote, attributes, author, origin,
        status, createdAt, updatedAt, provenance, fragments)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'active', $11, $11, $12, $13) RETURNING id
      """,
      [
        .text(uuid), .int(new.reportID), .text(new.layer), .text(new.label), .int(new.range.start),
        .int(new.range.end), .text(new.quote), .text(JSONWriter.string(.object(new.attributes))), .text(author),
        .text(new.origin), .text(now),
        .optional(new.provenance.isEmpty ? nil : JSONWriter.string(.array(new.provenance.map(JSONValue.string)))),
        .optional(SpanFragment.storedText(new.fragments)),
      ])
    guard let id = try inserted.first?.int(0, "a new annotation") else {
      throw StoreError.database(operation: "add an annotation", message: "the server returned no handle")
    }
    let created = Annotation(
      id: id, uuid: uuid, reportID: new.reportID, layer: new.layer, label: new.label, range: new.range,
      quote: new.quote, attributes: new.attributes, author: author, origin: new.origin, status: .active,
      createdAt: now, updatedAt: now, provenance: new.provenance, fragments: new.fragments)
    try record("create", created, before: nil, after: created)
    return created
  }

  @discardableResult
  func update(_ id: Int, label: String? = nil, attributes: JSONObject? = nil) throws -> Annotation {
    let before = try activeAnnotation(id)
    try checkMayChange(before)
    guard let after = ledger.edited(before, label: label, attributes: attributes) else { return before }
    try write(after)
    try record("update", after, before: before, after: after)
    return after
  }

  @discardableResult
  func delete(_ id: Int) throws -> Annotation {
    let before = try activeAnnotation(id)
    try checkMayChange(before)
    for link in try PostgresProjectStore.links(connection, touching: [id]) where link.status == .active {
      try unlink(link.id)
    }
    let after = ledger.deleted(before)
    try write(after)
    try record("delete", after, before: before, after: after)
    return after
  }

  @discardableResult
  func link(_ type: String, from: Int, to: Int) throws -> AnnotationLink {
    let source = try activeAnnotation(from)
    _ = try activeAnnotation(to)
    let inserted = try connection.rows(
      """
      INSERT INTO links (uuid, type, fromId, toId, author, status, createdAt)
      VALUES ($1, $2, $3, $4, $5, 'active', $6) RETURNING *
      """, [.text(OrderedUUID.make()), .text(type), .int(from), .int(to), .text(author), .text(now)])
    guard let row = inserted.first else {
      throw StoreError.database(operation: "link annotations", message: "the server returned no link")
    }
    let link = try PostgresRecords.link(row)
    try appendEvent(
      action: "create", entity: "link", id: link.uuid, report: source.reportID, before: nil,
      after: EventSnapshot.of(link))
    return link
  }

  func unlink(_ id: Int) throws {
    let before = try PostgresProjectStore.link(connection, id: id)
    guard before.status == .active else { return }
    _ = try connection.execute("UPDATE links SET status = 'deleted' WHERE id = $1", [.int(id)])
    var after = before
    after.status = .deleted
    let report = try connection.int("SELECT reportId FROM annotations WHERE id = $1", [.int(before.fromID)])
    try appendEvent(
      action: "delete", entity: "link", id: before.uuid, report: report, before: EventSnapshot.of(before),
      after: EventSnapshot.of(after))
  }

  /// An annotation as the change sees it, its row locked until the change commits: what a
  /// command reads to compute its edit stays as read until the edit is written.
  ///
  /// Row-level security lets a member lock only rows they may change: a teammate's annotation
  /// they can see is read unlocked, so the change is refused as someone else's, by name.
  func annotation(_ id: Int) throws -> Annotation {
    if let locked = try connection.rows("SELECT * FROM annotations WHERE id = $1 FOR UPDATE", [.int(id)]).first {
      return try PostgresRecords.annotation(locked)
    }
    guard let visible = try PostgresProjectStore.annotation(connection, id: id) else {
      throw StoreError.noSuchAnnotation(id: id)
    }
    return visible
  }

  /// Refuses an annotator's change to someone else's annotation (see `ChangeLedger`).
  func checkMayChange(_ annotation: Annotation) throws {
    // The author is read before the ledger is: reading it inside would overlap the ledger's own change.
    let author = author
    try ledger.checkMayChange(annotation) {
      let role = try connection.rows(
        "SELECT role FROM team WHERE folded = $1 AND status = 'active'", [.text(MemberName.fold(author))]
      ).first?.optionalText(0)
      return role.flatMap(TeamMember.Role.init(rawValue:))
    }
  }

  /// An active annotation, locked like `annotation(_:)`: a teammate's edit of the same
  /// annotation waits for this one and then sees it, so neither overwrites the other unseen.
  func activeAnnotation(_ id: Int) throws -> Annotation {
    let found = try annotation(id)
    guard found.status == .active else { throw StoreError.annotationDeleted(id: id) }
    return found
  }

  func write(_ annotation: Annotation) throws {
    _ = try connection.execute(
      "UPDATE annotations SET label = $1, attributes = $2, status = $3, updatedAt = $4 WHERE id = $5",
      [
        .text(annotation.label), .text(JSONWriter.string(.object(annotation.attributes))),
        .text(annotation.status.rawValue), .text(annotation.updatedAt), .int(annotation.id),
      ])
  }

  func record(_ action: String, _ annotation: Annotation, before: Annotation?, after: Annotation?) throws {
    activity.count(action, report: annotation.reportID)
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
    ) { try PostgresProjectStore.nextEventTime(connection) }
    try PostgresProjectStore.appendEvent(connection, event.draft, at: event.at)
    if !listed, EventSnapshot.undoable.contains(entity) {
      _ = try connection.execute("SELECT hashiya_note_command($1)", [.text(event.draft.batch)])
      listed = true
    }
  }
}
