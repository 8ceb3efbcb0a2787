import AnnotatorTesting
import HashiyaModel
import HashiyaPostgres
import Testing

/// What only a server's team does: a member is a login role, and changing the team changes
/// which of the project's group roles that login belongs to.
@Suite(.enabled(if: PostgresCluster.isAvailable)) struct ServerTeamTests {
  let cluster = PostgresCluster.shared

  func unique(_ name: String) -> String { name + "_" + String(UInt32.random(in: 0...UInt32.max), radix: 36) }

  /// Whether `login` belongs to the group role of team role `role` in `database`.
  func isMember(_ login: String, of role: String, in database: String) throws -> Bool {
    let connection = try PostgresConnection(cluster.conninfo(database: database))
    let result = try connection.execute(
      "SELECT pg_has_role($1, $2, 'MEMBER')", [.text(login), .text(PostgresSchema.groupRole(role, database: database))])
    return try result.bool(0, 0) == true
  }

  @Test func membersJoinAndLeaveTheGroupRoles() throws {
    let database = try cluster.createDatabase()
    let store = try PostgresProjectStore.create(cluster.url(database: database))
    let amal = unique("amal")
    try cluster.createRole(amal)
    try store.setMember(amal, role: .annotator, by: store.user)
    #expect(try isMember(amal, of: "annotator", in: database) && !isMember(amal, of: "lead", in: database))
    try store.setMember(amal, role: .lead, by: store.user)
    #expect(try !isMember(amal, of: "annotator", in: database) && isMember(amal, of: "lead", in: database))
    try store.removeMember(amal, by: store.user)
    #expect(try !isMember(amal, of: "annotator", in: database) && !isMember(amal, of: "lead", in: database))
    // Leads first, by name; amal was a lead when removed.
    #expect(
      try store.teamMembers(includingRemoved: true).map { "\($0.name) \($0.isActive)" } == [
        "\(amal) false", "\(store.user) true",
      ])
  }

  @Test func aMemberMustBeALoginRoleOfTheServer() throws {
    let database = try cluster.createDatabase()
    let store = try PostgresProjectStore.create(cluster.url(database: database))
    let nobody = unique("nobody")
    #expect(throws: TeamError.noLoginRole(nobody)) { try store.setMember(nobody, role: .annotator, by: store.user) }
    #expect(throws: TeamError.noLoginRole("كريم")) { try store.setMember("كريم", role: .annotator, by: store.user) }
    let group = unique("group")
    try cluster.createRole(group, login: false)
    #expect(throws: TeamError.noLoginRole(group)) { try store.setMember(group, role: .lead, by: store.user) }
    #expect(try store.teamMembers(includingRemoved: true).map(\.name) == [store.user])
    #expect(TeamError.noLoginRole(nobody).description.contains("CREATE ROLE \(nobody) LOGIN"))
  }

  @Test func aLeadWithoutTheRightToGrantIsToldWhatIsMissing() throws {
    let database = try cluster.createDatabase()
    let owner = try PostgresProjectStore.create(cluster.url(database: database))
    let (boss, amal) = (unique("boss"), unique("amal"))
    try cluster.createRole(boss)
    try cluster.createRole(amal)
    try owner.setMember(boss, role: .lead, by: owner.user)
    let store = try PostgresProjectStore.open(cluster.url(database: database, user: boss))
    let group = PostgresSchema.groupRole("annotator", database: database)
    #expect(throws: TeamError.cannotGrant(group: group, user: boss)) {
      try store.setMember(amal, role: .annotator, by: boss)
    }
    #expect(try store.teamMembers(includingRemoved: true).map(\.name) == [boss, owner.user])
    try owner.setMember(amal, role: .annotator, by: owner.user)
    #expect(throws: TeamError.leadsOnly(action: "changing the team", user: amal)) {
      try PostgresProjectStore.open(cluster.url(database: database, user: amal))
        .setMember(boss, role: .annotator, by: amal)
    }
  }
}
