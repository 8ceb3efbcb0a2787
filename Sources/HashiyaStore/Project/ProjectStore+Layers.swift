import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

extension ProjectStore {
  /// Records the schema a layer is written under; a new or changed schema is an event.
  ///
  /// With `onlyIfAbsent`, a layer the project already knows keeps its schema (an import must not
  /// replace the schema a loaded plugin recorded).
  public func registerLayer(_ record: LayerRecord, author: String, onlyIfAbsent: Bool = false) throws {
    try write("record the schema of \(record.id)") { db in
      try Self.register(db, record, author: author, onlyIfAbsent: onlyIfAbsent)
    }
  }

  /// Records or updates a layer schema inside the caller's transaction, with its event.
  static func register(_ db: Database, _ record: LayerRecord, author: String, onlyIfAbsent: Bool = false) throws {
    let existing = try Row.fetchOne(
      db, sql: "SELECT version, kind, schema FROM plugins WHERE id = ?", arguments: [record.id])
    let before: String? = try existing.map { try $0.checked("schema", "layer \(record.id)") }
    if let existing,
      onlyIfAbsent
        || (existing["version"] as DatabaseValue == record.version.databaseValue
          && existing["schema"] as DatabaseValue == record.schemaJSON.databaseValue
          && existing["kind"] as DatabaseValue == record.kind.databaseValue)
    {
      return
    }
    try db.execute(
      sql: """
        INSERT INTO plugins (id, version, kind, schema, registeredAt) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET version = excluded.version, kind = excluded.kind,
          schema = excluded.schema, registeredAt = excluded.registeredAt
        """,
      arguments: [record.id, record.version, record.kind, record.schemaJSON, Timestamp.now()])
    try appendEvent(
      db,
      EventDraft(
        author: author, action: existing == nil ? "register" : "reregister", entity: "layer", entityID: record.id,
        before: before, after: record.schemaJSON, batch: UUID().uuidString.lowercased()))
  }

  /// Every layer schema the project file carries.
  public func layerRecords() throws(StoreError) -> [LayerRecord] {
    try read("read layer schemas") { db in
      try Row.fetchAll(db, sql: "SELECT * FROM plugins ORDER BY id").map { row throws(StoreError) in
        let id: String = try row.checked("id", "a layer")
        let what = "layer \(id)"
        return LayerRecord(
          id: id, version: try row.checked("version", what), kind: try row.checked("kind", what),
          schemaJSON: try row.checked("schema", what))
      }
    }
  }
}
