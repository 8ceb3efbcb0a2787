import GRDB
import Testing

@testable import HashiyaStore

/// A bulk write binds each value where it lies and keeps working for the whole transaction, whatever
/// else the transaction runs beside it.
@Suite struct BulkStatementTests {
  @Test func bindsEveryKindOfValue() throws {
    let queue = try DatabaseQueue()
    let rows = try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (a, b, c, d, e, f)")
      let insert = try BulkStatement(db, sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)")
      try insert.run(
        .text("قالَتِ «كويثي» 🇸🇾\r\n"), .int(-7), .double(0.5), .null, .utf8(Array("نص".utf8)), .blob([0, 255]))
      try insert.run(.text(""), .int(0), .double(0), .text("x"), .utf8([]), .blob([]))
      return try Row.fetchAll(db, sql: "SELECT a, typeof(a), b, c, d, e, typeof(e), hex(f) FROM t ORDER BY rowid")
    }
    #expect(rows.count == 2)
    #expect(rows[0][0] as String == "قالَتِ «كويثي» 🇸🇾\r\n")
    #expect(rows[0][2] as Int == -7)
    #expect(rows[0][3] as Double == 0.5)
    #expect(rows[0][4] as String? == nil)
    #expect(rows[0][5] as String == "نص")
    #expect(rows[0][7] as String == "00FF")
    // An empty text is stored as an empty text, not as NULL.
    #expect(rows[1][1] as String == "text")
    #expect(rows[1][6] as String == "text")
    #expect(rows[1][5] as String == "")
  }

  /// A change of schema inside the transaction empties GRDB's statement cache, which finalizes the
  /// statements it held: a bulk statement must keep its own alive rather than write through a
  /// freed one.
  @Test func outlivesASchemaChangeInItsTransaction() throws {
    let queue = try DatabaseQueue()
    let count = try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (a TEXT NOT NULL)")
      let insert = try BulkStatement(db, sql: "INSERT INTO t VALUES (?)")
      try insert.run(.text("أول"))
      try db.execute(sql: "CREATE TEMP TABLE scratch (x)")
      try insert.run(.text("ثانٍ"))
      try db.execute(sql: "DROP TABLE scratch")
      try insert.run(.text("🇸🇾"))
      return try String.fetchAll(db, sql: "SELECT a FROM t ORDER BY rowid")
    }
    #expect(count == ["أول", "ثانٍ", "🇸🇾"])
  }

  /// A failed row is reported with SQLite's message, and the statement goes on with the next.
  @Test func reportsAFailedRowAndGoesOn() throws {
    let queue = try DatabaseQueue()
    let stored = try queue.write { db in
      try db.execute(sql: "CREATE TABLE t (a TEXT NOT NULL)")
      let insert = try BulkStatement(db, sql: "INSERT INTO t VALUES (?)")
      #expect(throws: DatabaseError.self) { try insert.run(.null) }
      try insert.run(.text("بعد"))
      return try String.fetchAll(db, sql: "SELECT a FROM t")
    }
    #expect(stored == ["بعد"])
  }
}
