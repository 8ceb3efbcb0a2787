import AnnotatorKit

/// A person's decision on a suggested span, remembered so `suggest` never offers it again.
public struct SuggestionDecision: Sendable, Hashable {
  /// Whether the suggestion was taken or turned down.
  public enum Verdict: String, Sendable, CaseIterable {
    case accepted, rejected
  }

  public var reportID: Int
  public var layer: String
  public var label: String
  public var range: TextRange
  public var verdict: Verdict

  public init(reportID: Int, layer: String, label: String, range: TextRange, verdict: Verdict) {
    self.reportID = reportID
    self.layer = layer
    self.label = label
    self.range = range
    self.verdict = verdict
  }
}
