import AnnotatorKit

/// A decision on a suggested span as the project keeps it, with who made it, when and on what
/// plugin's suggestion: what export writes so a rejected candidate is not offered again elsewhere.
public struct SuggestionDecisionRecord: Sendable, Equatable {
  public var layer: String
  public var label: String
  public var range: TextRange
  public var verdict: SuggestionDecision.Verdict
  /// The suggesting plugin: `suggested:PLUGIN@VERSION`.
  public var origin: String
  public var author: String
  public var decidedAt: String

  public init(
    layer: String, label: String, range: TextRange, verdict: SuggestionDecision.Verdict, origin: String,
    author: String, decidedAt: String
  ) {
    self.layer = layer
    self.label = label
    self.range = range
    self.verdict = verdict
    self.origin = origin
    self.author = author
    self.decidedAt = decidedAt
  }
}
