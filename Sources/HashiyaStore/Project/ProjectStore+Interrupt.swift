import HashiyaModel

extension ProjectStore {
  /// Stops the SQL statement running on this project, from any thread: it fails with SQLite's
  /// "interrupted" error and its transaction rolls back. Does nothing when no statement runs.
  ///
  /// Signal handling calls it so Ctrl-C also stops a long query or write that no loop of Hashiya's
  /// own could check in time.
  public func interrupt() {
    database.interrupt()
  }
}
