import AnnotatorKit

/// A report's tokens for a token-based export: they rebuild the text exactly, as spaCy's `Doc`
/// does from `words` and `spaces`, and every span starts and ends on a token boundary.
///
/// Hashiya's word tokens are split wherever a span starts or ends, so a name after a proclitic
/// (و + البشمركة) is its own token and `token_start`/`token_end` cover exactly the span. Whitespace
/// follows spaCy's tokenizer: one space after a word is that word's `ws`, and any other run of
/// whitespace (a line end, a second space, leading spaces) is a token of its own. An invisible mark
/// (a direction mark, a combining mark after a space) joins the word it touches, so it is a token
/// alone only where a span boundary leaves it no neighbour.
struct AlignedTokens {
  /// One token: its scalar range, and whether a single space follows it outside the token.
  struct Token: Equatable {
    var range: TextRange
    var ws: Bool
  }

  let tokens: [Token]
  private let byStart: [Int: Int]
  private let byEnd: [Int: Int]

  /// What the tokens of a text owe to the text alone, worked out once per report however many
  /// annotators' tasks are aligned to it.
  struct Words {
    let scalars: [Unicode.Scalar]
    let space: [Bool]
    /// A flag per offset, as every offset may be a word edge: whether a word starts or ends there.
    let wordCuts: [Bool]

    init(_ text: ReportText) {
      scalars = text.scalars
      var cuts = [Bool](repeating: false, count: scalars.count + 1)
      for word in WordSegmenter.nonWhitespaceRanges(scalars) {
        cuts[word.start] = true
        cuts[word.end] = true
      }
      wordCuts = cuts
      space = scalars.map(AlignedTokens.isSpace)
    }
  }

  init(text: ReportText, spans: [TextRange]) {
    self.init(words: Words(text), spans: spans)
  }

  init(words: Words, spans: [TextRange]) {
    let scalars = words.scalars
    let count = scalars.count
    var spanStarts = Set<Int>()
    var spanEnds = Set<Int>()
    for span in spans where span.fits(in: count) {
      spanStarts.insert(span.start)
      spanEnds.insert(span.end)
    }
    let spanCuts = spanStarts.union(spanEnds)
    let space = words.space
    let wordCuts = words.wordCuts

    let pieces = Self.attachingInvisibles(
      Self.pieces(space: space, spanCuts: spanCuts, wordCuts: wordCuts), scalars: scalars, space: space,
      spanCuts: spanCuts)

    var tokens: [Token] = []
    tokens.reserveCapacity(pieces.count)
    for piece in pieces {
      var range = piece
      // spaCy's rule: a run of whitespace right after a word gives its first space, when it is
      // " ", to that word. Not when a span starts on that space or ends right after it, since no
      // token could then begin or end there.
      if space[piece.start], scalars[piece.start] == " ", let last = tokens.last, !last.ws,
        last.range.end == piece.start, !space[last.range.start], !spanStarts.contains(piece.start),
        !spanEnds.contains(piece.start + 1)
      {
        tokens[tokens.count - 1].ws = true
        range.start += 1
        if range.isEmpty { continue }
      }
      tokens.append(Token(range: range, ws: false))
    }
    self.tokens = tokens
    var byStart: [Int: Int] = [:]
    var byEnd: [Int: Int] = [:]
    for (index, token) in tokens.enumerated() {
      byStart[token.range.start] = index
      byEnd[token.range.end] = index
    }
    self.byStart = byStart
    self.byEnd = byEnd
  }

  /// The inclusive token indices that cover exactly `range`, or nil when no token starts or ends there.
  func tokenIndices(of range: TextRange) -> (first: Int, last: Int)? {
    guard let first = byStart[range.start], let last = byEnd[range.end], first <= last else { return nil }
    return (first, last)
  }

  /// Python's `str.isspace`, which spaCy splits on: White_Space plus the four information separators.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
  }

  /// Whether a scalar shows nothing by itself: a format character such as U+200F, or a mark that
  /// combines with what comes before.
  private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .format, .nonspacingMark, .enclosingMark: true
    default: false
    }
  }

  /// Runs of whitespace and of everything else, cut at span edges, and the latter at word edges too.
  private static func pieces(space: [Bool], spanCuts: Set<Int>, wordCuts: [Bool]) -> [TextRange] {
    var pieces: [TextRange] = []
    var start = 0
    for offset in stride(from: 1, to: space.count, by: 1)
    where space[offset] != space[offset - 1] || spanCuts.contains(offset) || (!space[offset] && wordCuts[offset]) {
      pieces.append(TextRange(start, offset))
      start = offset
    }
    if !space.isEmpty { pieces.append(TextRange(start, space.count)) }
    return pieces
  }

  /// The pieces with each piece of invisible marks joined to the word after it, or failing that
  /// the word before it, unless a span edge lies between them.
  private static func attachingInvisibles(
    _ pieces: [TextRange], scalars: [Unicode.Scalar], space: [Bool], spanCuts: Set<Int>
  ) -> [TextRange] {
    func joinable(_ piece: TextRange) -> Bool {
      !space[piece.start] && scalars[piece.start..<piece.end].allSatisfy(isInvisible)
    }
    var forward: [TextRange] = []
    forward.reserveCapacity(pieces.count)
    var pending: Int?
    for (index, piece) in pieces.enumerated() {
      var piece = piece
      if let start = pending {
        piece.start = start
        pending = nil
      }
      if joinable(piece), index + 1 < pieces.count, !space[piece.end], !spanCuts.contains(piece.end) {
        pending = piece.start
        continue
      }
      forward.append(piece)
    }
    var joined: [TextRange] = []
    joined.reserveCapacity(forward.count)
    for piece in forward {
      if joinable(piece), let last = joined.last, !space[last.start], !spanCuts.contains(piece.start) {
        joined[joined.count - 1].end = piece.end
        continue
      }
      joined.append(piece)
    }
    return joined
  }
}
