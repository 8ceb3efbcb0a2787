/// One token of a report with its folded spelling, the unit every heuristic here works on.
public struct WordToken: Sendable {
  public let range: TextRange
  /// The token after Arabic folding (no tashkeel, unified alef/yeh/teh marbuta, lowercase Latin).
  public let folded: FoldedWord
  /// Index into `ReportText.sentences`.
  public let sentence: Int
  /// A letter or digit run, as opposed to punctuation, symbols or emoji.
  public let isWord: Bool
  /// Starts with an uppercase letter: the only name cue English gives us.
  public let isCapitalised: Bool

  /// Every token of `text`, sentence by sentence, in text order.
  public static func tokens(of text: ReportText) -> [WordToken] { text.wordTokens }

  static func make(of text: ReportText) -> [WordToken] {
    var tokens: [WordToken] = []
    tokens.reserveCapacity(text.count / 5)
    let scalars = text.scalars
    for (index, sentence) in text.sentences.enumerated() {
      for range in sentence.tokens {
        let first = scalars[range.start]
        tokens.append(
          WordToken(
            range: range, folded: FoldedWord(folding: scalars[range.start..<range.end]), sentence: index,
            isWord: ScalarClass.isWord(first), isCapitalised: ScalarClass.isUppercase(first)))
      }
    }
    return tokens
  }
}
