/// One member of a project's team: their name, role, and whether they were removed.
public struct TeamMember: Sendable, Equatable {
  /// What a member may do: annotators annotate; leads also manage the team and review.
  public enum Role: String, Sendable, CaseIterable {
    case annotator, lead
  }

  /// The stored spelling (NFC), as `--user` resolves to it.
  public var name: String
  /// The case-folded name every spelling is compared by.
  public var folded: String
  public var role: Role
  /// False once a lead removed them: the row stays as a tombstone, and their work stays theirs.
  public var isActive: Bool
  public var addedBy: String
  public var updatedAt: String

  public init(name: String, folded: String, role: Role, isActive: Bool, addedBy: String, updatedAt: String) {
    self.name = name
    self.folded = folded
    self.role = role
    self.isActive = isActive
    self.addedBy = addedBy
    self.updatedAt = updatedAt
  }
}
