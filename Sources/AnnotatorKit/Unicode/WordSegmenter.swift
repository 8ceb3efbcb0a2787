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
}
