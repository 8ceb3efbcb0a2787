import GRDB

extension ProjectStore {
  /// Changes of at least this many rows leave the write-ahead log for their transaction.
  ///
  /// SQLite finds each page it reads in a transaction's log by probing one hash table per 4,096
  /// pages the transaction has written, so reading costs more the more a transaction writes: at 6
  /// million decisions, half way through an `accept all`, the probing was a quarter of its time,
  /// and its undo ran 1.8 times as long as with a rollback journal. Below this size the log is
  /// cheaper: its commit needs no sync, while leaving it and coming back each rewrite the header.
  static let journaledRows = 20_000

  /// Takes the file out of WAL mode for one large transaction, unless another connection has it
  /// open; whether it did.
  ///
  /// SQLite refuses the switch at once (no waiting) while anyone else has the file open, so
  /// sessions reading it go on reading; one that opens it during the change waits for its writes
  /// as it would wait for any writer (`busyTimeout`).
  func leaveLog() -> Bool {
    let mode = try? database.writeWithoutTransaction { db in
      try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
    }
    return mode == "delete"
  }

  /// Puts the file back in WAL mode after a large transaction, committed or rolled back.
  ///
  /// A session that opened the file meanwhile holds no lock between its statements, so this
  /// normally succeeds. Should it fail (that session is reading), the file stays in
  /// rollback-journal mode, which SQLite reads and writes as well, until the next session that
  /// opens it alone (`open`) or the next large change switches it back.
  func returnToLog() {
    _ = try? database.writeWithoutTransaction { db in
      try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }
  }
}
