import AnnotatorKit

/// Turns a SPAN into one exact, validated range of a report's text.
public struct SpanResolver {
  public let text: ReportText
  public let reportID: Int
  public let lastFind: (reportID: Int, ranges: [TextRange])?
  /// The span last annotated, which `+1` and `-1` move the end of.
  public let lastSpan: (reportID: Int, range: TextRange)?

  public init(
    text: ReportText, reportID: Int, lastFind: (reportID: Int, ranges: [TextRange])?,
    lastSpan: (reportID: Int, range: TextRange)? = nil
  ) {
    self.text = text
    self.reportID = reportID
    self.lastFind = lastFind
    self.lastSpan = lastSpan
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
      range = TextRange(try token(from, of: n).start, try token(to, of: n).end)
    case .tokensToEnd(let n, let from):
      let first = try token(from, of: n)
      let words = text.sentences[n - 1].tokens[(from - 1)...].filter { token in
        text.substring(token).unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
      }
      guard let last = words.last else { throw .noWordAfter(sentence: n, token: from) }
      range = TextRange(first.start, last.end)
    case .tokensAcross(let fromSentence, let fromToken, let toSentence, let toToken):
      range = TextRange(try token(fromToken, of: fromSentence).start, try token(toToken, of: toSentence).end)
    case .resized(let words):
      guard let lastSpan else { throw .noLastSpan }
      guard lastSpan.reportID == reportID else { throw .lastSpanInOtherReport(lastSpan.reportID) }
      range = try Self.moving(end: lastSpan.range, by: words, tokens: text.sentences.flatMap(\.tokens))
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

  /// Token `n` (from 1) of sentence `sentence` (from 1).
  private func token(_ n: Int, of sentence: Int) throws(SpanError) -> TextRange {
    guard sentence <= text.sentences.count else { throw .noSuchSentence(sentence, count: text.sentences.count) }
    let tokens = text.sentences[sentence - 1].tokens
    guard n <= tokens.count else { throw .noSuchToken(sentence: sentence, token: n, count: tokens.count) }
    return tokens[n - 1]
  }

  /// `range` with its end moved by `words` tokens of the report: later for a positive count,
  /// earlier for a negative one; the span keeps at least its first token.
  public static func moving(end range: TextRange, by words: Int, tokens: [TextRange]) throws(SpanError) -> TextRange {
    // The token the span ends in (or the last before its end), and its first token.
    guard let last = tokens.lastIndex(where: { $0.start < range.end }),
      let first = tokens.firstIndex(where: { $0.end > range.start })
    else { throw .cannotResize("the span covers no word") }
    let target = last + words
    guard target < tokens.count else {
      throw .cannotResize("the text has only \(tokens.count - 1 - last) more word(s) after the span")
    }
    guard target >= first else { throw .cannotResize("the span has only \(last - first + 1) word(s)") }
    return TextRange(range.start, tokens[target].end)
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
