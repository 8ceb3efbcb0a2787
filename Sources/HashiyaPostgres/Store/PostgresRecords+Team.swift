import HashiyaModel

/// The team's records, read from rows in the schema's column order.
extension PostgresRecords {
  /// The columns `teamMember` reads, in its order.
  static let teamColumns = "name, folded, role, status, addedBy, updatedAt"

  /// A member from a row of `teamColumns`.
  static func teamMember(_ row: PostgresRow) throws(StoreError) -> TeamMember {
    let what = "a team member"
    return TeamMember(
      name: try row.text(0, what), folded: try row.text(1, what),
      role: try row.value(2, as: TeamMember.Role.self, what),
      isActive: try row.value(3, as: Annotation.Status.self, what) == .active, addedBy: try row.text(4, what),
      updatedAt: try row.text(5, what))
  }

  /// An assignment from a `SELECT *` row of `assignments`.
  static func assignment(_ row: PostgresRow) throws(StoreError) -> Assignment {
    let reportID = try row.int(0, "an assignment")
    let what = "an assignment on report #\(reportID)"
    return Assignment(
      reportID: reportID, layer: try row.text(1, what), annotator: try row.text(2, what),
      assignedBy: try row.text(3, what), assignedAt: try row.text(4, what), doneAt: row.optionalText(5))
  }
}
