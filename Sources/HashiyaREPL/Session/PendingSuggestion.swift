import AnnotatorKit

/// One numbered candidate of the last `suggest`, waiting for `accept` or `reject`.
public struct PendingSuggestion: Sendable {
  public var reportID: Int
  public var layer: String
  public var origin: String
  public var suggestion: Suggestion
  /// The text the suggestion covers and where it sits (`#1 s4.3`), taken when it was made.
  public var quote: String
  public var location: String
  /// Numbers (1-based, in the pending list) of the suggestions this one links to.
  public var linkTargets: [(type: String, number: Int)]
  public var decided: SuggestionState = .open

  /// Whether a candidate is still open.
  public enum SuggestionState: Sendable, Equatable {
    case open
    case accepted(handle: Int)
    case rejected
  }
}
