import AnnotatorKit
import HashiyaModel

/// The team and its assignments on a server: not kept there yet.
extension PostgresProjectStore {
  private func unsupported(_ what: String) -> StoreError { .unsupported(what: what, path: path) }

  public func teamMembers(includingRemoved: Bool) throws(StoreError) -> [TeamMember] { throw unsupported("teams") }
  public func admit(_ declared: String) throws -> TeamMember { throw unsupported("teams") }
  @discardableResult
  public func setMember(_ declared: String, role: TeamMember.Role, by actor: String) throws -> TeamMember {
    throw unsupported("teams")
  }
  @discardableResult
  public func removeMember(_ declared: String, by actor: String) throws -> TeamMember { throw unsupported("teams") }
  public func setBlind(_ on: Bool, layer: String?, by actor: String) throws { throw unsupported("teams") }
  public func access(for user: String) throws(StoreError) -> TeamAccess { TeamAccess.lead(user) }

  @discardableResult
  public func assign(
    _ plan: [(reportID: Int, annotators: [String])], layer: String, by author: String, record: JSONObject
  ) throws -> Int { throw unsupported("assignments") }
  @discardableResult
  public func clearAssignments(reportIDs: [Int], layer: String?, by author: String) throws -> Int {
    throw unsupported("assignments")
  }
  public func assignments(reportIDs: [Int]?, annotator: String?) throws(StoreError) -> [Assignment] { [] }
  public func assignmentLoads(layer: String) throws(StoreError) -> [String: Int] { [:] }
  public func assignedReportIDs(layer: String) throws(StoreError) -> Set<Int> { [] }
  public func assignedReports(to annotator: String, layer: String?, openOnly: Bool) throws(StoreError) -> [Int] {
    []
  }
  @discardableResult
  public func setDone(_ done: Bool, reportID: Int, annotator: String, layer: String?) throws -> Int {
    throw unsupported("assignments")
  }
}
