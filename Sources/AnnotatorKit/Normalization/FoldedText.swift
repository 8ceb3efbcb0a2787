/// A text folded with `ArabicFolding`, remembering where each folded scalar came from.
///
/// A run of whitespace (spaces, tabs, line breaks, no-break spaces) folds to one space, so a
/// quoted span typed with one space finds words a line break or two spaces apart, and the
/// other way round.
public struct FoldedText: Hashable, Sendable {
  /// The folded scalars.
  public let folded: [Unicode.Scalar]
  /// `origin[i]` is the offset in the original text of the scalar that became `folded[i]`.
  /// `Int32` halves the memory of this map; reports are nowhere near 2³¹ scalars.
  public let origin: [Int32]
  /// Number of scalars in the original text.
  public let originalCount: Int

  /// Folds `scalars`; offsets in `origin` index into this array.
  public init(_ scalars: [Unicode.Scalar]) {
    self.init(folding: scalars, count: scalars.count)
  }

  /// Folds the scalars of `string`; offsets in `origin` are scalar offsets, not UTF-16.
  public init(_ string: String) {
    self.init(folding: string.unicodeScalars, count: string.unicodeScalars.count)
  }

  private init<Scalars: Sequence<Unicode.Scalar>>(folding scalars: Scalars, count: Int) {
    precondition(count <= Int(Int32.max), "text too long for an Int32 offset map")
    var kept = 0
    var origin: [Int32] = []
    // Filled in one pass with unchecked writes: this runs over whole reports (up to ~1 MB).
    let folded = [Unicode.Scalar](unsafeUninitializedCapacity: count) { foldedOut, foldedCount in
      origin = [Int32](unsafeUninitializedCapacity: count) { originOut, originCount in
        var offset: Int32 = 0
        var afterSpace = false
        for scalar in scalars {
          if Self.isSpace(scalar) {
            if !afterSpace {
              foldedOut[kept] = " "
              originOut[kept] = offset
              kept += 1
              afterSpace = true
            }
          } else if let f = ArabicFolding.fold(scalar) {
            foldedOut[kept] = f
            originOut[kept] = offset
            kept += 1
            afterSpace = false
          }
          offset += 1
        }
        originCount = kept
      }
      foldedCount = kept
    }
    self.folded = folded
    self.origin = origin
    self.originalCount = count
  }

  /// Whitespace as Unicode defines it (White_Space), with ASCII answered first.
  @inline(__always)
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return v == 0x20 || (0x09...0x0D).contains(v) }
    switch v {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// The folded text as a `String`; see `ArabicFolding.foldedString(_:)`, which this forwards to.
  public static func foldedString(_ s: String) -> String {
    ArabicFolding.foldedString(s)
  }

  /// Maps a range of folded offsets back to the original text.
  ///
  /// Dropped scalars right after the range (a shadda or kasra on the last letter, a trailing
  /// tatweel) are included, because visually they belong to the matched letters; dropped
  /// scalars before the range are not.
  public func originalRange(ofFolded r: Range<Int>) -> TextRange {
    precondition(r.lowerBound >= 0 && r.upperBound <= folded.count, "folded range out of bounds")
    // Every original scalar between two consecutive kept ones was dropped, so the next kept
    // scalar's origin is exactly where the trailing run of dropped scalars ends.
    let end = r.upperBound < origin.count ? Int(origin[r.upperBound]) : originalCount
    if r.isEmpty { return TextRange(end, end) }
    return TextRange(Int(origin[r.lowerBound]), end)
  }

  /// All non-overlapping occurrences of `needle` in this text, as original ranges, in order.
  public func ranges(of needle: FoldedText) -> [TextRange] {
    Self.matchOffsets(of: needle.folded, in: folded).map {
      originalRange(ofFolded: $0..<($0 + needle.folded.count))
    }
  }

  /// Horspool search over scalar values. The bad-character table is keyed by the low byte of
  /// the scalar: collisions only shorten shifts, so it stays correct while fitting in 256 slots
  /// for an alphabet as large as Unicode.
  static func matchOffsets(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Int] {
    let m = needle.count
    let n = haystack.count
    guard m > 0, m <= n else { return [] }

    return needle.withUnsafeBufferPointer { needle in
      haystack.withUnsafeBufferPointer { haystack in
        var matches: [Int] = []
        if m == 1 {
          let target = needle[0]
          for i in 0..<n where haystack[i] == target { matches.append(i) }
          return matches
        }

        // On the stack: glossary matching runs this for every term on every report.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { shift in
          shift.initialize(repeating: m)
          for k in 0..<(m - 1) {
            shift[Int(needle[k].value & 0xFF)] = m - 1 - k
          }
          let last = needle[m - 1]
          var i = 0
          while i <= n - m {
            let tail = haystack[i + m - 1]
            if tail == last {
              var k = 0
              while k < m - 1 && haystack[i + k] == needle[k] { k += 1 }
              if k == m - 1 {
                matches.append(i)
                i += m
                continue
              }
            }
            i += shift[Int(tail.value & 0xFF)]
          }
          return matches
        }
      }
    }
  }
}
