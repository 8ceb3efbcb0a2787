import AnnotatorKit

/// The `type` values of a claim, ordered so the most specific cue in a clause decides.
enum ClaimType: String, Sendable, CaseIterable {
  case statistical, causal, comparison, prediction, quote, other

  /// Higher wins when one clause carries several cues: "will rise 15%" is a prediction,
  /// "15 percent more than" a comparison.
  var precedence: Int {
    switch self {
    case .prediction: return 4
    case .causal: return 3
    case .comparison: return 2
    case .statistical: return 1
    case .quote, .other: return 0
    }
  }
}
