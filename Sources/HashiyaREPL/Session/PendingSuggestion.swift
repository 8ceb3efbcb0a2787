import AnnotatorKit
import HashiyaStore

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

extension PendingSuggestion {
  /// Brings the candidates' states in line with the user's decisions in the project, after an
  /// `undo` or `redo` moved some: an undone accept or reject is open again (and can be accepted
  /// again from the same list), a redone one is settled again with the annotation it restored.
  static func resync(_ pending: inout [PendingSuggestion], store: ProjectStore, user: String) throws {
    guard !pending.isEmpty else { return }
    let reportIDs = Array(Set(pending.map(\.reportID))).sorted()
    var verdicts: [String: SuggestionDecision.Verdict] = [:]
    for decision in try store.suggestionDecisions(reportIDs: reportIDs, author: user) {
      verdicts[SuggestCommand.key(decision.reportID, decision.layer, decision.label, decision.range)] = decision.verdict
    }
    var handles: [String: Int] = [:]
    for annotation in try store.annotations(AnnotationFilter(reportIDs: reportIDs, author: user)) {
      handles[SuggestCommand.key(annotation.reportID, annotation.layer, annotation.label, annotation.range)] =
        annotation.id
    }
    for index in pending.indices {
      let item = pending[index]
      let key = SuggestCommand.key(item.reportID, item.layer, item.suggestion.label, item.suggestion.range)
      switch verdicts[key] {
      case .rejected: pending[index].decided = .rejected
      case .accepted: pending[index].decided = handles[key].map { .accepted(handle: $0) } ?? item.decided
      case nil: pending[index].decided = .open
      }
    }
  }
}
