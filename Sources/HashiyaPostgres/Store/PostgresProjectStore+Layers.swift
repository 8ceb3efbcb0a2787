import AnnotatorKit
import Foundation
import HashiyaModel

extension PostgresProjectStore {
  /// Records a layer schema, with an event; an identical one already there is left as it is.
  public func registerLayer(_ record: LayerRecord, author: String, onlyIfAbsent: Bool = false) throws {
    try write("register layer \(record.id)") { connection in
      try Self.register(connection, record, author: author, onlyIfAbsent: onlyIfAbsent)
    }
  }

  static func register(
    _ connection: PostgresConnection, _ record: LayerRecord, author: String, onlyIfAbsent: Bool = false
  ) throws {
    let existing = try connection.rows("SELECT * FROM plugins WHERE id = $1", [.text(record.id)]).first.map(
      PostgresRecords.layer)
    if let existing, onlyIfAbsent || existing == record { return }
    _ = try connection.execute(
      """
      INSERT INTO plugins (id, version, kind, schema, registeredAt) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (id) DO UPDATE SET version = excluded.version, kind = excluded.kind,
        schema = excluded.schema, registeredAt = excluded.registeredAt
      """,
      [.text(record.id), .text(record.version), .text(record.kind), .text(record.schemaJSON), .text(Timestamp.now())])
    try appendEvent(
      connection,
      EventDraft(
        author: author, action: existing == nil ? "register" : "reregister", entity: "layer", entityID: record.id,
        before: existing?.schemaJSON, after: record.schemaJSON, batch: UUID().uuidString.lowercased()))
  }

  /// Every layer schema the project holds.
  public func layerRecords() throws(StoreError) -> [LayerRecord] {
    try read("read layer schemas") { connection in
      try connection.rows("SELECT id, version, kind, schema FROM plugins ORDER BY id").map(PostgresRecords.layer)
    }
  }
}
