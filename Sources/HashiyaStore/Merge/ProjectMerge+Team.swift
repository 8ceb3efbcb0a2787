import GRDB
import HashiyaModel

extension ProjectMerge {
  /// Brings in the other file's team and blind settings as a lattice: per folded name (per
  /// setting), the row changed later wins, a tie going to the lead role, then to the smaller
  /// name. The result depends only on the two rows, so merges in any order agree, and a removal
  /// (a tombstone) travels like any other change.
  static func mergeTeam(into db: Database, from their: Database) throws {
    // A file from before teams has none to bring.
    guard try their.tableExists("team") else { return }
    for member in try ProjectStore.teamMembers(their) {
      let ours = try ProjectStore.teamMembers(db).first { $0.folded == member.folded }
      if let ours, !wins(member, over: ours) { continue }
      try ProjectStore.store(db, member)
    }
    let keys = try String.fetchAll(their, sql: "SELECT key FROM meta WHERE key = 'blind' OR key LIKE 'blind:%'")
    for key in keys {
      guard let theirs = try String.fetchOne(their, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]),
        let setting = try ProjectStore.blindSetting(their, key: key)
      else { continue }
      let ours = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
      if let ours, let mine = try ProjectStore.blindSetting(db, key: key),
        (mine.at, ours) >= (setting.at, theirs)
      {
        continue
      }
      try db.execute(
        sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        arguments: [key, theirs])
    }
  }

  /// Whether `theirs` replaces `ours`: the later change, then the lead, then the smaller name,
  /// then the remaining fields, so that two different rows never tie.
  private static func wins(_ theirs: TeamMember, over ours: TeamMember) -> Bool {
    func key(_ m: TeamMember) -> (String, Int, String, Int, String) {
      (m.updatedAt, m.role == .lead ? 1 : 0, m.name, m.isActive ? 0 : 1, m.addedBy)
    }
    let a = key(theirs)
    let b = key(ours)
    if a.0 != b.0 { return a.0 > b.0 }
    if a.1 != b.1 { return a.1 > b.1 }
    if a.2 != b.2 { return a.2 < b.2 }
    if a.3 != b.3 { return a.3 > b.3 }
    return a.4 < b.4
  }
}
