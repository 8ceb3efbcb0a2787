/// Finds extended grapheme cluster boundaries (user-perceived characters) per UAX #29, Unicode 15.0.
///
/// Implements rules GB1–GB999 of Unicode 15.0 exactly, deliberately without the GB9c (Indic
/// conjunct) rule added in 15.1, so results match the 15.0 `GraphemeBreakTest.txt`. Offsets are
/// in Unicode scalars, the unit `TextRange` uses. An Arabic letter and its harakat (e.g. "نّ")
/// form a single cluster.
public enum GraphemeSegmenter {
  /// Every grapheme cluster boundary in `scalars`, ascending, including `0` and `scalars.count`.
  /// Empty input yields `[0]`.
  public static func boundaries(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) -> [Int] {
    var boundaries = [0]
    guard !scalars.isEmpty else { return boundaries }
    // Exact upper bound; over-allocating beats regrowing on the hot path.
    boundaries.reserveCapacity(scalars.count + 1)

    let properties = GraphemeBreakProperty.table
    var previous = properties[scalars[0].value]
    // Length of the run of regional indicators ending at `previous`; GB12/GB13 pair them up.
    var regionalIndicatorRun = previous == .regionalIndicator ? 1 : 0

    for index in 1..<scalars.count {
      let current = properties[scalars[index].value]
      if isBoundary(
        between: previous, and: current, at: index, in: scalars,
        regionalIndicatorRun: regionalIndicatorRun)
      {
        boundaries.append(index)
      }
      regionalIndicatorRun = current == .regionalIndicator ? regionalIndicatorRun + 1 : 0
      previous = current
    }
    boundaries.append(scalars.count)
    return boundaries
  }

  /// Convenience for callers holding an array.
  public static func boundaries(_ scalars: [Unicode.Scalar]) -> [Int] {
    scalars.withUnsafeBufferPointer { boundaries($0) }
  }

  /// Whether `offset` (0...count) is a grapheme cluster boundary of `scalars`: the same answer as
  /// `boundaries(scalars).contains(offset)`, decided from the scalars around `offset`.
  ///
  /// For callers that ask about a few offsets of a long text, such as an export cutting quote
  /// contexts. Only GB11 and GB12/GB13 look further back than one scalar, and only as far as the
  /// run of Extend or regional indicators before `offset`. Offsets outside the text are not.
  public static func isBoundary(at offset: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>) -> Bool {
    guard offset > 0, offset < scalars.count else { return offset == 0 || offset == scalars.count }  // GB1, GB2
    let properties = GraphemeBreakProperty.table
    let previous = properties[scalars[offset - 1].value]
    var regionalIndicatorRun = 0
    if previous == .regionalIndicator {
      var index = offset - 1
      while index >= 0, properties[scalars[index].value] == .regionalIndicator {
        regionalIndicatorRun += 1
        index -= 1
      }
    }
    return isBoundary(
      between: previous, and: properties[scalars[offset].value], at: offset, in: scalars,
      regionalIndicatorRun: regionalIndicatorRun)
  }

  /// Applies GB3–GB999 to the position between `scalars[index - 1]` and `scalars[index]`.
  @inline(__always)
  private static func isBoundary(
    between previous: GraphemeBreakProperty, and current: GraphemeBreakProperty,
    at index: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>,
    regionalIndicatorRun: Int
  ) -> Bool {
    // The first matching rule decides, so the order of the cases matters.
    switch (previous, current) {
    case (.cr, .lf): return false  // GB3
    case (.control, _), (.cr, _), (.lf, _): return true  // GB4
    case (_, .control), (_, .cr), (_, .lf): return true  // GB5
    case (.l, .l), (.l, .v), (.l, .lv), (.l, .lvt): return false  // GB6
    case (.lv, .v), (.lv, .t), (.v, .v), (.v, .t): return false  // GB7
    case (.lvt, .t), (.t, .t): return false  // GB8
    case (_, .extend), (_, .zwj): return false  // GB9
    case (_, .spacingMark): return false  // GB9a
    case (.prepend, _): return false  // GB9b
    case (.zwj, _):
      // GB11; checked only after a ZWJ so ordinary text never pays for the emoji lookup.
      let continuesEmoji =
        ExtendedPictographic.contains(scalars[index]) && zwjCompletesPictographicPrefix(at: index - 1, in: scalars)
      return !continuesEmoji
    case (.regionalIndicator, .regionalIndicator):
      return regionalIndicatorRun.isMultiple(of: 2)  // GB12, GB13: an odd run awaits its pair
    default: return true  // GB999
    }
  }

  /// Whether the ZWJ at `zwjIndex` ends `\p{Extended_Pictographic} Extend* ZWJ` (GB11).
  ///
  /// Scanning backwards on demand keeps the common path free of emoji state. A run of Extend
  /// precedes at most one ZWJ, so it is scanned at most once and the total work stays linear.
  private static func zwjCompletesPictographicPrefix(
    at zwjIndex: Int, in scalars: UnsafeBufferPointer<Unicode.Scalar>
  ) -> Bool {
    var index = zwjIndex - 1
    while index >= 0, GraphemeBreakProperty.of(scalars[index]) == .extend {
      index -= 1
    }
    return index >= 0 && ExtendedPictographic.contains(scalars[index])
  }
}
