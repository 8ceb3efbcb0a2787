/// A review decision as the project keeps it: the decision with its identity, time and status.
///
/// The export carries these so that a unit settled in one project stays settled in another;
/// `ReviewDecision` alone is what the review queue needs, without identity or history.
public struct ReviewDecisionRecord: Sendable, Equatable {
  public var uuid: String
  /// The report, layer, unit extent, outcome, adjudicated annotation (by handle) and sources.
  public var decision: ReviewDecision
  public var decidedAt: String
  /// `deleted` once the decision was withdrawn (the unit decided again, or the decision undone).
  public var status: Annotation.Status

  public init(uuid: String, decision: ReviewDecision, decidedAt: String, status: Annotation.Status) {
    self.uuid = uuid
    self.decision = decision
    self.decidedAt = decidedAt
    self.status = status
  }
}
