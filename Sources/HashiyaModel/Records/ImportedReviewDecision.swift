import AnnotatorKit

/// A review decision as a file states it, naming annotations by their keys in the same report.
public struct ImportedReviewDecision: Sendable {
  public var uuid: String
  public var layer: String
  /// The unit's extent.
  public var range: TextRange
  public var outcome: ReviewDecision.Outcome
  /// The key of the adjudicated annotation, unless the unit was rejected.
  public var annotation: String?
  /// UUIDs of the candidate annotations the decision was about, kept as given.
  public var sources: [String]
  public var comment: String?
  public var reviewer: String
  public var decidedAt: String
  public var status: Annotation.Status
  /// Where in the file, for messages: `team.jsonl:3 review decision 2`.
  public var location: String

  public init(
    uuid: String, layer: String, range: TextRange, outcome: ReviewDecision.Outcome, annotation: String?,
    sources: [String], comment: String?, reviewer: String, decidedAt: String, status: Annotation.Status,
    location: String
  ) {
    self.uuid = uuid
    self.layer = layer
    self.range = range
    self.outcome = outcome
    self.annotation = annotation
    self.sources = sources
    self.comment = comment
    self.reviewer = reviewer
    self.decidedAt = decidedAt
    self.status = status
    self.location = location
  }
}
