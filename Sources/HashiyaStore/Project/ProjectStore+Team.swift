import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

extension ProjectStore {
  /// The team, leads first, then by name; removed members only when asked for.
  public func teamMembers(includingRemoved: Bool = false) throws(StoreError) -> [TeamMember] {
    try read("read the team") { db in
      try Self.teamMembers(db).filter { includingRemoved || $0.isActive }
    }
  }

  /// Resolves a declared user against the team: a case or NFC variant of a member's name is that
  /// member. The first user of a project without a team becomes its lead; anyone else the team
  /// does not have is refused, with the closest member's name as a hint.
  ///
  /// A file that cannot be written (damaged, or read only) admits its user as a lead without
  /// recording one, so its work can still be read and exported.
  public func admit(_ declared: String) throws -> TeamMember {
    let name = try MemberName(declared)
    if let member = try TeamMember.admitted(name, among: try teamMembers(includingRemoved: true)) { return member }
    let founder = TeamMember(
      name: name.spelling, folded: name.folded, role: .lead, isActive: true, addedBy: name.spelling,
      updatedAt: Timestamp.now())
    guard damage.isEmpty else { return founder }
    do {
      return try write("start the team") { db in
        // Another session may have started the team since it was read.
        if let first = try Self.teamMembers(db).first(where: { $0.folded == name.folded }) { return first }
        guard try Self.teamMembers(db).isEmpty else {
          throw TeamError.unknownMember(name.spelling, suggestion: nil)
        }
        try Self.store(db, founder)
        return founder
      }
    } catch let error as TeamError {
      throw error
    } catch {
      return founder
    }
  }

  /// Adds a member or changes their role (bringing back a removed one); leads only.
  @discardableResult
  public func setMember(_ declared: String, role: TeamMember.Role, by actor: String) throws -> TeamMember {
    let name = try MemberName(declared)
    return try write("change the team") { db in
      try Self.requireLead(db, actor, action: "changing the team")
      let members = try Self.teamMembers(db)
      var member =
        members.first { $0.folded == name.folded }
        ?? TeamMember(
          name: name.spelling, folded: name.folded, role: role, isActive: true, addedBy: actor, updatedAt: "")
      if role != .lead { try TeamMember.requireAnotherLead(besides: member, among: members) }
      member.role = role
      member.isActive = true
      member.updatedAt = try Self.teamTime(db, after: member.updatedAt)
      try Self.store(db, member)
      return member
    }
  }

  /// Removes a member, leaving a tombstone: their annotations stay theirs, and their name stays
  /// taken, so nobody else can start writing as them. Leads only.
  @discardableResult
  public func removeMember(_ declared: String, by actor: String) throws -> TeamMember {
    let name = try MemberName(declared)
    return try write("change the team") { db in
      try Self.requireLead(db, actor, action: "changing the team")
      let members = try Self.teamMembers(db)
      guard var member = members.first(where: { $0.folded == name.folded && $0.isActive }) else {
        throw TeamError.unknownMember(
          name.spelling, suggestion: Self.closest(to: name, among: members.filter(\.isActive).map(\.name)))
      }
      try TeamMember.requireAnotherLead(besides: member, among: members)
      member.isActive = false
      member.updatedAt = try Self.teamTime(db, after: member.updatedAt)
      try Self.store(db, member)
      return member
    }
  }

  /// Sets a layer, or every layer without a setting of its own, blind or not; leads only.
  public func setBlind(_ on: Bool, layer: String?, by actor: String) throws {
    try write("change the blind setting") { db in
      try Self.requireLead(db, actor, action: "changing blind annotation")
      let key = Self.blindKey(layer)
      let earlier = try Self.blindSetting(db, key: key)?.at ?? ""
      let value = TeamAccess.blindValue(on, at: try Self.teamTime(db, after: earlier), by: actor)
      try db.execute(
        sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        arguments: [key, value])
    }
  }

  /// What `user` may see and change here. A user the team does not have (a project read without
  /// a team) is a lead of it.
  public func access(for user: String) throws(StoreError) -> TeamAccess {
    try read("read the team") { db in
      let settings = try Row.fetchAll(
        db, sql: "SELECT key, value FROM meta WHERE key = 'blind' OR key LIKE 'blind:%'"
      ).map { row -> (key: String, value: String) in (row[0], (row[1] as String?) ?? "") }
      return TeamAccess.stored(for: user, members: try Self.teamMembers(db), settings: settings)
    }
  }

  /// An SQL condition on annotations `a` that holds for those `access` may see, as
  /// `TeamAccess.maySee` decides: for a blind annotator, their own, and any on a layer not blind.
  static func visibility(_ access: TeamAccess?) -> (sql: String, arguments: StatementArguments) {
    guard let access, access.isRestricted else { return ("1", []) }
    let layers = access.blindLayers.filter { $0.value != access.blindByDefault }.keys.sorted()
    let listed = layers.isEmpty ? "0" : "a.layer IN (\(marks(layers.count)))"
    let open = access.blindByDefault ? listed : "NOT (\(listed))"
    return ("(a.author = ? OR \(open))", StatementArguments([access.user] + layers))
  }

  /// The role of an active member, nil for a name the team does not have.
  static func role(_ db: Database, of user: String) throws -> TeamMember.Role? {
    let role = try String.fetchOne(
      db.cachedStatement(sql: "SELECT role FROM team WHERE folded = ? AND status = 'active'"),
      arguments: [MemberName.fold(user)])
    return role.flatMap(TeamMember.Role.init(rawValue:))
  }

  static func blindKey(_ layer: String?) -> String { TeamAccess.blindKey(layer) }

  /// A stored blind setting; one that does not parse counts as none.
  static func blindSetting(_ db: Database, key: String) throws -> (on: Bool, at: String)? {
    TeamAccess.blindSetting(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]))
  }

  private static func requireLead(_ db: Database, _ actor: String, action: String) throws {
    let members = try teamMembers(db)
    // A project without a team has no lead yet: whoever sets it up is one.
    guard !members.isEmpty else { return }
    guard try role(db, of: actor) == .lead else { throw TeamError.leadsOnly(action: action, user: actor) }
  }

  /// A time later than `earlier`, so a change always wins over the state it changed when merged.
  private static func teamTime(_ db: Database, after earlier: String) throws -> String {
    Timestamp.now(after: max(earlier, try nextEventTime(db)))
  }

  static func teamMembers(_ db: Database) throws -> [TeamMember] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT name, folded, role, status, addedBy, updatedAt FROM team
        ORDER BY role = 'lead' DESC, folded, name
        """
    ).map { row throws(StoreError) in
      let what = "a team member"
      return TeamMember(
        name: try row.checked(0, what), folded: try row.checked(1, what),
        role: try row.checked(2, as: TeamMember.Role.self, what),
        isActive: try row.checked(3, as: Annotation.Status.self, what) == .active,
        addedBy: try row.checked(4, what), updatedAt: try row.checked(5, what))
    }
  }

  static func store(_ db: Database, _ member: TeamMember) throws {
    try db.execute(
      sql: """
        INSERT INTO team (name, folded, role, status, addedBy, updatedAt) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (folded) DO UPDATE SET name = excluded.name, role = excluded.role, status = excluded.status,
          addedBy = excluded.addedBy, updatedAt = excluded.updatedAt
        """,
      arguments: [
        member.name, member.folded, member.role.rawValue, member.isActive ? "active" : "deleted", member.addedBy,
        member.updatedAt,
      ])
  }

  /// The member whose name is fewest edits from `name`, when close enough to be a typo.
  static func closest(to name: MemberName, among names: [String]) -> String? {
    name.closest(among: names)
  }
}
