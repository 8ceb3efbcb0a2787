/// Finds what a mistyped name was meant to be: "did you mean" for commands, options and keys.
public enum Spelling {
  /// The known name closest to `typed`, if it is close enough to be a plausible typo (or `typed`
  /// is the start of one).
  public static func nearest(to typed: String, among known: [String]) -> String? {
    // A word far longer than every name is near none of them; measuring it would cost its length
    // times every name.
    guard typed.count <= (known.map(\.count).max() ?? 0) + 2 else { return nil }
    let typed = typed.lowercased()
    let scored = known.map { ($0, distance(typed, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    if best.1 <= max(1, min(2, typed.count / 3 + 1)) { return best.0 }
    return typed.count >= 2 ? known.first { $0.lowercased().hasPrefix(typed) } : nil
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
  /// neighbours each cost one, so "shwo" is one step from "show".
  public static func distance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
