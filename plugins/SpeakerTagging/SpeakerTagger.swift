import AnnotatorKit

/// The built-in `speaker-tagging` annotator: who speaks in a report, and which quotes are theirs.
///
/// Suggestions come from reporting verbs (قال، أكد، مشيراً… / said, told, according to), quotation
/// marks and name shapes; they are candidates for a person to accept, never final annotations.
public struct SpeakerTagger: Annotator {
  public let id = "speaker-tagging"
  public let version = "1.0.0"

  public init() {}

  public var schema: LayerSchema { Self.layerSchema }
  public var commands: [AnnotatorCommand] { Self.layerCommands }

  /// Speaker suggestions first (in text order), then quotes, whose `said-by` links point back
  /// into the speaker part of the same result.
  public func suggest(_ report: ReportInput) throws -> [Suggestion] {
    let text = report.text
    let tokens = WordToken.tokens(of: text)
    guard !tokens.isEmpty else { return [] }
    let pairs = QuotePair.pairs(in: text.scalars)
    let pairsByOpen = Dictionary(uniqueKeysWithValues: pairs.map { ($0.open, $0) })
    var tokenAt: [Int: Int] = [:]
    tokenAt.reserveCapacity(tokens.count)
    for (index, token) in tokens.enumerated() { tokenAt[token.range.start] = index }
    // Classified once: the clause and role scans ask about the same tokens many times.
    let verbAt = tokens.indices.map { ReportingVerb.at($0, in: tokens) }
    let verbs = verbAt.compactMap { $0 }.filter {
      !$0.isAmbiguous || Self.confirmsAmbiguous($0, tokens: tokens, pairsByOpen: pairsByOpen)
    }

    let (mentions, nameQuotes) = SpeakerFinder(
      text: text, tokens: tokens, verbs: verbs, verbAt: verbAt, pairsByOpen: pairsByOpen, tokenAt: tokenAt
    ).find()
    let quotes = QuoteFinder(
      text: text, tokens: tokens, verbs: verbs, verbAt: verbAt, pairs: pairs, nameQuotes: nameQuotes,
      mentions: mentions,
      tokenAt: tokenAt, pairsByOpen: pairsByOpen
    ).find()

    var suggestions = mentions.map { mention in
      var attributes: [String: JSONValue] = ["name": .string(mention.name)]
      if let role = mention.role { attributes["role"] = .string(role) }
      if let affiliation = mention.affiliation { attributes["affiliation"] = .string(affiliation) }
      return Suggestion(
        label: "speaker", range: mention.range, attributes: attributes, score: mention.score,
        explanation: mention.explanation)
    }
    for quote in quotes {
      suggestions.append(
        Suggestion(
          label: "quote", range: quote.range, attributes: ["mode": .string(quote.mode.rawValue)], score: quote.score,
          explanation: quote.explanation,
          links: quote.speaker.map { [Suggestion.Link(type: "said-by", target: $0)] } ?? []))
    }
    return suggestions
  }

  /// A speaker name is a name, not a sentence: quote marks or line breaks inside one are a slip.
  public func validate(_ annotation: AnnotationDraft, in text: ReportText) -> [String] {
    guard annotation.label == "speaker", annotation.range.end <= text.count, !annotation.range.isEmpty else {
      return []
    }
    let covered = text.scalars[annotation.range.start..<annotation.range.end]
    var problems: [String] = []
    if covered.contains(where: { Self.quoteMarks.contains($0) }) {
      problems.append("a speaker span should cover the name without its quotation marks")
    }
    if covered.contains(where: { $0 == "\n" || $0 == "\r" }) {
      problems.append("a speaker span should not run across a line break")
    }
    return problems
  }

  /// بين also means "between", ذكر "male": they count as reporting verbs only when a
  /// complementizer or a quotation comes straight after.
  private static func confirmsAmbiguous(_ verb: ReportingVerb, tokens: [WordToken], pairsByOpen: [Int: QuotePair])
    -> Bool
  {
    let sentence = tokens[verb.token].sentence
    for index in (verb.token + 1)..<min(tokens.count, verb.token + 3) where tokens[index].sentence == sentence {
      if ReportingVerb.complementizer(tokens[index].folded).matched || pairsByOpen[tokens[index].range.start] != nil {
        return true
      }
      if tokens[index].isWord, tokens[index].folded != Self.toward { return false }
    }
    return false
  }

  /// إلى as it folds, made once rather than at each comparison.
  private static let toward: FoldedWord = "الي"

  private static let quoteMarks: Set<Unicode.Scalar> = [
    "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}", "\"", "\u{201E}",
  ]
}
