import AnnotatorKit

/// A proposed quote span and, if one is plausible, the speaker mention it is attributed to.
struct QuoteCandidate: Sendable {
  enum Mode: String, Sendable {
    case direct, indirect
  }

  var range: TextRange
  var mode: Mode
  var score: Double
  var explanation: String
  /// Index into the speaker mentions.
  var speaker: Int?
}
