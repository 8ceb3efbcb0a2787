import AnnotatorKit
import HashiyaModel

/// The team on a server: a member's name is their login role, and membership of the project's
/// group roles is what the database's grants and row-level security go by, so a change of the
/// team changes both in one transaction.
extension PostgresProjectStore {
  /// The team, leads first, then by name; removed members only when asked for.
  public func teamMembers(includingRemoved: Bool = false) throws(StoreError) -> [TeamMember] {
    try read("read the team") { connection in
      try Self.teamMembers(connection).filter { includingRemoved || $0.isActive }
    }
  }

  /// Resolves a declared user against the team, as a project file does: a case or NFC variant of
  /// a member's name is that member, a removed one is refused, and anyone else the team does not
  /// have is refused with the closest member's name as a hint. The one who creates a project on
  /// a server is its lead from the start, so only a team emptied by hand is founded here.
  public func admit(_ declared: String) throws -> TeamMember {
    let name = try MemberName(declared)
    if let member = try TeamMember.admitted(name, among: try teamMembers(includingRemoved: true)) { return member }
    let store = self
    return try write("start the team") { connection in
      // Another session may have started the team since it was read.
      let members = try Self.teamMembers(connection)
      if let first = members.first(where: { $0.folded == name.folded }) { return first }
      guard members.isEmpty else { throw TeamError.unknownMember(name.spelling, suggestion: nil) }
      let login = try Self.loginRole(connection, name)
      let founder = TeamMember(
        name: login, folded: MemberName.fold(login), role: .lead, isActive: true, addedBy: login,
        updatedAt: try Self.teamTime(connection, after: ""))
      try store.enroll(connection, founder)
      return founder
    }
  }

  /// Adds a member or changes their role (bringing back a removed one); leads only. The member's
  /// login role joins the group role of their team role and leaves the other.
  @discardableResult
  public func setMember(_ declared: String, role: TeamMember.Role, by actor: String) throws -> TeamMember {
    let name = try MemberName(declared)
    let store = self
    return try write("change the team") { connection in
      let members = try Self.teamMembers(connection)
      try Self.requireLead(members, actor, action: "changing the team")
      let known = members.first { $0.folded == name.folded }
      let login = try known?.name ?? Self.loginRole(connection, name)
      var member =
        known
        ?? TeamMember(
          name: login, folded: MemberName.fold(login), role: role, isActive: true, addedBy: actor, updatedAt: "")
      if role != .lead { try TeamMember.requireAnotherLead(besides: member, among: members) }
      member.role = role
      member.isActive = true
      member.updatedAt = try Self.teamTime(connection, after: member.updatedAt)
      try store.enroll(connection, member)
      return member
    }
  }

  /// Removes a member, leaving a tombstone (their annotations stay theirs, their name stays
  /// taken) and taking their login role out of the team's group roles. Leads only.
  @discardableResult
  public func removeMember(_ declared: String, by actor: String) throws -> TeamMember {
    let name = try MemberName(declared)
    let store = self
    return try write("change the team") { connection in
      let members = try Self.teamMembers(connection)
      try Self.requireLead(members, actor, action: "changing the team")
      guard var member = members.first(where: { $0.folded == name.folded && $0.isActive }) else {
        throw TeamError.unknownMember(
          name.spelling, suggestion: name.closest(among: members.filter(\.isActive).map(\.name)))
      }
      try TeamMember.requireAnotherLead(besides: member, among: members)
      member.isActive = false
      member.updatedAt = try Self.teamTime(connection, after: member.updatedAt)
      try store.enroll(connection, member)
      return member
    }
  }

  /// Sets a layer, or every layer without a setting of its own, blind or not; leads only. The
  /// database's row-level security reads the same setting.
  public func setBlind(_ on: Bool, layer: String?, by actor: String) throws {
    try write("change the blind setting") { connection in
      try Self.requireLead(try Self.teamMembers(connection), actor, action: "changing blind annotation")
      let key = TeamAccess.blindKey(layer)
      let earlier = try connection.rows("SELECT value FROM meta WHERE key = $1", [.text(key)]).first?.optionalText(0)
      let at = try Self.teamTime(connection, after: TeamAccess.blindSetting(earlier)?.at ?? "")
      _ = try connection.execute(
        "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [.text(key), .text(TeamAccess.blindValue(on, at: at, by: actor))])
    }
  }

  /// What `user` may see and change here. A user the team does not have is a lead of it, as on
  /// a file; the server's row-level security holds whatever this says.
  public func access(for user: String) throws(StoreError) -> TeamAccess {
    try read("read the team") { connection in
      var settings: [(key: String, value: String)] = []
      for row in try connection.rows("SELECT key, value FROM meta WHERE key = 'blind' OR key LIKE 'blind:%'") {
        settings.append((key: try row.text(0, "a blind setting"), value: row.optionalText(1) ?? ""))
      }
      return TeamAccess.stored(for: user, members: try Self.teamMembers(connection), settings: settings)
    }
  }

  static func teamMembers(_ connection: PostgresConnection) throws -> [TeamMember] {
    // Byte order, as the file sorts, whatever the database's collation.
    try connection.rows(
      """
      SELECT \(PostgresRecords.teamColumns) FROM team
      ORDER BY role = 'lead' DESC, folded COLLATE "C", name COLLATE "C"
      """
    ).map(PostgresRecords.teamMember)
  }

  /// Refuses `actor` unless they lead; a team with no members yet has no lead to ask.
  private static func requireLead(_ members: [TeamMember], _ actor: String, action: String) throws {
    guard !members.isEmpty else { return }
    let folded = MemberName.fold(actor)
    guard members.contains(where: { $0.folded == folded && $0.isActive && $0.role == .lead }) else {
      throw TeamError.leadsOnly(action: action, user: actor)
    }
  }

  /// The server's login role `name` names: spelled exactly so, or else the one whose lower-case
  /// name it is, as PostgreSQL folds an unquoted `CREATE ROLE Amal` to `amal`.
  private static func loginRole(_ connection: PostgresConnection, _ name: MemberName) throws -> String {
    let found = try connection.rows(
      """
      SELECT rolname FROM pg_catalog.pg_roles WHERE rolcanlogin AND (rolname = $1 OR lower(rolname) = $2)
      ORDER BY rolname = $1 DESC, rolname COLLATE "C" LIMIT 1
      """, [.text(name.spelling), .text(name.folded)])
    guard let login = found.first?.optionalText(0) else { throw TeamError.noLoginRole(name.spelling) }
    return login
  }

  /// A time later than `earlier`, so a change always wins over the state it changed when merged.
  private static func teamTime(_ connection: PostgresConnection, after earlier: String) throws -> String {
    Timestamp.now(after: max(earlier, try nextEventTime(connection)))
  }

  /// Records `member` and makes their login role a member of their team role's group only (of
  /// neither once removed), inside the caller's transaction.
  private func enroll(_ connection: PostgresConnection, _ member: TeamMember) throws {
    _ = try connection.execute(
      """
      INSERT INTO team (name, folded, role, status, addedBy, updatedAt) VALUES ($1, $2, $3, $4, $5, $6)
      ON CONFLICT (folded) DO UPDATE SET name = excluded.name, role = excluded.role, status = excluded.status,
        addedBy = excluded.addedBy, updatedAt = excluded.updatedAt
      """,
      [
        .text(member.name), .text(member.folded), .text(member.role.rawValue),
        .text(member.isActive ? "active" : "deleted"), .text(member.addedBy), .text(member.updatedAt),
      ])
    let role = member.isActive ? member.role.rawValue : nil
    for statement in try PostgresSchema.membershipStatements(member: member.name, role: role, database: databaseName) {
      do {
        _ = try connection.execute(statement)
      } catch {
        guard error.sqlState == PostgresSQLState.insufficientPrivilege else { throw error }
        throw TeamError.cannotGrant(
          group: PostgresSchema.groupRole(member.role.rawValue, database: databaseName), user: user)
      }
    }
  }
}
