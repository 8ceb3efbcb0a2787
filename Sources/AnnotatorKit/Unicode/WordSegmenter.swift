/// Finds word boundaries per UAX #29 (Unicode 15.0) and splits text into classified segments.
///
/// Implements rules WB1–WB999 of Unicode 15.0 exactly, so results match the 15.0
/// `WordBreakTest.txt`. Offsets are in Unicode scalars, the unit `TextRange` uses. Like any
/// UAX #29 word segmentation, every scalar lands in some segment: "قسد SDF" yields the word
/// "قسد", a space, and the word "SDF"; harakat and tatweel stay inside their Arabic word.
public enum WordSegmenter {
  /// Every word boundary in `scalars`, ascending, including `0` and `scalars.count`.
  /// Empty input yields `[0]`.
  public static func boundaries(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [Int] {
    var boundaries = [0]
    guard !scalars.isEmpty else { return boundaries }
    // Prose has a boundary every two to three scalars (word, space, word…), so this rarely
    // has to grow.
    boundaries.reserveCapacity(scalars.count / 2 + 2)

    var scanner = WordBoundaryScanner(scalars)
    for index in 1..<scalars.count where scanner.advance(to: index) {
      boundaries.append(index)
    }
    boundaries.append(scalars.count)
    return boundaries
  }

  /// Convenience for callers holding an array.
  public static func boundaries(_ scalars: [Unicode.Scalar]) -> [Int] {
    scalars.withUnsafeBufferPointer { boundaries($0) }
  }

  /// The text between consecutive word boundaries, each classified (see `WordSegment.Kind`).
  /// Segments are contiguous and cover all of `scalars`; empty input yields no segments.
  public static func segments(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [WordSegment] {
    let boundaries = boundaries(scalars)
    var segments: [WordSegment] = []
    segments.reserveCapacity(boundaries.count - 1)
    for (start, end) in zip(boundaries, boundaries.dropFirst()) {
      let kind = WordSegment.Kind(classifying: UnsafeBufferPointer(rebasing: scalars[start..<end]))
      segments.append(WordSegment(range: TextRange(start, end), kind: kind))
    }
    return segments
  }

  /// Convenience for callers holding an array.
  public static func segments(_ scalars: [Unicode.Scalar]) -> [WordSegment] {
    scalars.withUnsafeBufferPointer { segments($0) }
  }

  /// The ranges of the segments `segments` would not classify as `.whitespace` (words,
  /// punctuation, symbols, emoji…), in order: a text's tokens, in one pass and without
  /// classifying anything beyond whitespace.
  public static func nonWhitespaceRanges(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [TextRange] {
    var ranges: [TextRange] = []
    guard !scalars.isEmpty else { return ranges }
    // Roughly every other segment of prose is a word; the rest are the spaces between.
    ranges.reserveCapacity(scalars.count / 4 + 1)
    let properties = WordBreakProperty.table
    var scanner = WordBoundaryScanner(scalars)
    var start = 0
    // Whether every scalar of the segment so far is whitespace; once false it stays so until
    // the next boundary, so the check runs on few scalars besides the first of each segment.
    var blank = isWhitespace(scalars[0], properties[scalars[0].value])
    var index = 1
    while index < scalars.count {
      if scanner.advance(to: index) {
        if !blank { ranges.append(TextRange(start, index)) }
        start = index
        blank = true
      }
      if blank { blank = isWhitespace(scalars[index], properties[scalars[index].value]) }
      // Letters are never whitespace, so skipping them leaves `blank` as it is.
      index = scanner.skipLetters(from: index + 1)
    }
    if !blank { ranges.append(TextRange(start, scalars.count)) }
    return ranges
  }

  /// Convenience for callers holding an array.
  public static func nonWhitespaceRanges(_ scalars: [Unicode.Scalar]) -> [TextRange] {
    scalars.withUnsafeBufferPointer { nonWhitespaceRanges($0) }
  }

  /// Whether `scalar` is White_Space, answered from its Word_Break property where that decides:
  /// every White_Space scalar is CR, LF, Newline, WSegSpace or Other, and only the last needs
  /// the slower general lookup (tab, no-break spaces).
  @inline(__always)
  static func isWhitespace(_ scalar: Unicode.Scalar, _ property: WordBreakProperty) -> Bool {
    switch property {
    case .cr, .lf, .newline, .wSegSpace: true
    case .other: scalar.properties.isWhitespace
    default: false
    }
  }
}
