/// A folded word as scalars: hashing and comparing a non-ASCII `String` normalises it first,
/// which made table lookups the main cost of a suggestion pass; scalar arrays compare as they are.
public struct FoldedWord: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  public let scalars: [Unicode.Scalar]
  /// FNV-1a over the scalars, computed once: table lookups then feed the hasher one word
  /// instead of every scalar, and most unequal words differ here already.
  private let digest: UInt64

  public init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
    digest = Self.fnv(scalars)
  }

  /// Folds `scalars` with `ArabicFolding`, dropping tashkeel and tatweel.
  public init<S: Sequence<Unicode.Scalar>>(folding scalars: S) {
    var folded: [Unicode.Scalar] = []
    folded.reserveCapacity(scalars.underestimatedCount)
    for scalar in scalars {
      if let f = ArabicFolding.fold(scalar) { folded.append(f) }
    }
    self.init(folded)
  }

  public static func == (a: FoldedWord, b: FoldedWord) -> Bool { a.digest == b.digest && a.scalars == b.scalars }

  public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

  private static func fnv(_ scalars: [Unicode.Scalar]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3 }
    return hash
  }

  /// Literals are folded too, so tables can be written the way words are spelled.
  public init(stringLiteral value: String) {
    self.init(folding: value.unicodeScalars)
  }

  /// Every word of `list` (split at whitespace), folded.
  public static func words(_ list: String) -> [FoldedWord] {
    list.split(whereSeparator: \.isWhitespace).map { FoldedWord(folding: $0.unicodeScalars) }
  }

  public var count: Int { scalars.count }
  public var first: Unicode.Scalar? { scalars.first }
  public var description: String { String(String.UnicodeScalarView(scalars)) }

  public func hasPrefix(_ prefix: FoldedWord) -> Bool { scalars.starts(with: prefix.scalars) }
  public func hasSuffix(_ suffix: FoldedWord) -> Bool { scalars.reversed().starts(with: suffix.scalars.reversed()) }
  public func dropFirst(_ n: Int = 1) -> FoldedWord { FoldedWord(Array(scalars.dropFirst(n))) }
  public func dropLast(_ n: Int = 1) -> FoldedWord { FoldedWord(Array(scalars.dropLast(n))) }
}
