import GRDB

@testable import HashiyaModel
@testable import HashiyaStore

/// A project file as an older build left it: Hashiya's, with its schema migrated only up to
/// one version, for tests of upgrading and of merging a teammate's older file.
enum OlderProjectFile {
  /// Creates the file at `path` (in WAL mode when `wal`) and returns its open connection.
  static func make(at path: String, upTo migration: String, wal: Bool = false) throws -> DatabaseQueue {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
      if wal { try db.execute(sql: "PRAGMA journal_mode = WAL") }
      try db.execute(sql: "PRAGMA application_id = \(ProjectSchema.applicationID)")
    }
    try ProjectSchema.migrator.migrate(queue, upTo: migration)
    return queue
  }

  /// Takes out of a current file what version 12 added, the list of commands undo reads, as a
  /// test of an upgrade from an earlier version must before it takes out what that version lacked.
  static func removeCommandList(_ db: Database) throws {
    try db.execute(sql: "DROP TABLE commands; DELETE FROM grdb_migrations WHERE identifier = 'v12'")
  }

  /// Writes report 1 (`uid` "old") with `text` as a build of that version would have: the
  /// columns every version since the first has, nothing later.
  static func insertReport(_ db: Database, text: String = "نصٌّ قديم") throws {
    try db.execute(
      sql: """
        INSERT INTO reports (id, uid, title, titleFolded, language, text, sha256, length, importedAt, importedBy)
        VALUES (1, 'old', 'قديم', 'قديم', 'ar', ?, 'digest-old', ?, '2026-01-01T00:00:00.000Z', 'amal')
        """, arguments: [text, text.unicodeScalars.count])
  }
}
