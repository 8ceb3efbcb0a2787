import Foundation
import GRDB

/// The parts of an event its writer chooses; id, uuid and time are filled in on append.
struct EventDraft {
  var author: String
  var action: String
  var entity: String
  var entityID: String? = nil
  var reportID: Int? = nil
  var before: String? = nil
  var after: String? = nil
  var reverts: Int? = nil
}

extension ProjectStore {
  /// Appends an event inside the caller's transaction, so the change and its record commit together.
  func appendEvent(_ db: Database, _ draft: EventDraft) throws {
    try db.execute(
      sql: """
        INSERT INTO events (uuid, at, author, action, entity, entityId, reportId, before, after, reverts)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        UUID().uuidString.lowercased(), Timestamp.now(), draft.author, draft.action, draft.entity,
        draft.entityID, draft.reportID, draft.before, draft.after, draft.reverts,
      ])
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
          sql += " AND entityId = ?"
          arguments += [entityID]
        }
      }
      sql += " ORDER BY id"
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
        ProjectEvent(
          id: row["id"], uuid: row["uuid"], at: row["at"], author: row["author"],
          action: row["action"], entity: row["entity"], entityID: row["entityId"],
          reportID: row["reportId"], before: row["before"], after: row["after"],
          reverts: row["reverts"])
      }
    }
  }
}
