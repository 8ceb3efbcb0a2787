/// A reviewer's verdict on one annotation.
public struct Review: Sendable, Equatable {
  /// What a reviewer said about an annotation.
  public enum Verdict: String, Sendable, CaseIterable {
    case accept, reject, fix, approve, flag
  }

  public var id: Int
  public var uuid: String
  public var annotationID: Int
  public var reviewer: String
  public var verdict: Verdict
  public var comment: String?
  public var createdAt: String

  public init(
    id: Int, uuid: String, annotationID: Int, reviewer: String, verdict: Verdict, comment: String?, createdAt: String
  ) {
    self.id = id
    self.uuid = uuid
    self.annotationID = annotationID
    self.reviewer = reviewer
    self.verdict = verdict
    self.comment = comment
    self.createdAt = createdAt
  }
}
