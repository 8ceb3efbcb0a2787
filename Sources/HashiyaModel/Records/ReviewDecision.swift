import AnnotatorKit

/// How a reviewer settled one unit of disagreement.
public struct ReviewDecision: Sendable, Equatable {
  /// What the reviewer decided.
  public enum Outcome: String, Sendable, CaseIterable {
    /// One version (or the unanimous one) became the gold annotation.
    case accepted
    /// No annotation belongs here; the unit is settled empty.
    case rejected
    /// A version was changed, then became the gold annotation.
    case edited
  }

  public var reportID: Int
  public var layer: String
  /// The unit's extent: the union of the candidates' ranges.
  public var range: TextRange
  public var outcome: Outcome
  /// The adjudicated annotation, unless rejected.
  public var annotationID: Int?
  /// UUIDs of the candidate annotations the decision was about.
  public var sources: [String]
  public var comment: String?
  public var reviewer: String

  public init(
    reportID: Int, layer: String, range: TextRange, outcome: Outcome, annotationID: Int?, sources: [String],
    comment: String?, reviewer: String
  ) {
    self.reportID = reportID
    self.layer = layer
    self.range = range
    self.outcome = outcome
    self.annotationID = annotationID
    self.sources = sources
    self.comment = comment
    self.reviewer = reviewer
  }
}
