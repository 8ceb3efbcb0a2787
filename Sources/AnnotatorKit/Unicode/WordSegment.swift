/// A stretch of text between two adjacent word boundaries, with a coarse classification.
public struct WordSegment: Hashable, Sendable {
  /// What a segment holds. The cases are checked in the order declared; the first match wins,
  /// so "١٢٠,٠٠٠" is a `.word` although it contains a comma.
  public enum Kind: Hashable, Sendable {
    /// Contains a letter or digit: Word_Break ALetter (all Arabic letters and the tatweel),
    /// Hebrew_Letter, Numeric (ASCII and Arabic-Indic digits) or Katakana, or another scalar of
    /// general category L or N (ideographs, Hiragana, Thai…). Underscore-joined words such as
    /// `foo_bar` qualify through their letters; a lone "_" does not.
    case word
    /// Only White_Space scalars: spaces, tabs, newlines, including "\r\n".
    case whitespace
    /// Extended_Pictographic scalars (emoji and ZWJ sequences, but also © and ®) or regional
    /// indicators (flags).
    case emoji
    /// Contains punctuation (general category P): ".", "،", "؟", "«", "_"…
    case punctuation
    /// Contains a symbol (general category S): "+", "$", "°"…
    case symbol
    /// Anything else: control characters, combining marks without a base, format characters,
    /// unassigned code points.
    case other
  }

  public var range: TextRange
  public var kind: Kind

  public init(range: TextRange, kind: Kind) {
    self.range = range
    self.kind = kind
  }
}

extension WordSegment.Kind {
  /// Classifies the scalars of one segment.
  init(classifying scalars: UnsafeBufferPointer<Unicode.Scalar>) {
    var onlyWhitespace = true
    var hasEmoji = false
    var hasPunctuation = false
    var hasSymbol = false
    let wordBreak = WordBreakProperty.table
    for scalar in scalars {
      // The Word_Break property answers the common cases without general-category lookups.
      switch wordBreak[scalar.value] {
      case .aLetter, .hebrewLetter, .numeric, .katakana:
        self = .word
        return
      case .cr, .lf, .newline, .wSegSpace:
        continue
      case .regionalIndicator:
        onlyWhitespace = false
        hasEmoji = true
        continue
      default:
        break
      }
      let properties = scalar.properties
      if properties.isWhitespace { continue }  // tab and no-break space are Word_Break Other
      onlyWhitespace = false
      if ExtendedPictographic.contains(scalar) {
        hasEmoji = true
        continue
      }
      switch properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber:
        self = .word
        return
      case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
        .initialPunctuation, .finalPunctuation, .otherPunctuation:
        hasPunctuation = true
      case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
        hasSymbol = true
      default:
        break
      }
    }
    if onlyWhitespace {
      self = .whitespace
    } else if hasEmoji {
      self = .emoji
    } else if hasPunctuation {
      self = .punctuation
    } else if hasSymbol {
      self = .symbol
    } else {
      self = .other
    }
  }
}
