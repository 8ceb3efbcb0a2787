import Foundation

/// A report's immutable text with everything needed to address it exactly.
///
/// The scalar array and the UTF-16/UTF-8 offset tables are built at once; grapheme boundaries,
/// sentences with tokens, and the folded copy for Arabic-aware matching are built on first use,
/// since an export needs only offsets while `show` and the suggesters need everything. Offsets are
/// Unicode scalar offsets throughout; the tables convert them without walking the string again.
public final class ReportText: Sendable {
  public let string: String
  public let scalars: [Unicode.Scalar]
  /// `utf16Prefix[i]` is the UTF-16 offset of scalar `i`; one extra entry for the end.
  private let utf16Prefix: [Int32]
  /// `utf8Prefix[i]` is the UTF-8 offset of scalar `i`; one extra entry for the end.
  private let utf8Prefix: [Int32]
  private let analysis = LazyAnalysis()

  public init(_ string: String) {
    var string = string
    // One pass over the UTF-8 storage writes the scalars and both offset tables straight into
    // their arrays; going through `unicodeScalars` and appending costs several times more, and
    // every export and command starts here. A String's storage is always valid UTF-8.
    var utf16: [Int32] = []
    var utf8: [Int32] = []
    let scalars: [Unicode.Scalar] = string.withUTF8 { bytes in
      var count = 0
      for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
      return [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalarBuffer, scalarCount in
        utf16 = [Int32](unsafeUninitializedCapacity: count + 1) { utf16Buffer, utf16Count in
          utf8 = [Int32](unsafeUninitializedCapacity: count + 1) { utf8Buffer, utf8Count in
            var u16: Int32 = 0
            var index = 0
            var n = 0
            while index < bytes.count {
              let (value, width) = UTF8Scalar.decode(bytes, at: index)
              (scalarBuffer.baseAddress! + n).initialize(to: Unicode.Scalar(value).unsafelyUnwrapped)
              (utf16Buffer.baseAddress! + n).initialize(to: u16)
              (utf8Buffer.baseAddress! + n).initialize(to: Int32(index))
              u16 += width == 4 ? 2 : 1
              index += width
              n += 1
            }
            (utf16Buffer.baseAddress! + n).initialize(to: u16)
            (utf8Buffer.baseAddress! + n).initialize(to: Int32(bytes.count))
            utf8Count = n + 1
          }
          utf16Count = count + 1
        }
        scalarCount = count
      }
    }
    self.string = string
    self.scalars = scalars
    self.utf16Prefix = utf16
    self.utf8Prefix = utf8
  }

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

  public var count: Int { scalars.count }
  public var utf16Count: Int { Int(utf16Prefix[scalars.count]) }
  public var utf8Count: Int { Int(utf8Prefix[scalars.count]) }

  /// The text a range covers.
  public func substring(_ range: TextRange) -> String {
    // Slicing the UTF-8 storage through the offset table is far cheaper than rebuilding from scalars.
    let utf8 = string.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: Int(utf8Prefix[range.start]))
    let end = utf8.index(start, offsetBy: Int(utf8Prefix[range.end] - utf8Prefix[range.start]))
    return String(string[start..<end])
  }

  /// Calls `body` with the UTF-8 bytes a range covers, in place: a writer that copies them out
  /// anyway need not build the `substring` first.
  public func withUTF8<Result>(
    _ range: TextRange, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    var string = string
    return try string.withUTF8 { bytes in
      try body(UnsafeBufferPointer(rebasing: bytes[Int(utf8Prefix[range.start])..<Int(utf8Prefix[range.end])]))
    }
  }

  /// Whether the text `range` covers is exactly `quote`, compared byte for byte in place: no
  /// substring is built for a check that nearly always passes.
  public func text(in range: TextRange, equals quote: String) -> Bool {
    withUTF8(range) { bytes in
      guard bytes.count == quote.utf8.count else { return false }
      return quote.utf8.withContiguousStorageIfAvailable { bytes.elementsEqual($0) } ?? bytes.elementsEqual(quote.utf8)
    }
  }

  public func utf16Offset(ofScalar offset: Int) -> Int { Int(utf16Prefix[offset]) }
  public func utf8Offset(ofScalar offset: Int) -> Int { Int(utf8Prefix[offset]) }

  /// The scalar offset at a UTF-16 offset, or nil when it falls inside a surrogate pair or outside.
  public func scalarOffset(ofUTF16 offset: Int) -> Int? { Self.exactIndex(of: offset, in: utf16Prefix) }
  /// The scalar offset at a UTF-8 offset, or nil when it falls inside a scalar or outside.
  public func scalarOffset(ofUTF8 offset: Int) -> Int? { Self.exactIndex(of: offset, in: utf8Prefix) }

  public func isGraphemeBoundary(_ offset: Int) -> Bool {
    offset >= 0 && offset <= scalars.count && graphemeBoundary[offset]
  }

  /// The same answer as `isGraphemeBoundary`, decided from the scalars around `offset` without
  /// segmenting the whole text: cheaper for a caller that asks about a few offsets once, as an
  /// export cutting quote contexts does.
  public func isGraphemeBoundaryNearby(_ offset: Int) -> Bool {
    guard offset >= 0 && offset <= scalars.count else { return false }
    return scalars.withUnsafeBufferPointer { GraphemeSegmenter.isBoundary(at: offset, in: $0) }
  }

  /// Checks that `range` is a usable span: non-empty, inside the text, on grapheme boundaries.
  public func validate(_ range: TextRange) throws(TextRangeError) {
    guard !range.isEmpty else { throw .empty(range) }
    guard range.fits(in: scalars.count) else {
      throw .outOfBounds(range, length: scalars.count)
    }
    // Two offsets are decided from their neighbours: segmenting the whole text for them would
    // cost an import of a million annotations more than all its other checks.
    for offset in [range.start, range.end] where !isGraphemeBoundaryNearby(offset) {
      throw .splitsGrapheme(range, offset: offset)
    }
  }

  /// Checks that `range` is a usable span (see `validate`) covering exactly `quote`: what every
  /// stored or imported annotation must pass before its offsets index this text.
  public func validate(_ range: TextRange, quote: String) throws(TextRangeError) {
    try validate(range)
    guard text(in: range, equals: quote) else { throw .quoteDiffers(range) }
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
    var end = min(scalars.count, range.end)
    let boundary = graphemeBoundary
    while start > 0 && !boundary[start] { start -= 1 }
    while end < scalars.count && !boundary[end] { end += 1 }
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

/// The parts of a `ReportText` computed on first use, once, safely across threads.
private final class LazyAnalysis: @unchecked Sendable {
  private let lock = NSLock()
  private var cachedSentences: [Sentence]?
  private var cachedSentenceRanges: [TextRange]?
  private var cachedFolded: FoldedText?
  private var cachedBoundaries: [Bool]?
  private var cachedWordTokens: [WordToken]?

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
