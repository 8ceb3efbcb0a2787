/// Byte-level comparison of a stretch of a text with a string, shared by the native writer and reader.
enum QuoteCheck {
  /// Whether UTF-8 bytes `[start, end)` of `text` are exactly `quote`'s.
  ///
  /// Compares in place: no substring is built for a check that nearly always passes.
  static func text(_ text: String, from start: Int, to end: Int, equals quote: String) -> Bool {
    guard quote.utf8.count == end - start else { return false }
    let matched = text.utf8.withContiguousStorageIfAvailable { all in
      quote.utf8.withContiguousStorageIfAvailable { wanted in
        UnsafeBufferPointer(rebasing: all[start..<end]).elementsEqual(wanted)
      }
    }
    if let matched = matched ?? nil { return matched }
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: start)
    return utf8[lower..<utf8.index(lower, offsetBy: end - start)].elementsEqual(quote.utf8)
  }
}
