import AnnotatorKit

/// Turns a SPAN into one exact, validated range of a report's text.
public struct SpanResolver {
  public let text: ReportText
  public let reportID: Int
  public let lastFind: (reportID: Int, ranges: [TextRange])?

  public init(text: ReportText, reportID: Int, lastFind: (reportID: Int, ranges: [TextRange])?) {
    self.text = text
    self.reportID = reportID
    self.lastFind = lastFind
  }

  /// Every place a text or a pattern occurs in `text`: what `find` lists, and what a quoted or
  /// `/re/` SPAN chooses from. Text matches after Arabic folding; a pattern runs under a time
  /// limit on the original text. Both are widened to whole characters.
  public static func occurrences(of query: SpanSpecifier.Query, in text: ReportText) throws(SpanError) -> [TextRange] {
    switch query {
    case .text(let needle):
      return text.occurrences(of: needle)
    case .pattern(let pattern, let flags):
      do throws(RegexError) {
        return try text.occurrences(of: try BoundedRegex(pattern, flags: flags))
      } catch {
        throw .pattern(error)
      }
    }
  }

  /// The range a SPAN names, refused if it is empty, outside the text or splits a grapheme.
  public func resolve(_ span: SpanSpecifier) throws(SpanError) -> TextRange {
    let range: TextRange
    switch span {
    case .text(let needle, let occurrence):
      let ranges = try Self.occurrences(of: .text(needle), in: text)
      range = try pick(ranges, occurrence, shown: "\"\(Excerpt.of(needle))\"")
    case .regex(let pattern, let flags):
      let ranges = try Self.occurrences(of: .pattern(pattern, flags: flags), in: text)
      range = try pick(ranges, nil, shown: "/\(Excerpt.of(pattern))/")
    case .sentence(let n):
      guard n <= text.sentences.count else { throw .noSuchSentence(n, count: text.sentences.count) }
      range = text.sentences[n - 1].range
    case .tokens(let n, let from, let to):
      guard n <= text.sentences.count else { throw .noSuchSentence(n, count: text.sentences.count) }
      let tokens = text.sentences[n - 1].tokens
      guard to <= tokens.count else { throw .noSuchToken(sentence: n, token: to, count: tokens.count) }
      range = TextRange(tokens[from - 1].start, tokens[to - 1].end)
    case .offsets(let start, let end):
      range = TextRange(start, end)
    case .lastFind(let n):
      guard let lastFind else { throw .noFind }
      guard lastFind.reportID == reportID else { throw .findInOtherReport(lastFind.reportID) }
      range = try pick(lastFind.ranges, n, shown: "the last find")
    }
    do {
      try text.validate(range)
    } catch {
      throw .invalid(error)
    }
    return range
  }

  private func pick(_ ranges: [TextRange], _ occurrence: Int?, shown: String) throws(SpanError) -> TextRange {
    if let occurrence {
      guard occurrence <= ranges.count else {
        if ranges.isEmpty { throw .notFound(shown) }
        throw .tooFewOccurrences(shown, wanted: occurrence, found: ranges.count)
      }
      return ranges[occurrence - 1]
    }
    guard let first = ranges.first else { throw .notFound(shown) }
    guard ranges.count == 1 else {
      throw .ambiguous(
        shown,
        candidates: ranges.enumerated().map { index, range in
          "#\(index + 1) at \(text.location(of: range.start)) (\(range))"
        })
    }
    return first
  }
}
