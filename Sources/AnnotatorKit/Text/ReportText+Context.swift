extension ReportText {
  /// Calls `body` with the UTF-8 of the context a quote is exported with: up to `length` scalars
  /// before `range` and after it, each shortened to whole grapheme clusters, so a context never
  /// opens on a mark torn from its letter. `range` must fit the text.
  public func withContext<Result>(
    of range: TextRange, length: Int,
    _ body: (_ prefix: UnsafeBufferPointer<UInt8>, _ suffix: UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result {
    try withBytes { bytes in
      // Stepping scalar by scalar from the span's ends: each end is found once, and a context is
      // at most `length` scalars from it.
      let span = utf8Range(of: range, in: bytes)
      var start = max(0, range.start - length)
      var from = ScalarCheckpoints.lead(range.start - start, before: span.lowerBound, in: bytes)
      while start < range.start && !isGraphemeBoundary(start, byte: from, in: bytes) {
        from = ScalarCheckpoints.lead(1, after: from, in: bytes)
        start += 1
      }
      var end = min(count, range.end + length)
      var to = ScalarCheckpoints.lead(end - range.end, after: span.upperBound, in: bytes)
      while end > range.end && !isGraphemeBoundary(end, byte: to, in: bytes) {
        to = ScalarCheckpoints.lead(before: to, in: bytes)
        end -= 1
      }
      return try body(
        UnsafeBufferPointer(rebasing: bytes[from..<span.lowerBound]),
        UnsafeBufferPointer(rebasing: bytes[span.upperBound..<to]))
    }
  }
}
