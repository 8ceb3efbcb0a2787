extension ReportText {
  /// The word tokens of every sentence of `string`, in text order: what `sentences` holds,
  /// flattened, for callers that need nothing else from many reports.
  ///
  /// Sentences are cut only where a word segment ends (at line breaks, or after a terminator
  /// that whitespace follows) and lose only whitespace and U+FEFF at their edges, so a token
  /// lies inside a sentence unless it holds one of those. A token holds whitespace only if it
  /// starts with it (a space carrying a combining mark, WB4), so checking each token's first
  /// scalar and the text for U+FEFF tells when the sentences may be skipped; otherwise, rarely,
  /// they are built.
  public static func tokens(of string: String) -> [TextRange] {
    let capacity = string.utf8.count
    let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: capacity) { buffer, count in
      for scalar in string.unicodeScalars {
        buffer[count] = scalar
        count += 1
      }
    }
    return tokens(of: scalars) { ReportText(string).sentences }
  }

  /// The same tokens as `tokens(of:)` for a text already analysed, from its scalars.
  public var tokens: [TextRange] {
    Self.tokens(of: scalars) { sentences }
  }

  private static func tokens(of scalars: [Unicode.Scalar], sentences: () -> [Sentence]) -> [TextRange] {
    let tokens = WordSegmenter.nonWhitespaceRanges(scalars)
    let properties = WordBreakProperty.table
    let sentencesMatter =
      scalars.contains("\u{FEFF}")
      || tokens.contains { WordSegmenter.isWhitespace(scalars[$0.start], properties[scalars[$0.start].value]) }
    return sentencesMatter ? sentences().flatMap(\.tokens) : tokens
  }
}
