import AnnotatorTesting
import HashiyaPostgres

/// A fresh database on the shared test cluster, with as many connections to it as a test needs.
struct PostgresTestDatabase {
  let name: String

  init() throws { name = try PostgresCluster.shared.createDatabase() }

  /// A new session on the database as `user`.
  func connect(as user: String = "postgres") throws -> PostgresConnection {
    try PostgresConnection(PostgresCluster.shared.conninfo(database: name, user: user))
  }

  /// Creates the table `counters` holding one row, id 1 with value 0, for tests of concurrent updates.
  func createCounters(on connection: PostgresConnection) throws {
    try connection.execute("CREATE TABLE counters (id int PRIMARY KEY, value int)")
    try connection.execute("INSERT INTO counters VALUES (1, 0)")
  }
}
