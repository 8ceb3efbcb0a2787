import Testing

@testable import AnnotatorKit

@Suite struct BreakPropertyTableTests {
  @Test func tablesAreGeneratedFromTheUnicodeVersionTheRulesImplement() {
    // The segmenters hard-code the 15.0 rules; a regenerated table needs the rules revisited.
    #expect(UnicodeBreakTables.unicodeVersion == "15.0.0")
  }

  @Test func graphemeBreakValues() {
    #expect(GraphemeBreakProperty.of("a") == .other)
    #expect(GraphemeBreakProperty.of("\r") == .cr)
    #expect(GraphemeBreakProperty.of("\u{064E}") == .extend)  // ARABIC FATHA
    #expect(GraphemeBreakProperty.of("\u{0600}") == .prepend)  // ARABIC NUMBER SIGN
    #expect(GraphemeBreakProperty.of("\u{200D}") == .zwj)
    #expect(GraphemeBreakProperty.of("\u{1F1F8}") == .regionalIndicator)
    #expect(GraphemeBreakProperty.of("\u{AC00}") == .lv)
    #expect(GraphemeBreakProperty.of("\u{AC01}") == .lvt)
    #expect(GraphemeBreakProperty.of("\u{10FFFF}") == .other)
  }

  @Test func wordBreakValues() {
    #expect(WordBreakProperty.of("ب") == .aLetter)
    #expect(WordBreakProperty.of("ـ") == .aLetter)  // tatweel
    #expect(WordBreakProperty.of("\u{064B}") == .extend)  // ARABIC FATHATAN
    #expect(WordBreakProperty.of("٠") == .numeric)
    #expect(WordBreakProperty.of("،") == .midNum)
    #expect(WordBreakProperty.of(" ") == .wSegSpace)
    #expect(WordBreakProperty.of("'") == .singleQuote)
    #expect(WordBreakProperty.of("\u{FEFF}") == .format)
    #expect(WordBreakProperty.of("\u{FE8D}") == .aLetter)  // presentation form, binary-search path
  }

  @Test func extendedPictographic() {
    #expect(ExtendedPictographic.contains("\u{00A9}"))
    #expect(ExtendedPictographic.contains("\u{1F600}"))
    #expect(!ExtendedPictographic.contains("a"))
    #expect(!ExtendedPictographic.contains("\u{1F3FD}"))  // skin tone modifiers are Extend instead
  }

  @Test func graphemeLookupMatchesGeneratedRanges() {
    expectLookups(GraphemeBreakProperty.table, match: UnicodeBreakTables.graphemeBreak, default: .other)
  }

  @Test func wordLookupMatchesGeneratedRanges() {
    expectLookups(WordBreakProperty.table, match: UnicodeBreakTables.wordBreak, default: .other)
  }

  @Test func pictographicLookupMatchesGeneratedRanges() {
    expectLookups(
      ExtendedPictographic.table,
      match: UnicodeBreakTables.extendedPictographic.map { ($0.lower, $0.upper, true) },
      default: false)
  }

  /// Checks both lookup paths for every code point against a straightforward walk of the ranges.
  private func expectLookups<Value: Equatable>(
    _ table: BreakPropertyTable<Value>,
    match ranges: [(lower: UInt32, upper: UInt32, value: Value)],
    default defaultValue: Value
  ) {
    #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.lower <= $0.upper && $0.upper < $1.lower })
    var rangeIndex = 0
    var firstMismatch: UInt32?
    for codePoint in UInt32(0)...0x10FFFF {
      while rangeIndex < ranges.count && ranges[rangeIndex].upper < codePoint { rangeIndex += 1 }
      let expected =
        rangeIndex < ranges.count && ranges[rangeIndex].lower <= codePoint
        ? ranges[rangeIndex].value : defaultValue
      if table[codePoint] != expected || table.searchedValue(codePoint) != expected {
        firstMismatch = codePoint
        break
      }
    }
    #expect(firstMismatch == nil, "lookup differs from the ranges at U+\(String(firstMismatch ?? 0, radix: 16))")
  }
}
