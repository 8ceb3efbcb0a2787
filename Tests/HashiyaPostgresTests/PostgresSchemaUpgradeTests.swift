import AnnotatorTesting
import Foundation
import HashiyaModel
import Testing

@testable import HashiyaPostgres

/// Opening a server project of an older schema version upgrades it once, in one transaction,
/// under the schema's advisory lock; a newer one is refused untouched.
@Suite(.enabled(if: PostgresCluster.isAvailable)) struct PostgresSchemaUpgradeTests {
  let cluster = PostgresCluster.shared
  let older = PostgresSchema.version - 1

  /// A project whose `meta` says it is of schema `version`, with a table that counts upgrade runs.
  func project(ofVersion version: Int) throws -> (url: String, connection: PostgresConnection) {
    let database = try cluster.createDatabase()
    let url = cluster.url(database: database)
    _ = try PostgresProjectStore.create(url)
    let connection = try PostgresConnection(cluster.conninfo(database: database))
    try connection.execute("UPDATE meta SET value = $1 WHERE key = 'schemaVersion'", [.text(String(version))])
    try connection.execute("CREATE TABLE upgrade_runs (fromVersion int NOT NULL)")
    return (url, connection)
  }

  /// The steps of a release that upgrades from `older`: each run leaves a row in `upgrade_runs`.
  func countedUpgrade(_ version: Int) -> [String] {
    ["INSERT INTO upgrade_runs VALUES (\(version))"]
  }

  func schemaVersion(_ connection: PostgresConnection) throws -> String? {
    try connection.execute("SELECT value FROM meta WHERE key = 'schemaVersion'").string(0, 0)
  }

  @Test func anOlderSchemaIsUpgradedOnOpenAndSaysSo() throws {
    let (url, connection) = try project(ofVersion: older)
    var said: [String] = []
    _ = try PostgresProjectStore.open(url, announce: { said.append($0) }, upgrades: countedUpgrade)
    #expect(said.count == 1 && said[0].contains("from schema \(older) to \(PostgresSchema.version)"))
    #expect(try schemaVersion(connection) == String(PostgresSchema.version))
    #expect(try connection.execute("SELECT fromVersion FROM upgrade_runs").int(0, 0) == older)
    // Once current, opening again upgrades nothing.
    said = []
    _ = try PostgresProjectStore.open(url, announce: { said.append($0) }, upgrades: countedUpgrade)
    #expect(said.isEmpty)
    #expect(try connection.execute("SELECT count(*) FROM upgrade_runs").int(0, 0) == 1)
  }

  @Test func twoClientsOpeningAnOlderSchemaTogetherUpgradeItOnce() throws {
    let (url, connection) = try project(ofVersion: older)
    // Held here, the lock makes both clients read the old version and then wait for each other.
    try connection.execute("SELECT pg_advisory_lock($1)", [.integer(PostgresSchema.advisoryLockKey)])
    let failures = FailureLog()
    let group = DispatchGroup()
    for _ in 0..<2 {
      DispatchQueue.global().async(group: group) {
        do {
          _ = try PostgresProjectStore.open(url, announce: nil, upgrades: countedUpgrade)
        } catch {
          failures.record(error)
        }
      }
    }
    let waiting = """
      SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (
        SELECT oid FROM pg_database WHERE datname = current_database())
      """
    var waiters = 0
    for _ in 0..<200 where waiters < 2 {
      waiters = try connection.execute(waiting).int(0, 0) ?? 0
      if waiters < 2 { Thread.sleep(forTimeInterval: 0.05) }
    }
    #expect(waiters == 2)
    try connection.execute("SELECT pg_advisory_unlock($1)", [.integer(PostgresSchema.advisoryLockKey)])
    group.wait()
    #expect(failures.errors.isEmpty)
    #expect(try connection.execute("SELECT count(*) FROM upgrade_runs").int(0, 0) == 1)
    #expect(try schemaVersion(connection) == String(PostgresSchema.version))
  }

  @Test func aFailedUpgradeLeavesTheProjectAsItWas() throws {
    let (url, connection) = try project(ofVersion: older)
    let broken: (Int) -> [String] = { version in
      ["INSERT INTO upgrade_runs VALUES (\(version))", "ALTER TABLE no_such_table ADD COLUMN x int"]
    }
    #expect {
      _ = try PostgresProjectStore.open(url, announce: nil, upgrades: broken)
    } throws: { error in
      "\(error)".contains("upgrade") && "\(error)".contains("no_such_table")
    }
    #expect(try schemaVersion(connection) == String(older))
    #expect(try connection.execute("SELECT count(*) FROM upgrade_runs").int(0, 0) == 0)
    // The next client with the right steps upgrades it as if nothing had happened.
    _ = try PostgresProjectStore.open(url, announce: nil, upgrades: countedUpgrade)
    #expect(try schemaVersion(connection) == String(PostgresSchema.version))
  }

  @Test func aNewerSchemaIsRefusedUntouched() throws {
    let newer = PostgresSchema.version + 1
    let (url, connection) = try project(ofVersion: newer)
    #expect {
      _ = try PostgresProjectStore.open(url)
    } throws: { error in
      error is StoreError && "\(error)".contains("\(newer)")
    }
    #expect(try schemaVersion(connection) == String(newer))
  }
}
