import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// A statement's row read in place reads exactly the values Hashiya writes, and turns every other
/// stored value into a `damaged` error that names the column and what it holds, never a trap and
/// never a silently repaired text.
@Suite struct StatementRowTests {
  /// `body` with the one row of `sql`, read in place.
  static func withRow<T>(_ sql: String, _ body: (StatementRow) throws -> T) throws -> T {
    let queue = try DatabaseQueue()
    return try queue.read { db in
      let statement = try db.makeStatement(sql: sql)
      let cursor = try Row.fetchCursor(statement)
      _ = try #require(try cursor.next())
      return try body(StatementRow(statement))
    }
  }

  @Test func readsWhatHashiyaWrites() throws {
    try Self.withRow(
      """
      SELECT 'قالَتِ المُتَحَدِّثَةُ «كويثي» 🇸🇾\r\n' AS text, 42 AS number, NULL AS missing, '' AS empty, 0 AS flag,
        -7 AS negative
      """
    ) { (row: StatementRow) throws in
      #expect(row.count == 6)
      #expect(try row.checked(0, "a test row") as String == "قالَتِ المُتَحَدِّثَةُ «كويثي» 🇸🇾\r\n")
      #expect(try row.checked(0, "a test row") as String? == "قالَتِ المُتَحَدِّثَةُ «كويثي» 🇸🇾\r\n")
      #expect(try row.checked(1, "a test row") as Int == 42)
      #expect(try row.checked(1, "a test row") as Int? == 42)
      #expect(try row.checked(1, "a test row") as Bool)
      #expect(try row.checked(2, "a test row") as String? == nil)
      #expect(try row.checked(2, "a test row") as Int? == nil)
      #expect(try row.checked(3, "a test row") as String == "")
      #expect(!(try row.checked(4, "a test row") as Bool))
      #expect(try row.checked(5, "a test row") as Int == -7)
      #expect(row.storedByteCount(at: 0) == "قالَتِ المُتَحَدِّثَةُ «كويثي» 🇸🇾\r\n".utf8.count)
      #expect(row.storedByteCount(at: 2) == nil)
      #expect(row.columnName(at: 1) == "number")
    }
  }

  @Test func tellsTwoColumnsOfTheSameTextAsAGRDBRowDoes() throws {
    let sql = """
      SELECT 'قالَتْ 🇸🇾' AS a, 'قالَتْ 🇸🇾' AS same, 'قالَتْ 🇸' AS shorter, 'قالَتُ 🇸🇾' AS other, NULL AS missing,
        NULL AS alsoMissing, 7 AS number, '7' AS digits
      """
    let cases: [(Int, Int, Bool)] = [
      (0, 1, true), (0, 2, false), (0, 3, false), (0, 4, false), (4, 5, false), (6, 7, false),
    ]
    try Self.withRow(sql) { (row: StatementRow) in
      for (a, b, same) in cases { #expect(row.holdsSameText(a, as: b) == same, "columns \(a) and \(b)") }
    }
    let grdbRow = try #require(try DatabaseQueue().read { try Row.fetchOne($0, sql: sql) })
    for (a, b, same) in cases { #expect(grdbRow.holdsSameText(a, as: b) == same, "columns \(a) and \(b)") }
  }

  /// Each stored value Hashiya never writes, the reads that must refuse it, and what the error
  /// says it holds.
  static let damage: [(sql: String, holds: String)] = [
    ("NULL", "nothing (NULL)"),
    ("2.5", "a decimal number"),
    ("x'C328'", "2 bytes that are not valid text"),
    ("CAST(x'C328' AS TEXT)", "text that is not valid UTF-8 or holds a NUL byte"),
    ("CAST(x'610062' AS TEXT)", "text that is not valid UTF-8 or holds a NUL byte"),
  ]

  @Test(arguments: damage)
  func textThatIsNotTextIsAnErrorNamingTheColumn(_ stored: (sql: String, holds: String)) throws {
    try Self.withRow("SELECT \(stored.sql) AS title") { (row: StatementRow) throws in
      let expected = StoreError.damaged(what: "report #7", reason: "its title holds \(stored.holds)")
      #expect(throws: expected) { try row.checked(0, "report #7") as String }
      if stored.sql != "NULL" {
        #expect(throws: expected) { try row.checked(0, "report #7") as String? }
      }
    }
  }

  @Test(arguments: ["'17'", "2.5", "x'01'", "NULL"])
  func aNumberThatIsNotAWholeNumberIsAnErrorNamingTheColumn(_ stored: String) throws {
    try Self.withRow("SELECT \(stored) AS start") { (row: StatementRow) throws in
      #expect(throws: StoreError.self) { try row.checked(0, "annotation #3") as Int }
      #expect(throws: StoreError.self) { try row.checked(0, "annotation #3") as Bool }
      if stored != "NULL" {
        #expect(throws: StoreError.self) { try row.checked(0, "annotation #3") as Int? }
      }
    }
  }

  @Test func anUnknownStatusIsNamedWithItsText() throws {
    try Self.withRow("SELECT 'archived' AS status") { (row: StatementRow) throws in
      let expected = StoreError.damaged(
        what: "annotation #3", reason: "its status \"archived\" is not one Hashiya writes")
      #expect(throws: expected) { try row.checked(0, as: Annotation.Status.self, "annotation #3") }
    }
  }

  /// A text copied out unchecked is checked later by the same rule as one read in place: what is
  /// valid reads back byte for byte, the empty text included; a NUL or invalid UTF-8 is an error
  /// naming the report.
  @Test func aTextReadUncheckedIsCheckedLaterByTheSameRule() throws {
    let sql = """
      SELECT 'قالَتِ المُتَحَدِّثَةُ 🇸🇾\r\n' AS valid, '' AS empty, CAST(X'D982D8A700C3A9' AS TEXT) AS nul,
        CAST(X'D982D8A7FF20C3' AS TEXT) AS invalid, 7 AS number
      """
    try Self.withRow(sql) { (row: StatementRow) throws in
      #expect(try row.uncheckedText(at: 0, ofReport: 4).string() == "قالَتِ المُتَحَدِّثَةُ 🇸🇾\r\n")
      #expect(try row.uncheckedText(at: 1, ofReport: 4).string() == "")
      let expected = StoreError.damaged(what: "report #4", reason: "its text holds \(StatementRow.invalidText)")
      for column in [2, 3] {
        #expect(throws: expected) { try row.uncheckedText(at: column, ofReport: 4).string() }
        #expect(throws: StoreError.self) { try row.checked(column, "report #4") as String }
      }
      #expect(throws: StoreError.self) { try row.uncheckedText(at: 4, ofReport: 4) }
    }
  }
}
