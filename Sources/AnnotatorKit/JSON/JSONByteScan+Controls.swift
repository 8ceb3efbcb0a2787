extension JSONByteScan {
  /// Index of the first byte in `[start, end)` the writer escapes, or `end`: what JSON requires
  /// (`"`, `\`, C0 controls) plus DEL and the C1 controls (U+0080…U+009F, lead byte 0xC2), which
  /// JSON allows raw but a terminal showing `--json` output would obey.
  ///
  /// Valid UTF-8 is assumed, so the byte after a 0xC2 exists.
  @inline(__always)
  static func indexOfControlOrEscapable(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int
  ) -> Int {
    let raw = UnsafeRawPointer(base)
    var i = start
    while true {
      while i &+ 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if wordHasEscapable(word) || wordHasByte(word, 0x7F) || wordHasByte(word, 0xC2) { break }
        i &+= 8
      }
      let stop = min(i &+ 8, end)
      while i < stop {
        let b = base[i]
        if b == 0x22 || b == 0x5C || b < 0x20 || b == 0x7F { return i }
        if b == 0xC2 && i &+ 1 < end && base[i &+ 1] < 0xA0 { return i }
        i &+= 1
      }
      if i >= end { return end }
    }
  }

  /// Whether any byte of `w` equals `byte` (false positives only beside a true one).
  @inline(__always)
  static func wordHasByte(_ w: UInt64, _ byte: UInt8) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let x = w ^ (ones &* UInt64(byte))
    return (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0
  }
}
