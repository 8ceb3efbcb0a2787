/// The Unicode Grapheme_Cluster_Break property of a scalar (UAX #29, Unicode 15.0).
///
/// Raw values are stable only within one build; don't persist them.
public enum GraphemeBreakProperty: UInt8, Sendable, CaseIterable {
  case other = 0
  case cr
  case lf
  case control
  case extend
  case zwj
  case regionalIndicator
  case prepend
  case spacingMark
  /// Hangul leading consonant jamo.
  case l
  /// Hangul vowel jamo.
  case v
  /// Hangul trailing consonant jamo.
  case t
  /// Precomposed Hangul syllable without a trailing consonant.
  case lv
  /// Precomposed Hangul syllable with a trailing consonant.
  case lvt

  /// The property value of `scalar`.
  public static func of(_ scalar: Unicode.Scalar) -> GraphemeBreakProperty {
    table[scalar.value]
  }

  /// Built once, on first use; segmenters copy it into a local to keep the lazy-global check
  /// out of their loops.
  static let table = BreakPropertyTable(ranges: UnicodeBreakTables.graphemeBreak, default: .other)
}
