import AnnotatorKit

/// The built-in `claim-labeling` annotator: check-worthy claims, typed and rated for fact-checkers.
///
/// A clause becomes a candidate claim when it carries a quantity (digits, Arabic or English number
/// words and scales) or a comparative, causal or predictive cue. A claim never spans two sentences.
public struct ClaimLabeler: Annotator {
  public let id = "claim-labeling"
  public let version = "1.0.0"

  public init() {}

  public var schema: LayerSchema { Self.layerSchema }
  public var commands: [AnnotatorCommand] { Self.layerCommands }

  public func suggest(_ report: ReportInput) throws -> [Suggestion] {
    let text = report.text
    let tokens = WordToken.tokens(of: text)
    var suggestions: [Suggestion] = []
    var sentenceStart = 0
    while sentenceStart < tokens.count {
      var sentenceEnd = sentenceStart
      while sentenceEnd < tokens.count, tokens[sentenceEnd].sentence == tokens[sentenceStart].sentence {
        sentenceEnd += 1
      }
      for clause in ClauseSplitter.clauses(in: sentenceStart..<sentenceEnd, tokens: tokens) {
        let cues = ClaimCue.cues(in: clause, tokens: tokens)
        if let suggestion = Self.claim(clause, cues: cues, tokens: tokens, text: text) {
          suggestions.append(suggestion)
        }
      }
      sentenceStart = sentenceEnd
    }
    return suggestions
  }

  /// A claim must stay inside one sentence; the schema cannot say so, the text can.
  public func validate(_ annotation: AnnotationDraft, in text: ReportText) -> [String] {
    guard annotation.label == "claim", !annotation.range.isEmpty, annotation.range.end <= text.count else { return [] }
    // Sentence numbers count from 1; the ranges alone spare the word segmentation per report.
    let sentences = text.sentenceRanges
    let touched = sentences.indices.filter { sentences[$0].overlaps(annotation.range) }
    if let first = touched.first, let last = touched.last, first != last {
      return ["a claim should not span more than one sentence (it touches s\(first + 1)–s\(last + 1))"]
    }
    return []
  }

  private static func claim(_ clause: ClosedRange<Int>, cues: [ClaimCue], tokens: [WordToken], text: ReportText)
    -> Suggestion?
  {
    guard let decisive = cues.max(by: { $0.type.precedence < $1.type.precedence }) else { return nil }
    let type = decisive.type
    let quantity = cues.first { $0.type == .statistical }
    let worth = checkworthiness(type, quantity: quantity)
    let kinds = Set(cues.map(\.type)).count
    let described = cues.prefix(3).map { cue in
      let phrase = text.substring(
        TextRange(tokens[cue.tokens.lowerBound].range.start, tokens[cue.tokens.upperBound].range.end))
      return "\(cue.type == .statistical ? "quantity" : cue.type.rawValue) \"\(phrase)\""
    }
    return Suggestion(
      label: "claim", range: TextRange(tokens[clause.lowerBound].range.start, tokens[clause.upperBound].range.end),
      attributes: ["type": .string(type.rawValue), "checkworthiness": .int(worth), "verdict": "unverified"],
      score: min(0.9, 0.55 + 0.1 * Double(kinds) + (quantity?.isScaled == true ? 0.1 : 0)),
      explanation: described.joined(separator: ", "))
  }

  /// A guess for the triage queue: scaled figures ("120 ألف", "$12.5 million") are what
  /// fact-checkers chase first; a bare prediction least.
  private static func checkworthiness(_ type: ClaimType, quantity: ClaimCue?) -> Int {
    switch type {
    case .statistical: return quantity?.isScaled == true ? 4 : (quantity?.hasDigits == true ? 3 : 2)
    case .comparison, .causal: return quantity == nil ? 3 : 4
    case .prediction: return quantity == nil ? 2 : 3
    case .quote, .other: return 2
    }
  }
}
