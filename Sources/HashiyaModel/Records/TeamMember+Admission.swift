extension TeamMember {
  /// The member of `members` that `name` declares: a case or NFC variant of their name is
  /// them. Nil only when the team is empty, so its first user may found it; a removed member is
  /// refused, and so is anyone else, with the closest active member's name as a hint.
  package static func admitted(_ name: MemberName, among members: [TeamMember]) throws(TeamError) -> TeamMember? {
    if let member = members.first(where: { $0.folded == name.folded }) {
      guard member.isActive else { throw .removedMember(member.name) }
      return member
    }
    guard members.isEmpty else {
      throw .unknownMember(name.spelling, suggestion: name.closest(among: members.filter(\.isActive).map(\.name)))
    }
    return nil
  }

  /// Refuses to demote or remove `member` when they are the team's last active lead.
  package static func requireAnotherLead(besides member: TeamMember, among members: [TeamMember]) throws(TeamError) {
    guard member.role == .lead, member.isActive, members.filter({ $0.role == .lead && $0.isActive }).count == 1
    else { return }
    throw .lastLead(member.name)
  }
}
