import AnnotatorKit

/// One numbered candidate of an annotator's last `suggest`, waiting for `accept` or `reject`.
public struct PendingSuggestion: Sendable {
  /// Its number in the list (from 1), the one `accept N` takes, stable until the next `suggest`.
  public var number: Int
  public var reportID: Int
  public var layer: String
  /// The suggesting plugin: `suggested:PLUGIN@VERSION`.
  public var origin: String
  /// The candidate as the plugin made it; its own `links` are not kept, `linkTargets` are.
  public var suggestion: Suggestion
  /// The text the suggestion covers and where it sits (`#1 s4.3`), taken when it was made.
  public var quote: String
  public var location: String
  /// Numbers of the suggestions this one links to, in the same list.
  public var linkTargets: [(type: String, number: Int)]
  /// What the annotator has done with it, read from their decisions when it is read.
  public var decided: State

  /// Reports one `suggest` analyses and keeps at a time; a batch's candidates are numbered plugin
  /// by plugin, so a command that goes down the list returns to each of them once per plugin.
  package static let reportsPerBatch = 64

  /// Whether a candidate is still open.
  public enum State: Sendable, Equatable {
    case open
    /// Accepted; the handle of the annotation it made, while that annotation stands unchanged.
    case accepted(handle: Int?)
    case rejected
  }

  public init(
    number: Int, reportID: Int, layer: String, origin: String, suggestion: Suggestion, quote: String,
    location: String, linkTargets: [(type: String, number: Int)] = [], decided: State = .open
  ) {
    self.number = number
    self.reportID = reportID
    self.layer = layer
    self.origin = origin
    self.suggestion = suggestion
    self.quote = quote
    self.location = location
    self.linkTargets = linkTargets
    self.decided = decided
  }
}
