import Foundation
import GRDB
import HashiyaModel

extension ProjectStore {
  /// The time of a change made now: later than every event in the log, so the order of times
  /// is the order in which changes saw each other, on this machine and after any merge.
  static func nextEventTime(_ db: Database) throws -> String {
    Timestamp.now(after: try String.fetchOne(db.cachedStatement(sql: "SELECT max(at) FROM events")))
  }

  /// Appends an event inside the caller's transaction, so the change and its record commit together;
  /// `at` is its time when the caller keeps the clock, or the next after the log's latest.
  static func appendEvent(_ db: Database, _ draft: EventDraft, at: String? = nil) throws {
    try BulkStatement(
      db,
      sql: """
        INSERT INTO events (uuid, at, author, action, entity, entityId, reportId, before, after, reverts, batch)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    ).run(
      .text(OrderedUUID.make()), .text(try at ?? nextEventTime(db)), .text(draft.author), .text(draft.action),
      .text(draft.entity), BulkValue(draft.entityID), BulkValue(draft.reportID), BulkValue(draft.before),
      BulkValue(draft.after), BulkValue(draft.reverts), .text(draft.batch))
  }

  /// Every event about an annotation and the links that touch it, oldest first: in the order
  /// that decides its state (time, then author, then event id), the same after any merge.
  public func history(ofAnnotation id: Int) throws(StoreError) -> [ProjectEvent] {
    let annotation = try annotation(id: id)
    return try read("read history of #\(id)") { db in
      let linkUUIDs = try Self.links(db, touching: [id]).map(\.uuid)
      let ids = [annotation.uuid] + linkUUIDs
      let marks = Array(repeating: "?", count: ids.count).joined(separator: ",")
      // Bulk imports record one event per report listing the annotations' UUIDs.
      return try Row.fetchAll(
        db,
        sql: """
          SELECT * FROM events
          WHERE (entity IN ('annotation', 'link') AND entityId IN (\(marks)) AND \(ProjectSchema.keyedEntities))
            OR (reportId = ? AND entity = 'annotations' AND instr(after, ?) > 0)
          ORDER BY at, author, uuid
          """, arguments: StatementArguments(ids) + [annotation.reportID, annotation.uuid]
      ).map(Self.event(from:))
    }
  }

  /// The most recent events, newest last; `author` narrows to one user.
  public func recentEvents(limit: Int, author: String? = nil) throws(StoreError) -> [ProjectEvent] {
    try read("read the event log") { db in
      let filter = author == nil ? "" : "WHERE author = ?"
      let arguments: StatementArguments = author.map { [$0, limit] } ?? [limit]
      return try Row.fetchAll(
        db, sql: "SELECT * FROM (SELECT * FROM events \(filter) ORDER BY id DESC LIMIT ?) ORDER BY id",
        arguments: arguments
      ).map(Self.event(from:))
    }
  }

  /// The log, oldest first; optionally only the events about one entity.
  public func events(entity: String? = nil, entityID: String? = nil) throws(StoreError) -> [ProjectEvent] {
    try read("read the event log") { db in
      var sql = "SELECT * FROM events"
      var arguments = StatementArguments()
      if let entity {
        sql += " WHERE entity = ?"
        arguments += [entity]
        if let entityID {
          // A suggestion's events are not in the entity index: they are found by a scan.
          sql += entity == "suggestion" ? " AND entityId = ?" : " AND entityId = ? AND \(ProjectSchema.keyedEntities)"
          arguments += [entityID]
        }
      }
      sql += " ORDER BY id"
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.event(from:))
    }
  }
}
