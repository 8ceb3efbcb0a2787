/// Splits Arabic and English report text into sentence ranges measured in Unicode scalars.
public enum SentenceSplitter {
  /// Sentence ranges in `scalars`: trimmed of whitespace, never empty, in order, non-overlapping.
  public static func sentences(in scalars: [Unicode.Scalar]) -> [TextRange] {
    var sentences: [TextRange] = []
    let n = scalars.count
    var start = 0
    var i = 0
    while i < n {
      let c = scalars[i]
      if isLineBreak(c) {
        appendSentence(start..<i, of: scalars, to: &sentences)
        i += c == "\r" && i + 1 < n && scalars[i + 1] == "\n" ? 2 : 1
        start = i
      } else if isTerminator(c) {
        // "?!", "..." and the quotes or brackets closing the sentence all go with it.
        var end = i
        var terminatorCount = 0
        while end < n, isTerminator(scalars[end]) || isCloser(scalars[end]) {
          if isTerminator(scalars[end]) { terminatorCount += 1 }
          end += 1
        }
        // Requiring whitespace afterwards is also what keeps "3.5" and "120.000" whole.
        let followedBySpace = end == n || scalars[end].properties.isWhitespace
        let isLonePeriod = terminatorCount == 1 && c == "."
        if followedBySpace && !(isLonePeriod && isNonTerminalPeriod(at: i, in: scalars)) {
          appendSentence(start..<end, of: scalars, to: &sentences)
          start = end
        }
        i = end
      } else {
        i += 1
      }
    }
    appendSentence(start..<n, of: scalars, to: &sentences)
    return sentences
  }

  /// Convenience for `sentences(in:)` over a string's scalars.
  public static func sentences(in text: String) -> [TextRange] {
    sentences(in: Array(text.unicodeScalars))
  }

  private static func appendSentence(
    _ range: Range<Int>, of scalars: [Unicode.Scalar], to sentences: inout [TextRange]
  ) {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper && isTrimmable(scalars[lower]) { lower += 1 }
    while upper > lower && isTrimmable(scalars[upper - 1]) { upper -= 1 }
    guard lower < upper else { return }

    // A stray closing quote or dash line is not a sentence of its own; keep it with the
    // sentence it trails so that no text is lost.
    if !sentences.isEmpty, scalars[lower..<upper].allSatisfy(isPunctuationOrSpace) {
      sentences[sentences.count - 1].end = upper
    } else {
      sentences.append(TextRange(lower, upper))
    }
  }

  /// Whether the single "." at `index` (already known to be followed by whitespace)
  /// belongs to an initial or an abbreviation rather than ending the sentence.
  private static func isNonTerminalPeriod(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
    guard index > 0 else { return false }
    let previous = scalars[index - 1]
    if previous.properties.isUppercase && previous.properties.isAlphabetic
      && (index == 1 || !isWordScalar(scalars[index - 2]))
    {
      return true
    }

    var tokenStart = index
    while tokenStart > 0, scalars[tokenStart - 1] == "." || isWordScalar(scalars[tokenStart - 1]) {
      tokenStart -= 1
    }
    while tokenStart < index && scalars[tokenStart] == "." { tokenStart += 1 }
    let token = scalars[tokenStart..<index]
    guard !token.isEmpty, token.count <= longestAbbreviation, token.allSatisfy(\.isASCII) else {
      return false
    }
    var lowered = String.UnicodeScalarView()
    for s in token { lowered.append(ArabicFolding.fold(s) ?? s) }
    let word = String(lowered)
    if word == "no" {
      // "No. 5" is an abbreviation, but "He said no." ends a sentence.
      return nextNonSpace(after: index, in: scalars)?.properties.numericType != nil
    }
    return abbreviations.contains(word)
  }

  private static func nextNonSpace(
    after index: Int, in scalars: [Unicode.Scalar]
  ) -> Unicode.Scalar? {
    scalars[(index + 1)...].first { !$0.properties.isWhitespace }
  }

  private static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt",
    "vs", "etc", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  ]
  private static let longestAbbreviation = 4

  private static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x0A, 0x0D, 0x2028, 0x2029: return true
    default: return false
    }
  }

  private static func isTerminator(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case ".", "!", "?", "\u{061F}", "\u{2026}", "\u{06D4}": return true
    default: return false
    }
  }

  private static func isCloser(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "\u{201D}", "\u{2019}", "\u{00BB}", "\"", "'", ")", "]", "\u{203A}": return true
    default: return false
    }
  }

  /// A byte-order mark at the start of an imported file is invisible and should not
  /// become the first scalar of the first sentence.
  private static func isTrimmable(_ s: Unicode.Scalar) -> Bool {
    s.properties.isWhitespace || s == "\u{FEFF}"
  }

  private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
    s.properties.isAlphabetic || s.properties.numericType != nil
  }

  private static func isPunctuationOrSpace(_ s: Unicode.Scalar) -> Bool {
    switch s.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default:
      return isTrimmable(s)
    }
  }
}
