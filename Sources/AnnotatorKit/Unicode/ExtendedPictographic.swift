/// Membership in the Unicode Extended_Pictographic property (emoji and emoji-like symbols).
enum ExtendedPictographic {
  /// Whether `scalar` is Extended_Pictographic. Only emoji rules need this, so the segmenters
  /// call it lazily rather than once per scalar.
  static func contains(_ scalar: Unicode.Scalar) -> Bool {
    table[scalar.value]
  }

  static let table = BreakPropertyTable(
    ranges: UnicodeBreakTables.extendedPictographic.map { ($0.lower, $0.upper, true) },
    default: false)
}
