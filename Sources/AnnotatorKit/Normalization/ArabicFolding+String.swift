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
    let result = table.withUnsafeBufferPointer { table in
      String(unsafeUninitializedCapacity: capacity) { out in
        var i = 0
        var o = 0
        let n = source.count
        while i < n {
          let b0 = source[i]
          if b0 < 0x80 {
            // Earlier growth (see foldedString) can leave no room even for one byte.
            guard o < out.count else {
              overflowed = true
              return 0
            }
            // Only ASCII case folding applies here; no table needed.
            out[o] = b0 &- 0x41 < 26 ? b0 | 0x20 : b0
            i += 1
            o += 1
            continue
          }

          let (value, length) = UTF8Scalar.decode(source, at: i)

          let folded: Unicode.Scalar
          if value < tableLimit {
            folded = table[Int(value)]
            if folded == dropMarker {
              i += length
              continue
            }
          } else {
            // The input is valid UTF-8, so the decoded value is always a scalar.
            folded = foldOutsideTable(Unicode.Scalar(value) ?? "\u{FFFD}")
          }

          if folded.value == value {
            guard o + length <= out.count else {
              overflowed = true
              return 0
            }
            for k in 0..<length { out[o + k] = source[i + k] }
            o += length
          } else {
            guard let written = encode(folded.value, into: out, at: o) else {
              overflowed = true
              return 0
            }
            o += written
          }
          i += length
        }
        return o
      }
    }
    return overflowed ? nil : result
  }

  /// Writes `value` as UTF-8 at `offset`; returns the byte count, or nil if it does not fit.
  @inline(__always)
  private static func encode(
    _ value: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int
  ) -> Int? {
    let length = value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x1_0000 ? 3 : 4
    guard offset + length <= out.count else { return nil }
    switch length {
    case 1:
      out[offset] = UInt8(value)
    case 2:
      out[offset] = UInt8(0xC0 | value >> 6)
      out[offset + 1] = UInt8(0x80 | value & 0x3F)
    case 3:
      out[offset] = UInt8(0xE0 | value >> 12)
      out[offset + 1] = UInt8(0x80 | value >> 6 & 0x3F)
      out[offset + 2] = UInt8(0x80 | value & 0x3F)
    default:
      out[offset] = UInt8(0xF0 | value >> 18)
      out[offset + 1] = UInt8(0x80 | value >> 12 & 0x3F)
      out[offset + 2] = UInt8(0x80 | value >> 6 & 0x3F)
      out[offset + 3] = UInt8(0x80 | value & 0x3F)
    }
    return length
  }
}
