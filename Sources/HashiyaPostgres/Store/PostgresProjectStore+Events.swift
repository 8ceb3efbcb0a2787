import AnnotatorKit
import HashiyaModel

extension PostgresProjectStore {
  /// The time of a change made now: later than every event in the log, including those a blind
  /// annotator may not read, so the order of times is the order in which changes saw each other.
  static func nextEventTime(_ connection: PostgresConnection) throws -> String {
    Timestamp.now(after: try connection.rows("SELECT hashiya_last_event_time()").first?.optionalText(0))
  }

  /// Appends an event inside the caller's transaction; `at` is its time when the caller keeps the clock.
  static func appendEvent(_ connection: PostgresConnection, _ draft: EventDraft, at: String? = nil) throws {
    _ = try connection.execute(
      """
      INSERT INTO events (uuid, at, author, action, entity, entityId, reportId, before, after, reverts, batch)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      """,
      [
        .text(OrderedUUID.make()), .text(try at ?? nextEventTime(connection)), .text(draft.author),
        .text(draft.action), .text(draft.entity), .optional(draft.entityID), .optional(draft.reportID),
        .optional(draft.before), .optional(draft.after), .optional(draft.reverts), .text(draft.batch),
      ])
  }

  /// Every event about an annotation and the links that touch it, in the order that decides its state.
  public func history(ofAnnotation id: Int) throws(StoreError) -> [ProjectEvent] {
    let found = try annotation(id: id)
    return try read("read history of #\(id)") { connection in
      let linkUUIDs = try Self.links(connection, touching: [id]).map(\.uuid)
      return try connection.rows(
        Self.historyQuery, [.texts([found.uuid] + linkUUIDs), .int(found.reportID), .text(found.uuid)]
      ).map(PostgresRecords.event)
    }
  }

  /// The events of annotations and links by UUID, and the imports of their report that list
  /// them: naming the entities lets the server search `events_by_entity` (on the entity first)
  /// rather than read the whole log.
  static let historyQuery = """
    SELECT * FROM events WHERE (entity IN ('annotation', 'link') AND entityId = ANY($1::text[]))
      OR (reportId = $2 AND entity = 'annotations' AND strpos(after, $3) > 0)
    ORDER BY at, author, uuid
    """

  /// The most recent events, newest last; `author` narrows to one user.
  public func recentEvents(limit: Int, author: String? = nil) throws(StoreError) -> [ProjectEvent] {
    try read("read the event log") { connection in
      try connection.rows(
        """
        SELECT * FROM (SELECT * FROM events WHERE $1::text IS NULL OR author = $1 ORDER BY id DESC LIMIT $2) AS e
        ORDER BY id
        """, [.optional(author), .int(limit)]
      ).map(PostgresRecords.event)
    }
  }

  /// The log, oldest first; optionally only the events about one entity.
  public func events(entity: String? = nil, entityID: String? = nil) throws(StoreError) -> [ProjectEvent] {
    try read("read the event log") { connection in
      try connection.rows(
        """
        SELECT * FROM events WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entityId = $2)
        ORDER BY id
        """, [.optional(entity), .optional(entity == nil ? nil : entityID)]
      ).map(PostgresRecords.event)
    }
  }
}
