import AnnotatorKit
import GRDB
import HashiyaModel

/// The events about one annotation, link or review decision, each with the fields it set.
struct EntityHistory {
  struct Entry {
    var id: Int
    var stamp: EventStamp
    var changes: [FieldChange]
  }

  var entries: [Entry]

  init(_ db: Database, entity: String, uuid: String) throws {
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT id, uuid, at, author, before, after FROM events
          WHERE entity = ? AND entityId = ? AND \(ProjectSchema.keyedEntities)
          """),
      arguments: [entity, uuid])
    entries = try rows.map { row in
      let id: Int = try row.checked("id", "an event")
      let stamp = EventStamp(
        at: try row.checked("at", "event \(id)"), author: try row.checked("author", "event \(id)"),
        uuid: try row.checked("uuid", "event \(id)"))
      let changes = FieldChange.changes(
        entity: entity, before: try Self.state(row, "before", stamp), after: try Self.state(row, "after", stamp))
      return Entry(id: id, stamp: stamp, changes: changes)
    }
  }

  /// The latest change of `field`, which decides its value.
  func latest(_ field: String) -> EventStamp? {
    entries.filter { $0.changes.contains { $0.field == field } }.map(\.stamp).max()
  }

  /// An event's recorded state, parsed.
  private static func state(_ row: Row, _ column: String, _ stamp: EventStamp) throws -> JSONValue? {
    guard let text: String = try row.checked(column, "event \(stamp.uuid)") else { return nil }
    do {
      return try JSONParser.parse(text)
    } catch {
      throw StoreError.damaged(what: "event \(stamp.uuid)", reason: "its \(column) state is not JSON: \(error)")
    }
  }
}
