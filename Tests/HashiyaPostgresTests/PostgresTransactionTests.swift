import AnnotatorTesting
import Foundation
import HashiyaPostgres
import Testing

/// Transactions roll back on error and rerun on serialization failures and deadlocks; advisory locks exclude.
@Suite(.enabled(if: PostgresCluster.isAvailable))
struct PostgresTransactionTests {
  /// A failure thrown by a test's own code inside a transaction.
  struct Abandon: Error {}

  @Test func aThrowingBodyRollsEverythingBack() throws {
    let connection = try PostgresTestDatabase().connect()
    try connection.execute("CREATE TABLE spans (id int PRIMARY KEY, label text)")
    #expect(throws: Abandon.self) {
      try connection.transaction {
        try connection.execute("INSERT INTO spans VALUES (1, $1)", ["قالَ"])
        throw Abandon()
      }
    }
    #expect(throws: PostgresError.self) {
      try connection.transaction {
        try connection.execute("INSERT INTO spans VALUES (2, 'kept?')")
        try connection.execute("INSERT INTO spans VALUES (2, 'duplicate')")
      }
    }
    #expect(try connection.execute("SELECT count(*) FROM spans")[0, 0] == "0")
    let committed = try connection.transaction {
      try connection.execute("INSERT INTO spans VALUES (3, '👩🏽‍💻')").rowsAffected
    }
    #expect(committed == 1)
    #expect(try connection.execute("SELECT label FROM spans")[0, 0] == "👩🏽‍💻")
  }

  @Test func aCaughtStatementErrorStillFailsTheTransaction() throws {
    let connection = try PostgresTestDatabase().connect()
    try connection.execute("CREATE TABLE spans (id int PRIMARY KEY)")
    #expect(throws: PostgresError.transactionAborted) {
      try connection.transaction {
        try connection.execute("INSERT INTO spans VALUES (1)")
        _ = try? connection.execute("INSERT INTO spans VALUES (1)")
      }
    }
    #expect(try connection.execute("SELECT count(*) FROM spans")[0, 0] == "0")
  }

  @Test func aNestedTransactionIsRefused() throws {
    let connection = try PostgresTestDatabase().connect()
    #expect(throws: PostgresError.transactionAlreadyOpen) {
      try connection.transaction { try connection.transaction {} }
    }
    #expect(try connection.execute("SELECT 1")[0, 0] == "1")
  }

  @Test func aSerializationFailureRunsTheBodyAgain() throws {
    let database = try PostgresTestDatabase()
    let writer = try database.connect()
    let rival = try database.connect()
    try database.createCounters(on: writer)
    var attempts = 0
    let final = try writer.transaction(isolation: .serializable) {
      attempts += 1
      _ = try writer.execute("SELECT value FROM counters WHERE id = 1")
      // Only during the first attempt another session commits a change to the row this one read,
      // so the update below must fail with 40001 once and pass when run again.
      if attempts == 1 { try rival.execute("UPDATE counters SET value = value + 1 WHERE id = 1") }
      return try writer.execute("UPDATE counters SET value = value + 10 WHERE id = 1 RETURNING value").int(0, 0)
    }
    #expect(attempts == 2)
    #expect(final == 11)
  }

  @Test func aSerializationFailureIsNotRetriedPastTheLimit() throws {
    let database = try PostgresTestDatabase()
    let writer = try database.connect()
    let rival = try database.connect()
    try database.createCounters(on: writer)
    var attempts = 0
    let error = try #require(throws: PostgresError.self) {
      try writer.transaction(isolation: .repeatableRead, attempts: 2) {
        attempts += 1
        _ = try writer.execute("SELECT value FROM counters WHERE id = 1")
        try rival.execute("UPDATE counters SET value = value + 1 WHERE id = 1")
        try writer.execute("UPDATE counters SET value = value + 10 WHERE id = 1")
      }
    }
    #expect(attempts == 2)
    #expect(error.sqlState == PostgresSQLState.serializationFailure)
    #expect(error.isTransient)
    #expect(try writer.execute("SELECT value FROM counters")[0, 0] == "2")
  }

  @Test func aDeadlockVictimRunsTheBodyAgain() throws {
    let database = try PostgresTestDatabase()
    let writer = try database.connect()
    let rival = try database.connect()
    let observer = try database.connect()
    try writer.execute("CREATE TABLE pair (id int PRIMARY KEY, value int)")
    try writer.execute("INSERT INTO pair VALUES (1, 0), (2, 0)")
    // The writer looks for the deadlock long before the rival does, so the writer is the victim.
    try writer.execute("SET deadlock_timeout = '100ms'")
    try rival.execute("SET deadlock_timeout = '30s'")
    let rivalPID = try #require(try rival.execute("SELECT pg_backend_pid()").int(0, 0))
    try rival.execute("BEGIN")
    try rival.execute("UPDATE pair SET value = value + 10 WHERE id = 2")
    let rivalDone = DispatchSemaphore(value: 0)
    let failures = FailureLog()
    var attempts = 0
    try writer.transaction(isolation: .serializable) {
      attempts += 1
      if attempts > 1 {
        _ = rivalDone.wait(timeout: .now() + 30)
      }
      try writer.execute("UPDATE pair SET value = value + 1 WHERE id = 1")
      if attempts == 1 {
        DispatchQueue.global().async {
          do {
            try rival.execute("UPDATE pair SET value = value + 10 WHERE id = 1")
            try rival.execute("COMMIT")
          } catch {
            failures.record(error)
          }
          rivalDone.signal()
        }
        try Self.waitUntilBlocked(rivalPID, seenBy: observer)
      }
      try writer.execute("UPDATE pair SET value = value + 1 WHERE id = 2")
    }
    #expect(attempts == 2)
    #expect(failures.errors.isEmpty, "\(failures.errors)")
    #expect(try writer.execute("SELECT value FROM pair ORDER BY id").rows == [["11"], ["11"]])
  }

  /// Waits (up to ten seconds) until the session `pid` waits for a row lock.
  private static func waitUntilBlocked(_ pid: Int, seenBy observer: PostgresConnection) throws {
    let deadline = Date().addingTimeInterval(10)
    while Date() < deadline {
      let waiting = try observer.execute(
        "SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1", [.int(pid)])
      if waiting[0, 0] == "Lock" { return }
      Thread.sleep(forTimeInterval: 0.01)
    }
  }

  @Test func anAdvisoryLockHoldsOffAnotherSession() throws {
    let database = try PostgresTestDatabase()
    let holder = try database.connect()
    let other = try database.connect()
    let key: Int64 = 0x4861_7368_6979_61
    let tryLock = "SELECT pg_try_advisory_lock($1::bigint)"
    let seenInside = try holder.withAdvisoryLock(key: key) {
      try other.execute(tryLock, [.integer(key)]).bool(0, 0)
    }
    #expect(seenInside == false)
    #expect(try other.execute(tryLock, [.integer(key)]).bool(0, 0) == true)
    #expect(try other.execute("SELECT pg_advisory_unlock($1::bigint)", [.integer(key)]).bool(0, 0) == true)
    // A throwing body releases the lock too.
    #expect(throws: Abandon.self) { try holder.withAdvisoryLock(key: key) { throw Abandon() } }
    #expect(try other.execute(tryLock, [.integer(key)]).bool(0, 0) == true)
  }
}
