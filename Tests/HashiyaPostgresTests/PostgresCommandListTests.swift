import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

@testable import HashiyaPostgres

/// Undo on the server reads its author's list of commands, which every change, merge and copy
/// keeps as the log grows; a project of schema version 9 gains the list on upgrade, derived from
/// its log; a member reads only their own commands and writes none.
@Suite(.enabled(if: PostgresCluster.isAvailable)) struct PostgresCommandListTests {
  typealias Team = RowSecurityTests.Team

  /// The list as the log implies it, by batch: what the writers must have listed.
  static let derived = """
    SELECT batch, min(author), min(id)::text,
      CASE min(action) WHEN 'undo' THEN 'undo' WHEN 'redo' THEN 'redo' ELSE 'change' END
    FROM events WHERE entity IN (\(EventSnapshot.undoableEntities)) GROUP BY batch ORDER BY batch
    """

  static let listed = "SELECT batch, author, firstEvent::text, kind FROM commands ORDER BY batch"

  /// The rows of `sql`, as the owner reads them.
  static func rows(_ team: Team, _ sql: String) throws -> [[String?]] {
    try team.connect(as: "postgres").execute(sql).rows
  }

  /// Two annotators and the lead change, undo and redo, each in their own turn.
  static func work(_ team: Team) throws -> (amals: [Annotation], karims: Annotation) {
    let first = try team.tag(team.amal, "claim-labeling", length: 5)
    let second = try team.tag(team.amal, "translation-notes", length: 8)
    let karims = try team.tag(team.karim, "claim-labeling", length: 6)
    _ = try team.amal.undo(author: team.amal.user)
    _ = try team.karim.undo(author: team.karim.user)
    _ = try team.amal.redo(author: team.amal.user)
    _ = try team.amal.undo(author: team.amal.user)
    _ = try team.tag(team.lead, "claim-labeling", length: 9)
    return ([first, second], karims)
  }

  /// Whether the annotation is active, as the lead sees it.
  static func isActive(_ team: Team, _ annotation: Annotation) throws -> Bool {
    try team.lead.annotation(id: annotation.id).status == .active
  }

  @Test func theListFollowsTheLogAndUndoReadsIt() throws {
    let team = try Team()
    let (amals, karims) = try Self.work(team)
    let listed = try Self.rows(team, Self.listed)
    #expect(listed.count == 8)
    #expect(listed == (try Self.rows(team, Self.derived)))

    // Amal's latest command left is her first tag: undone, then redone from the top of her stack.
    #expect(try !Self.isActive(team, amals[1]))
    _ = try team.amal.undo(author: team.amal.user)
    #expect(try !Self.isActive(team, amals[0]))
    _ = try team.amal.redo(author: team.amal.user)
    _ = try team.amal.redo(author: team.amal.user)
    #expect(try Self.isActive(team, amals[0]) && Self.isActive(team, amals[1]))
    #expect(try !Self.isActive(team, karims))
    #expect(try Self.rows(team, Self.listed) == (try Self.rows(team, Self.derived)))
  }

  @Test func aMemberReadsOnlyTheirOwnCommands() throws {
    let team = try Team()
    _ = try Self.work(team)
    let raw = try team.connect(as: team.amal.user)
    let own = try raw.execute("SELECT count(*) FROM commands WHERE author = session_user").int(0, 0) ?? 0
    #expect(own == 5)
    #expect(try raw.execute("SELECT count(*) FROM commands").int(0, 0) == own)
    #expect(throws: PostgresError.self) {
      try raw.execute("INSERT INTO commands VALUES ('forged', session_user, 1, 'change')")
    }
  }

  /// Takes the project back to schema version 9, which had no list, as the owner could.
  static func downgrade(_ team: Team) throws {
    let owner = try team.connect(as: "postgres")
    try owner.execute("DROP FUNCTION hashiya_note_command(text)")
    try owner.execute("DROP FUNCTION hashiya_note_commands_after(bigint)")
    try owner.execute("DROP TABLE commands")
    try owner.execute("UPDATE meta SET value = '9' WHERE key = 'schemaVersion'")
  }

  @Test func anUpgradeFromVersion9ListsTheLoggedCommands() throws {
    let team = try Team()
    let (amals, _) = try Self.work(team)
    let before = try Self.rows(team, Self.derived)
    try Self.downgrade(team)

    let cluster = PostgresCluster.shared
    var said: [String] = []
    _ = try PostgresProjectStore.open(cluster.url(database: team.database), announce: { said.append($0) })
    #expect(said.first?.contains("from schema 9 to \(PostgresSchema.version)") == true, "\(said)")
    #expect(try Self.rows(team, Self.listed) == before)

    // The group roles may read the new table: amal undoes on a fresh session, as before.
    let amal = try PostgresProjectStore.open(cluster.url(database: team.database, user: team.amal.user))
    _ = try amal.undo(author: amal.user)
    #expect(try !Self.isActive(team, amals[0]))
    #expect(try Self.rows(team, Self.listed) == (try Self.rows(team, Self.derived)))
  }

  @Test func aMemberCannotUpgradeAndIsToldWhoCan() throws {
    let team = try Team()
    _ = try Self.work(team)
    try Self.downgrade(team)
    let cluster = PostgresCluster.shared
    #expect {
      _ = try PostgresProjectStore.open(cluster.url(database: team.database, user: team.amal.user))
    } throws: { error in
      "\(error)".contains("only the project's owner may upgrade it")
    }
    #expect(try Self.rows(team, "SELECT value FROM meta WHERE key = 'schemaVersion'") == [["9"]])
  }
}
