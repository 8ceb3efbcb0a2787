import Foundation

/// A report's immutable text with everything needed to address it exactly.
///
/// By default the scalar array and the UTF-16/UTF-8 offset tables are built at once; with
/// `.checkpoints`, only a checkpoint every 32 scalars is, and the tables on first use, since an
/// export converts a few offsets per span and needs nothing else. Grapheme boundaries, sentences
/// with tokens, and the folded copy for Arabic-aware matching are built on first use either way.
/// Offsets are Unicode scalar offsets throughout.
public final class ReportText: Sendable {
  /// How a text indexes its offsets when it is made.
  public enum Indexing: Sendable {
    /// Every scalar's offsets at once: what anything that walks the scalars needs.
    case tables
    /// A checkpoint every 32 scalars, the tables on first use: what converting a few offsets needs.
    case checkpoints
  }

  public let string: String
  public let count: Int
  private let index: OffsetIndex
  private let analysis = LazyAnalysis()

  public init(_ string: String, indexing: Indexing = .tables) {
    var string = string
    switch indexing {
    case .tables:
      let tables = OffsetTables(string)
      count = tables.scalars.count
      index = .tables(tables)
    case .checkpoints:
      let checkpoints = string.withUTF8 { ScalarCheckpoints($0) }
      count = checkpoints.count
      index = .checkpoints(checkpoints)
    }
    self.string = string
  }

  /// The scalars and both offset tables: built with the text, or now if it was made with checkpoints.
  private var tables: OffsetTables {
    switch index {
    case .tables(let tables): tables
    case .checkpoints: analysis.tables(string)
    }
  }

  public var scalars: [Unicode.Scalar] { tables.scalars }

  /// Numbered sentences with their tokens.
  public var sentences: [Sentence] { analysis.sentences(scalars) }
  /// The sentences' ranges alone, in order (sentence n is at n - 1): what a check of where a
  /// span falls needs, without the word segmentation that `sentences` adds.
  public var sentenceRanges: [TextRange] { analysis.sentenceRanges(scalars) }
  /// The folded copy used for Arabic-aware matching.
  public var folded: FoldedText { analysis.folded(scalars) }
  /// Every token with its folded spelling, made once for all the annotators that suggest on it.
  public var wordTokens: [WordToken] { analysis.wordTokens { WordToken.make(of: self) } }
  /// `graphemeBoundary[i]` tells whether offset `i` (0...count) is a grapheme cluster boundary.
  private var graphemeBoundary: [Bool] { analysis.graphemeBoundary(scalars) }

  public var utf16Count: Int {
    switch index {
    case .tables(let tables): tables.utf16Count
    case .checkpoints(let checkpoints): checkpoints.utf16Count
    }
  }
  public var utf8Count: Int { string.utf8.count }

  /// The text a range covers.
  public func substring(_ range: TextRange) -> String {
    withUTF8(range) { String(decoding: $0, as: UTF8.self) }
  }

  /// Calls `body` with the UTF-8 bytes a range covers, in place: a writer that copies them out
  /// anyway need not build the `substring` first.
  public func withUTF8<Result>(
    _ range: TextRange, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try withBytes { bytes in try body(UnsafeBufferPointer(rebasing: bytes[utf8Range(of: range, in: bytes)])) }
  }

  /// Calls `body` with the whole text's UTF-8, in place.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    var string = string
    return try string.withUTF8(body)
  }

  /// The UTF-8 offsets of a range's ends, given the text's bytes.
  func utf8Range(of range: TextRange, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    switch index {
    case .tables(let tables): tables.utf8Range(of: range)
    case .checkpoints(let checkpoints): checkpoints.utf8Range(of: range, in: bytes)
    }
  }

  /// Whether scalar offset `offset`, whose scalar starts at byte `position`, is a grapheme
  /// boundary, decided from its neighbours.
  func isGraphemeBoundary(_ offset: Int, byte position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    if case .checkpoints(let checkpoints) = index,
      let answer = checkpoints.isGraphemeBoundary(at: offset, byte: position, in: bytes)
    {
      return answer
    }
    return scalars.withUnsafeBufferPointer { GraphemeSegmenter.isBoundary(at: offset, in: $0) }
  }

  /// Whether the text `range` covers is exactly `quote`, compared byte for byte in place: no
  /// substring is built for a check that nearly always passes.
  public func text(in range: TextRange, equals quote: String) -> Bool {
    withUTF8(range) { Self.bytes($0, equal: quote) }
  }

  /// Whether `bytes` are `quote`'s UTF-8, compared in place.
  private static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, equal quote: String) -> Bool {
    guard bytes.count == quote.utf8.count else { return false }
    return quote.utf8.withContiguousStorageIfAvailable { bytes.elementsEqual($0) } ?? bytes.elementsEqual(quote.utf8)
  }

  public func utf16Offset(ofScalar offset: Int) -> Int {
    switch index {
    case .tables(let tables): return Int(tables.utf16Prefix[offset])
    case .checkpoints(let checkpoints): return withBytes { checkpoints.utf16Offset(ofScalar: offset, in: $0) }
    }
  }

  public func utf8Offset(ofScalar offset: Int) -> Int {
    withBytes { utf8Offset(ofScalar: offset, in: $0) }
  }

  /// The UTF-8 offset of a scalar offset, given the text's bytes.
  private func utf8Offset(ofScalar offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    switch index {
    case .tables(let tables): Int(tables.utf8Prefix[offset])
    case .checkpoints(let checkpoints): checkpoints.utf8Offset(ofScalar: offset, in: bytes)
    }
  }

  /// The scalar offset at a UTF-16 offset, or nil when it falls inside a surrogate pair or outside.
  public func scalarOffset(ofUTF16 offset: Int) -> Int? { Self.exactIndex(of: offset, in: tables.utf16Prefix) }
  /// The scalar offset at a UTF-8 offset, or nil when it falls inside a scalar or outside.
  public func scalarOffset(ofUTF8 offset: Int) -> Int? { Self.exactIndex(of: offset, in: tables.utf8Prefix) }

  public func isGraphemeBoundary(_ offset: Int) -> Bool {
    offset >= 0 && offset <= count && graphemeBoundary[offset]
  }

  /// The same answer as `isGraphemeBoundary`, decided from the scalars around `offset` without
  /// segmenting the whole text: cheaper for a caller that asks about a few offsets once.
  public func isGraphemeBoundaryNearby(_ offset: Int) -> Bool {
    guard offset >= 0 && offset <= count else { return false }
    return withBytes { isGraphemeBoundary(offset, byte: utf8Offset(ofScalar: offset, in: $0), in: $0) }
  }

  /// Checks that `range` is a usable span: non-empty, inside the text, on grapheme boundaries.
  public func validate(_ range: TextRange) throws(TextRangeError) {
    try checkSpan(range) { _ in nil }
  }

  /// Checks that `range` is a usable span (see `validate`) covering exactly `quote`: what every
  /// stored or imported annotation must pass before its offsets index this text.
  public func validate(_ range: TextRange, quote: String) throws(TextRangeError) {
    try checkSpan(range) { Self.bytes($0, equal: quote) ? nil : .quoteDiffers(range) }
  }

  /// The checks of both `validate`s, then `more` on the span's bytes: the span's two ends are
  /// found once, and its edges are decided from their neighbours, since segmenting the whole text
  /// for two offsets would cost an import of a million annotations more than all its other checks.
  private func checkSpan(
    _ range: TextRange, _ more: (UnsafeBufferPointer<UInt8>) -> TextRangeError?
  ) throws(TextRangeError) {
    guard !range.isEmpty else { throw .empty(range) }
    guard range.fits(in: count) else { throw .outOfBounds(range, length: count) }
    let failure: TextRangeError? = withBytes { bytes in
      let span = utf8Range(of: range, in: bytes)
      guard isGraphemeBoundary(range.start, byte: span.lowerBound, in: bytes) else {
        return .splitsGrapheme(range, offset: range.start)
      }
      guard isGraphemeBoundary(range.end, byte: span.upperBound, in: bytes) else {
        return .splitsGrapheme(range, offset: range.end)
      }
      return more(UnsafeBufferPointer(rebasing: bytes[span]))
    }
    if let failure { throw failure }
  }

  /// Every occurrence of `needle`, matched after Arabic folding (tashkeel, tatweel, alef forms,
  /// ى/ي, ة/ه, digits, Latin case), widened to whole grapheme clusters of the original text.
  public func occurrences(of needle: String) -> [TextRange] {
    folded.ranges(of: FoldedText(needle)).map(widenedToGraphemes)
  }

  /// Every match of a regular expression over the original text, widened to whole grapheme
  /// clusters; throws when the search runs past the regex's time limit.
  public func occurrences(
    of regex: BoundedRegex, timeLimit: Duration = BoundedRegex.defaultTimeLimit
  ) throws(RegexError) -> [TextRange] {
    try regex.utf16Ranges(in: string, timeLimit: timeLimit).compactMap { range -> TextRange? in
      // ICU matches whole scalars, so both ends fall between surrogate pairs.
      guard let s = scalarOffset(ofUTF16: range.lowerBound), let e = scalarOffset(ofUTF16: range.upperBound), e > s
      else { return nil }
      return widenedToGraphemes(TextRange(s, e))
    }
  }

  /// The range grown outward to the nearest grapheme boundaries.
  public func widenedToGraphemes(_ range: TextRange) -> TextRange {
    var start = max(0, range.start)
    var end = min(count, range.end)
    let boundary = graphemeBoundary
    while start > 0 && !boundary[start] { start -= 1 }
    while end < count && !boundary[end] { end += 1 }
    return TextRange(start, end)
  }

  /// The sentence and token that contain `offset`.
  public func location(of offset: Int) -> TextLocation {
    guard let sentence = sentences.first(where: { $0.range.start <= offset && offset < $0.range.end }) else {
      return TextLocation(sentence: nil, token: nil)
    }
    let token = sentence.tokens.firstIndex { $0.start <= offset && offset < $0.end }
    return TextLocation(sentence: sentence.number, token: token.map { $0 + 1 })
  }

  private static func exactIndex(of value: Int, in prefix: [Int32]) -> Int? {
    var low = 0
    var high = prefix.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let probe = Int(prefix[mid])
      if probe == value { return mid }
      if probe < value { low = mid + 1 } else { high = mid - 1 }
    }
    return nil
  }

  fileprivate static func makeSentences(_ scalars: [Unicode.Scalar], ranges: [TextRange]) -> [Sentence] {
    let words = WordSegmenter.segments(scalars).filter { $0.kind != .whitespace }
    var next = 0
    return ranges.enumerated().map { index, range in
      var tokens: [TextRange] = []
      while next < words.count && words[next].range.start < range.start { next += 1 }
      while next < words.count && words[next].range.end <= range.end {
        tokens.append(words[next].range)
        next += 1
      }
      return Sentence(number: index + 1, range: range, tokens: tokens)
    }
  }
}

/// How a `ReportText` converts offsets: full tables, or checkpoints with the tables made on demand.
private enum OffsetIndex: Sendable {
  case tables(OffsetTables)
  case checkpoints(ScalarCheckpoints)
}

/// The parts of a `ReportText` computed on first use, once, safely across threads.
private final class LazyAnalysis: @unchecked Sendable {
  private let lock = NSLock()
  private var cachedTables: OffsetTables?
  private var cachedSentences: [Sentence]?
  private var cachedSentenceRanges: [TextRange]?
  private var cachedFolded: FoldedText?
  private var cachedBoundaries: [Bool]?
  private var cachedWordTokens: [WordToken]?

  /// The offset tables of a text indexed by checkpoints, made the first time anything needs them.
  func tables(_ string: String) -> OffsetTables {
    lock.withLock {
      if let cachedTables { return cachedTables }
      let made = OffsetTables(string)
      cachedTables = made
      return made
    }
  }

  func sentences(_ scalars: [Unicode.Scalar]) -> [Sentence] {
    lock.lock()
    defer { lock.unlock() }
    if let cachedSentences { return cachedSentences }
    let made = ReportText.makeSentences(scalars, ranges: sentenceRangesLocked(scalars))
    cachedSentences = made
    return made
  }

  func sentenceRanges(_ scalars: [Unicode.Scalar]) -> [TextRange] {
    lock.lock()
    defer { lock.unlock() }
    return sentenceRangesLocked(scalars)
  }

  /// The ranges, made once; the caller holds the lock.
  private func sentenceRangesLocked(_ scalars: [Unicode.Scalar]) -> [TextRange] {
    if let cachedSentenceRanges { return cachedSentenceRanges }
    let made = SentenceSplitter.sentences(in: scalars)
    cachedSentenceRanges = made
    return made
  }

  func folded(_ scalars: [Unicode.Scalar]) -> FoldedText {
    lock.lock()
    defer { lock.unlock() }
    if let cachedFolded { return cachedFolded }
    let made = FoldedText(scalars)
    cachedFolded = made
    return made
  }

  /// Made outside the lock: making them reads the sentences, which take it.
  func wordTokens(_ make: () -> [WordToken]) -> [WordToken] {
    if let made = lock.withLock({ cachedWordTokens }) { return made }
    let made = make()
    lock.withLock { cachedWordTokens = made }
    return made
  }

  func graphemeBoundary(_ scalars: [Unicode.Scalar]) -> [Bool] {
    lock.lock()
    defer { lock.unlock() }
    if let cachedBoundaries { return cachedBoundaries }
    var boundary = [Bool](repeating: false, count: scalars.count + 1)
    for offset in GraphemeSegmenter.boundaries(scalars) { boundary[offset] = true }
    cachedBoundaries = boundary
    return boundary
  }
}
