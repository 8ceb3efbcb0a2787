import AnnotatorTesting
import HashiyaPostgres
import Testing

/// COPY FROM STDIN in text format: escaping, chunking, and failures that store nothing.
@Suite(.enabled(if: PostgresCluster.isAvailable))
struct PostgresCopyTests {
  /// Text that needs every escape of the COPY format, and some that needs none.
  static let nasty = [
    "قالَ المتحدثُ", "👩🏽‍💻🇸🇾", "crlf\r\nend", "tab\tin", "back\\slash\\N", "\\.", "\n", "", " trailing ",
  ]

  @Test func tenThousandNastyRowsRoundTripExactly() throws {
    let connection = try PostgresTestDatabase().connect()
    try connection.execute("CREATE TABLE copied (id int PRIMARY KEY, body text, note text)")
    let lines = SeedReport.text.split(separator: "\n").map(String.init)
    let rows: [[String?]] = (0..<10_000).map { index in
      let body = Self.nasty[index % Self.nasty.count] + lines[index % lines.count]
      return [String(index), body, index % 7 == 0 ? nil : Self.nasty[(index / 3) % Self.nasty.count]]
    }
    let stored = try connection.copyIn("COPY copied (id, body, note) FROM STDIN", rows: rows)
    #expect(stored == 10_000)
    let result = try connection.execute("SELECT id::text, body, note FROM copied ORDER BY copied.id")
    #expect(result.rowCount == rows.count)
    let mismatches = zip(result.rows, rows).filter { $0 != $1 }
    #expect(mismatches.count == 0, "first mismatch: \(String(describing: mismatches.first).prefix(300))")
  }

  @Test func aNulInAFieldAbortsTheWholeCopy() throws {
    let connection = try PostgresTestDatabase().connect()
    try connection.execute("CREATE TABLE copied (body text)")
    let error = try #require(throws: PostgresError.self) {
      try connection.copyIn("COPY copied FROM STDIN", rows: [["fine"], ["bad\u{0}"]])
    }
    #expect(error.description.contains("row 2 contains a NUL character"))
    #expect(try connection.execute("SELECT count(*) FROM copied")[0, 0] == "0")
  }

  @Test func aRowTheServerRejectsReportsItsState() throws {
    let connection = try PostgresTestDatabase().connect()
    try connection.execute("CREATE TABLE copied (id int)")
    let error = try #require(throws: PostgresError.self) {
      try connection.copyIn("COPY copied FROM STDIN", rows: [["1"], ["not a number"]])
    }
    #expect(error.sqlState == "22P02")
    #expect(try connection.execute("SELECT count(*) FROM copied")[0, 0] == "0")
  }

  @Test func aStatementThatIsNotCopyIsRefused() throws {
    let connection = try PostgresTestDatabase().connect()
    #expect(throws: PostgresError.self) { try connection.copyIn("SELECT 1", rows: [["1"]]) }
    #expect(try connection.execute("SELECT 2")[0, 0] == "2")
    #expect(throws: PostgresError.self) { try connection.copyIn("COPY (SELECT 1) TO STDOUT", rows: [["1"]]) }
    #expect(try connection.execute("SELECT 3")[0, 0] == "3")
  }

  @Test func aCopyStartedByExecuteIsEndedAndReported() throws {
    let connection = try PostgresTestDatabase().connect()
    try connection.execute("CREATE TABLE copied (body text)")
    let into = try #require(throws: PostgresError.self) { try connection.execute("COPY copied FROM STDIN") }
    #expect(into.description.contains("PGRES_COPY_IN"))
    let out = try #require(throws: PostgresError.self) {
      try connection.execute("COPY (SELECT 'قالَ' FROM generate_series(1, 1000)) TO STDOUT")
    }
    #expect(out.description.contains("PGRES_COPY_OUT"))
    #expect(try connection.execute("SELECT count(*) FROM copied")[0, 0] == "0")
  }
}
