import AnnotatorKit

/// Which adjacent scalar pairs (by low byte) occur in a text: a needle with a pair the text lacks
/// cannot occur in it. False positives only cost a search; there are no false negatives.
struct BigramFilter {
  private var bits: [UInt64]

  init(_ scalars: [Unicode.Scalar]) {
    bits = [UInt64](repeating: 0, count: 1024)
    guard scalars.count > 1 else { return }
    for i in 1..<scalars.count {
      let key = Self.key(scalars[i - 1], scalars[i])
      bits[key >> 6] |= 1 << UInt64(key & 63)
    }
  }

  func mayContain(_ keys: some Collection<Int>) -> Bool {
    keys.allSatisfy { bits[$0 >> 6] & (1 << UInt64($0 & 63)) != 0 }
  }

  /// The pair keys of a needle, computed once per glossary term.
  static func keys(_ scalars: [Unicode.Scalar]) -> [Int] {
    guard scalars.count > 1 else { return [] }
    return (1..<scalars.count).map { key(scalars[$0 - 1], scalars[$0]) }
  }

  private static func key(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int {
    Int(a.value & 0xFF) << 8 | Int(b.value & 0xFF)
  }
}
