import AnnotatorTesting
import Foundation
import HashiyaPostgres
import Testing

/// Connecting, binding parameters and reading results and errors, against the test cluster.
@Suite(.enabled(if: PostgresCluster.isAvailable))
struct PostgresConnectionTests {
  @Test func connectsWithAKeywordString() throws {
    let connection = try PostgresTestDatabase().connect()
    #expect(connection.serverVersion >= 150_000)
    let result = try connection.execute("SELECT current_setting('client_encoding'), current_user")
    #expect(result[0, 0] == "UTF8")
    #expect(result[0, 1] == "postgres")
    #expect(connection.socketDescriptor >= 0)
  }

  @Test func aLatinClientEncodingIsSwitchedToUTF8() throws {
    let database = try PostgresTestDatabase()
    let conninfo = PostgresCluster.shared.conninfo(database: database.name) + " client_encoding=LATIN1"
    let connection = try PostgresConnection(conninfo)
    let result = try connection.execute("SELECT current_setting('client_encoding'), $1::text", ["قالَ 👩🏽‍💻"])
    #expect(result[0, 0] == "UTF8")
    #expect(result[0, 1] == "قالَ 👩🏽‍💻")
  }

  @Test func threadsSharingAConnectionNeverInterleaveTransactions() throws {
    let database = try PostgresTestDatabase()
    let connection = try database.connect()
    try database.createCounters(on: connection)
    let failures = FailureLog()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      for _ in 0..<25 {
        do {
          try connection.transaction {
            let value = try connection.execute("SELECT value FROM counters WHERE id = 1").int(0, 0) ?? 0
            try connection.execute("UPDATE counters SET value = $1 WHERE id = 1", [.int(value + 1)])
          }
        } catch {
          failures.record(error)
        }
      }
    }
    #expect(failures.errors.isEmpty, "\(failures.errors)")
    #expect(try connection.execute("SELECT value FROM counters")[0, 0] == "100")
  }

  @Test func connectsWithAURL() throws {
    let database = try PostgresTestDatabase()
    let connection = try PostgresConnection(PostgresCluster.shared.url(database: database.name))
    #expect(try connection.execute("SELECT current_database()")[0, 0] == database.name)
  }

  @Test func aBadConninfoGivesLibpqsReasonOnOneLine() throws {
    let missing =
      "host=\(PostgresCluster.shared.socketDirectory) port=\(PostgresCluster.port) dbname=nowhere_\(UInt32.random(in: 0...UInt32.max))"
    _ = try PostgresTestDatabase()  // the cluster runs, so only the database is wrong
    let error = try #require(throws: PostgresError.self) { try PostgresConnection(missing) }
    #expect(error.description.hasPrefix("cannot connect to PostgreSQL: "))
    #expect(error.description.contains("does not exist"))
    #expect(!error.description.hasSuffix("\n"))
    let malformed = try #require(throws: PostgresError.self) { try PostgresConnection("host=") }
    #expect(malformed.description.contains("cannot connect"))
    let syntax = try #require(throws: PostgresError.self) { try PostgresConnection("not a conninfo") }
    #expect(syntax.description.contains("missing \"=\""))
  }

  @Test(arguments: [
    "قالَ المتحدثُ", "👩🏽‍💻🇸🇾", "line one\r\nline two", "tab\there", "back\\slash", "'; DROP TABLE t; --", "",
  ])
  func textParametersRoundTripExactly(_ text: String) throws {
    let connection = try PostgresTestDatabase().connect()
    let result = try connection.execute("SELECT $1::text, length($1::text)", [.text(text)])
    #expect(result[0, 0] == text)
    #expect(try result.int(0, 1) == text.unicodeScalars.count)
  }

  @Test func theSeedReportRoundTripsExactly() throws {
    let connection = try PostgresTestDatabase().connect()
    #expect(try connection.execute("SELECT $1::text", [.text(SeedReport.text)])[0, 0] == SeedReport.text)
  }

  @Test func aNulCharacterIsRejectedWithAReadableError() throws {
    let connection = try PostgresTestDatabase().connect()
    let error = try #require(throws: PostgresError.self) {
      try connection.execute("SELECT $1::text, $2::text", ["fine", .text("before\u{0}after")])
    }
    #expect(
      error == .invalidValue(position: 2, reason: "it contains a NUL character, which PostgreSQL text cannot hold"))
    #expect(error.description.contains("value 2"))
    // The connection is still usable afterwards.
    #expect(try connection.execute("SELECT 1")[0, 0] == "1")
  }

  @Test func typedValuesRoundTrip() throws {
    let connection = try PostgresTestDatabase().connect()
    let result = try connection.execute(
      "SELECT $1::bigint, $2::float8, $3::boolean, $4::boolean, $5::float8, $6::float8",
      [.integer(Int64.min), .double(-0.1), .bool(true), false, .double(.infinity), 1e300])
    #expect(try result.int(0, 0) == Int(Int64.min))
    #expect(try result.double(0, 1) == -0.1)
    #expect(try result.bool(0, 2) == true)
    #expect(try result.bool(0, 3) == false)
    #expect(try result.double(0, 4) == .infinity)
    #expect(try result.double(0, 5) == 1e300)
    #expect(throws: PostgresError.self) { try result.bool(0, 0) }
    #expect(throws: PostgresError.self) { try result.string(1, 0) }
  }

  @Test func byteaRoundTripsEveryByte() throws {
    let connection = try PostgresTestDatabase().connect()
    let bytes = Data((0...255).map { UInt8($0) } + Array("قالَ 👩🏽‍💻".utf8))
    try connection.execute("CREATE TABLE blobs (id int PRIMARY KEY, content bytea)")
    try connection.execute("INSERT INTO blobs VALUES ($1, $2), ($3, $4)", [1, .bytes(bytes), 2, .bytes(Data())])
    let result = try connection.execute("SELECT content, length(content) FROM blobs ORDER BY id")
    #expect(try result.data(0, 0) == bytes)
    #expect(try result.int(0, 1) == bytes.count)
    #expect(try result.data(1, 0) == Data())
  }

  @Test func nullsGoInAndComeOut() throws {
    let connection = try PostgresTestDatabase().connect()
    try connection.execute("CREATE TABLE notes (id int, body text)")
    let inserted = try connection.execute("INSERT INTO notes VALUES ($1, $2), ($3, $4)", [1, nil, 2, ""])
    #expect(inserted.rowsAffected == 2)
    let result = try connection.execute("SELECT body, body IS NULL AS missing FROM notes ORDER BY id")
    #expect(result.columnNames == ["body", "missing"])
    #expect(result.rowCount == 2)
    #expect(result[0, "body"] == nil)
    #expect(try result.bool(0, 1) == true)
    #expect(try result.string(1, 0) == "")
    #expect(try result.bool(1, 1) == false)
    #expect(try result.int(0, 0) == nil)
    #expect(try result.bool(0, result.columnIndex("missing")) == true)
    #expect(throws: PostgresError.self) { try result.columnIndex("absent") }
  }

  @Test func aUniqueViolationCarriesItsSQLStateAndDetail() throws {
    let connection = try PostgresTestDatabase().connect()
    try connection.execute("CREATE TABLE labels (name text UNIQUE)")
    try connection.execute("INSERT INTO labels VALUES ($1)", ["ادعاء"])
    let error = try #require(throws: PostgresError.self) {
      try connection.execute("INSERT INTO labels VALUES ($1)", ["ادعاء"])
    }
    #expect(error.sqlState == PostgresSQLState.uniqueViolation)
    #expect(error.description.contains("duplicate key value violates unique constraint"))
    #expect(error.description.contains("(detail: Key (name)=(ادعاء) already exists.)"))
    #expect(!error.isTransient)
  }

  @Test func serverErrorsNameTheirState() throws {
    let connection = try PostgresTestDatabase().connect()
    let missing = try #require(throws: PostgresError.self) { try connection.execute("SELECT * FROM nowhere") }
    #expect(missing.sqlState == PostgresSQLState.undefinedTable)
    let raised = try #require(throws: PostgresError.self) {
      try connection.execute("DO $$ BEGIN RAISE EXCEPTION 'مرفوض' USING HINT = 'try again'; END $$")
    }
    #expect(raised.sqlState == PostgresSQLState.raiseException)
    #expect(raised.description == "PostgreSQL error P0001: مرفوض (hint: try again)")
  }

  @Test func aPermissionErrorIsInsufficientPrivilege() throws {
    let database = try PostgresTestDatabase()
    let owner = try database.connect()
    try owner.execute("CREATE TABLE secrets (body text)")
    let role = "reader_\(UInt32.random(in: 0...UInt32.max))"
    try PostgresCluster.shared.createRole(role)
    let again = try #require(throws: PostgresCluster.Failure.self) { try PostgresCluster.shared.createRole(role) }
    #expect(again.description.contains("already exists"))
    let reader = try database.connect(as: role)
    let error = try #require(throws: PostgresError.self) { try reader.execute("SELECT * FROM secrets") }
    #expect(error.sqlState == PostgresSQLState.insufficientPrivilege)
    try owner.execute("GRANT SELECT ON secrets TO \(owner.quoteIdentifier(role))")
    #expect(try reader.execute("SELECT count(*) FROM secrets")[0, 0] == "0")
  }

  @Test func identifiersAreQuoted() throws {
    let connection = try PostgresTestDatabase().connect()
    #expect(try connection.quoteIdentifier("plain") == "\"plain\"")
    #expect(try connection.quoteIdentifier("a\"b") == "\"a\"\"b\"")
    let arabic = try connection.quoteIdentifier("مراجع")
    try connection.execute("CREATE TABLE \(arabic) (id int)")
    #expect(try connection.execute("SELECT count(*) FROM \(arabic)")[0, 0] == "0")
  }

  @Test func aClosedConnectionRefusesStatements() throws {
    let connection = try PostgresTestDatabase().connect()
    connection.close()
    connection.close()
    #expect(throws: PostgresError.connectionClosed) { try connection.execute("SELECT 1") }
    #expect(connection.serverVersion == 0)
  }
}
