import AnnotatorKit

/// One-to-one matching of two annotators' spans, exactly or by overlap.
///
/// A discontinuous span is matched as the set of its pieces: exactly when the label and every
/// piece are the same; by overlap when any piece of one touches a piece of the other, weighed by
/// the characters the two cover in common.
public enum SpanMatcher {
  /// Index pairs `(first, second)` of spans with the same pieces and label; each span is used once.
  public static func exact(_ first: [ReviewSpan], _ second: [ReviewSpan]) -> [(Int, Int)] {
    let (a, b) = keys(first, second)
    return exact(a, b)
  }

  /// Index pairs of same-label spans whose ranges overlap, chosen greedily by largest overlap.
  ///
  /// Ties go to the pair with the smaller union (so an exact partner beats a
  /// wider one), then to text order. Identical ranges always match, even empty ones.
  public static func overlap(_ first: [ReviewSpan], _ second: [ReviewSpan]) -> [(Int, Int)] {
    let (a, b) = keys(first, second)
    return overlap(a, b)
  }

  /// A span reduced to what matching looks at; labels are interned for cheap comparison.
  struct Key {
    var range: TextRange
    var fragments: [TextRange] = []
    var label: Int

    /// Characters the two spans cover in common, piece by piece.
    func shared(with other: Key) -> Int {
      // Most spans are one piece: no arrays for them in the matching loop.
      if fragments.isEmpty && other.fragments.isEmpty {
        return max(0, min(range.end, other.range.end) - max(range.start, other.range.start))
      }
      var total = 0
      for a in [range] + fragments {
        for b in [other.range] + other.fragments { total += max(0, min(a.end, b.end) - max(a.start, b.start)) }
      }
      return total
    }

    /// Whether a piece of one touches a piece of the other.
    func touches(_ other: Key) -> Bool {
      SpanAligner.piecesTouch(range, fragments, other.range, other.fragments)
    }

    var length: Int { fragments.reduce(range.length) { $0 + $1.length } }
  }

  static func exact(_ first: [Key], _ second: [Key]) -> [(Int, Int)] {
    var used = [Bool](repeating: false, count: second.count)
    var pairs: [(Int, Int)] = []
    for (i, a) in first.enumerated() {
      for (j, b) in second.enumerated()
      where !used[j] && a.label == b.label && a.range == b.range && a.fragments == b.fragments {
        used[j] = true
        pairs.append((i, j))
        break
      }
    }
    return pairs
  }

  static func overlap(_ first: [Key], _ second: [Key]) -> [(Int, Int)] {
    var candidates: [(i: Int, j: Int, shared: Int, union: Int)] = []
    for (i, a) in first.enumerated() {
      for (j, b) in second.enumerated()
      where a.label == b.label && a.touches(b) {
        let shared = a.shared(with: b)
        candidates.append((i, j, shared, a.length + b.length - shared))
      }
    }
    candidates.sort { ($1.shared, $0.union, $0.i, $0.j) < ($0.shared, $1.union, $1.i, $1.j) }
    var usedFirst = [Bool](repeating: false, count: first.count)
    var usedSecond = [Bool](repeating: false, count: second.count)
    var pairs: [(Int, Int)] = []
    for c in candidates where !usedFirst[c.i] && !usedSecond[c.j] {
      usedFirst[c.i] = true
      usedSecond[c.j] = true
      pairs.append((c.i, c.j))
    }
    return pairs
  }

  private static func keys(_ first: [ReviewSpan], _ second: [ReviewSpan]) -> ([Key], [Key]) {
    var ids: [String: Int] = [:]
    func key(_ span: ReviewSpan) -> Key {
      if let id = ids[span.label] { return Key(range: span.range, fragments: span.fragments, label: id) }
      ids[span.label] = ids.count
      return Key(range: span.range, fragments: span.fragments, label: ids.count - 1)
    }
    let a = first.map(key)
    return (a, second.map(key))
  }
}
