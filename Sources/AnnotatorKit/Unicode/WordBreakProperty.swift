/// The Unicode Word_Break property of a scalar (UAX #29, Unicode 15.0).
///
/// Arabic letters and the tatweel are `aLetter`; Arabic harakat are `extend`; Arabic-Indic digits
/// are `numeric`. Raw values are stable only within one build; don't persist them.
public enum WordBreakProperty: UInt8, Sendable, CaseIterable {
  case other = 0
  case cr
  case lf
  case newline
  case extend
  case zwj
  case regionalIndicator
  case format
  case katakana
  case hebrewLetter
  case aLetter
  case singleQuote
  case doubleQuote
  case midNumLet
  case midLetter
  case midNum
  case numeric
  case extendNumLet
  case wSegSpace

  /// The property value of `scalar`.
  public static func of(_ scalar: Unicode.Scalar) -> WordBreakProperty {
    table[scalar.value]
  }

  /// Built once, on first use; segmenters copy it into a local to keep the lazy-global check
  /// out of their loops.
  static let table = BreakPropertyTable(ranges: UnicodeBreakTables.wordBreak, default: .other)

  // The groupings below are the macros UAX #29 defines for its rules. They sit on the hot path,
  // hence the forced inlining.

  /// `AHLetter`: letters that form words together.
  @inline(__always) var isAHLetter: Bool {
    switch self {
    case .aLetter, .hebrewLetter: true
    default: false
    }
  }

  /// `MidLetter | MidNumLetQ`: may sit between two letters (WB6, WB7).
  @inline(__always) var isMidLetterQ: Bool {
    switch self {
    case .midLetter, .midNumLet, .singleQuote: true
    default: false
    }
  }

  /// `MidNum | MidNumLetQ`: may sit between two digits (WB11, WB12).
  @inline(__always) var isMidNumQ: Bool {
    switch self {
    case .midNum, .midNumLet, .singleQuote: true
    default: false
    }
  }

  /// Scalars that WB4 attaches to whatever precedes them.
  @inline(__always) var isIgnorable: Bool {
    switch self {
    case .extend, .format, .zwj: true
    default: false
    }
  }

  /// Hard line breaks, which always end a segment (WB3a, WB3b).
  @inline(__always) var isNewline: Bool {
    switch self {
    case .cr, .lf, .newline: true
    default: false
    }
  }
}
