import AnnotatorKit

/// A short window of a report around a match, for search results and `find`.
public struct Snippet: Equatable {
  public var before: String
  public var match: String
  public var after: String
  /// Scalar offsets of the match in the report.
  public var range: TextRange

  /// Context of about `context` scalars each side, cut at spaces and never across a line break.
  public static func make(_ range: TextRange, in scalars: [Unicode.Scalar], context: Int = 32) -> Snippet {
    var start = max(0, range.start - context)
    var end = min(scalars.count, range.end + context)
    // A window that stops at a line break shows the whole line edge, so it needs no ellipsis.
    var cutBefore = start > 0
    var cutAfter = end < scalars.count
    if let newline = scalars[start..<range.start].lastIndex(where: isLineBreak) {
      start = newline + 1
      cutBefore = false
    } else if cutBefore, let space = scalars[start..<range.start].firstIndex(of: " ") {
      start = space + 1
    }
    if let newline = scalars[range.end..<end].firstIndex(where: isLineBreak) {
      end = newline
      cutAfter = false
    } else if cutAfter, let space = scalars[range.end..<end].lastIndex(of: " ") {
      end = space
    }
    func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
    return Snippet(
      before: (cutBefore ? "…" : "") + text(start..<range.start), match: text(range.start..<range.end),
      after: text(range.end..<end) + (cutAfter ? "…" : ""), range: range)
  }

  /// The snippet around the first occurrence of any term (folded matching), or nil.
  public static func around(terms: [String], in text: String) -> Snippet? {
    let scalars = Array(text.unicodeScalars)
    let folded = FoldedText(scalars)
    // A clitic form may hide the article: السعودية was found as للسعودية.
    let withoutArticle = terms.map(ArabicClitics.withoutArticle).filter { !terms.contains($0) }
    let first =
      terms.compactMap { folded.ranges(of: FoldedText($0)).first }.min()
      ?? withoutArticle.compactMap { folded.ranges(of: FoldedText($0)).first }.min()
    return first.map { make($0, in: scalars) }
  }

  /// The snippet with its match highlighted, escaped for the terminal and bidi-isolated.
  public func isolated(_ style: TextStyle) -> String {
    BidiIsolation.isolate(escaped: before.visiblyEscaped + style.highlight(match.visiblyEscaped) + after.visiblyEscaped)
  }

  private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}"
  }
}
