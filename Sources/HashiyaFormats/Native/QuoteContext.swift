import AnnotatorKit

/// The text around a span that exports give as `prefix` and `suffix`, so a reader can re-anchor it.
enum QuoteContext {
  /// Up to `length` scalars before `range`, shortened to start on a grapheme boundary.
  static func prefixRange(of range: TextRange, in text: ReportText, length: Int) -> TextRange {
    var start = max(0, range.start - length)
    // Never open the context in the middle of a cluster (a letter torn from its tashkeel). Checked
    // in place: segmenting the whole text for two cuts per span cost an export a tenth of its time.
    while start < range.start && !text.isGraphemeBoundaryNearby(start) { start += 1 }
    return TextRange(start, range.start)
  }

  /// Up to `length` scalars after `range`, shortened to end on a grapheme boundary.
  static func suffixRange(of range: TextRange, in text: ReportText, length: Int) -> TextRange {
    var end = min(text.count, range.end + length)
    while end > range.end && !text.isGraphemeBoundaryNearby(end) { end -= 1 }
    return TextRange(range.end, end)
  }
}
