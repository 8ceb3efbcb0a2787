extension ArabicFolding {
  /// Returns `s` folded scalar by scalar, for building a search-index shadow of a report.
  ///
  /// This runs over whole corpora on import, so it decodes and re-encodes UTF-8 directly
  /// instead of going through `String.UnicodeScalarView`.
  public static func foldedString(_ s: String) -> String {
    var utf8 = s
    // Folding almost always shrinks UTF-8 (dropped marks, 2-byte digits becoming 1-byte),
    // but a few lowercase mappings grow (Ⱥ U+023A → ⱥ U+2C65), so the same-size attempt
    // may fail and fall back.
    let fast = utf8.withUTF8 { foldUTF8($0, capacity: $0.count) }
    return fast ?? foldedStringByScalars(s)
  }

  /// The straightforward scalar-by-scalar fold; the fallback for `foldedString` and the
  /// reference it is tested against.
  static func foldedStringByScalars(_ s: String) -> String {
    var view = String.UnicodeScalarView()
    view.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      if let folded = fold(scalar) { view.append(folded) }
    }
    return String(view)
  }

  /// Returns nil if the folded text does not fit in `capacity` bytes.
  private static func foldUTF8(_ source: UnsafeBufferPointer<UInt8>, capacity: Int) -> String? {
    var overflowed = false
    let result = String(unsafeUninitializedCapacity: capacity) { out in
      var o = 0
      forEachFolded(in: source) { value in
        guard let written = UTF8Scalar.encode(value, into: out, at: o) else {
          overflowed = true
          return false
        }
        o += written
        return true
      }
      return overflowed ? 0 : o
    }
    return overflowed ? nil : result
  }

  /// Folds valid UTF-8 scalar by scalar, calling `emit` with the value of each scalar folding
  /// keeps; `emit` returns false to stop.
  @inline(__always)
  static func forEachFolded(in source: UnsafeBufferPointer<UInt8>, _ emit: (UInt32) -> Bool) {
    table.withUnsafeBufferPointer { table in
      var i = 0
      let n = source.count
      while i < n {
        let b0 = source[i]
        if b0 < 0x80 {
          // Only ASCII case folding applies here; no table needed.
          guard emit(UInt32(b0 &- 0x41 < 26 ? b0 | 0x20 : b0)) else { return }
          i += 1
          continue
        }
        let (value, length) = UTF8Scalar.decode(source, at: i)
        i += length
        if value < tableLimit {
          let folded = table[Int(value)]
          if folded == dropMarker { continue }
          guard emit(folded.value) else { return }
        } else {
          // The input is valid UTF-8, so the decoded value is always a scalar.
          guard emit(foldOutsideTable(Unicode.Scalar(value) ?? "\u{FFFD}").value) else { return }
        }
      }
    }
  }
}
