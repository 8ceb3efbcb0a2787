import GRDB

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
}
