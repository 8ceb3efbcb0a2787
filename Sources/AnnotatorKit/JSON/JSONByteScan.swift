/// Byte-level helpers shared by the parser and writer, whose hot loops both
/// hinge on finding the next byte of a string that needs escaping.
enum JSONByteScan {
  /// Index of the first `"`, `\` or control byte in `[start, end)`, or `end`; with
  /// `terminalControls`, also DEL and the C1 controls (U+0080…U+009F, lead byte 0xC2), which JSON
  /// allows raw but a terminal showing `--json` output would obey (the writer escapes them).
  ///
  /// Checks eight bytes per step: long Arabic strings contain none of these
  /// bytes, so nearly all of the time is spent in the word loop. Valid UTF-8 is assumed, so the
  /// byte after a 0xC2 exists.
  @inline(__always)
  static func indexOfEscapable(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int, terminalControls: Bool = false
  ) -> Int {
    let raw = UnsafeRawPointer(base)
    var i = start
    while true {
      while i &+ 8 <= end {
        let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if wordHasEscapable(word) { break }
        if terminalControls && (wordHasByte(word, 0x7F) || wordHasByte(word, 0xC2)) { break }
        i &+= 8
      }
      // Either a hit is within the next eight bytes or fewer than eight remain.
      let stop = min(i &+ 8, end)
      while i < stop {
        let b = base[i]
        if b == 0x22 || b == 0x5C || b < 0x20 { return i }
        if terminalControls && (b == 0x7F || (b == 0xC2 && i &+ 1 < end && base[i &+ 1] < 0xA0)) { return i }
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

  /// May report a false positive only in a word that also holds a true one, so
  /// the byte loop after a hit always finds it.
  @inline(__always)
  static func wordHasEscapable(_ w: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quote = w ^ (ones &* 0x22)
    let backslash = w ^ (ones &* 0x5C)
    let zeroQuote = (quote &- ones) & ~quote
    let zeroBackslash = (backslash &- ones) & ~backslash
    let belowSpace = (w &- ones &* 0x20) & ~w
    return (zeroQuote | zeroBackslash | belowSpace) & highs != 0
  }

  @inline(__always)
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let end = bytes.count
    var i = 0
    while i &+ 8 <= end {
      if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      i &+= 8
    }
    while i < end {
      if base[i] >= 0x80 { return false }
      i &+= 1
    }
    return true
  }

  /// Offset of the first byte that starts an ill-formed UTF-8 sequence in
  /// `[start, end)`, or nil. Only used to locate errors and on platforms
  /// without `String(validating:as:)`, so clarity beats speed here.
  static func firstInvalidUTF8(
    _ base: UnsafePointer<UInt8>, from start: Int, to end: Int
  ) -> Int? {
    var i = start
    while i < end {
      let lead = base[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      // Ranges from Unicode Table 3-7: they exclude overlongs, surrogates and
      // scalars above U+10FFFF through the allowed second byte.
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      let length: Int
      switch lead {
      case 0xC2...0xDF: length = 2
      case 0xE0: length = 3; low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: length = 3
      case 0xED: length = 3; high = 0x9F
      case 0xF0: length = 4; low = 0x90
      case 0xF1...0xF3: length = 4
      case 0xF4: length = 4; high = 0x8F
      default: return i
      }
      guard i + length <= end, (low...high).contains(base[i + 1]) else { return i }
      for k in 2..<length where base[i + k] & 0xC0 != 0x80 {
        return i
      }
      i += length
    }
    return nil
  }

  /// A `String` from bytes that must be valid UTF-8, or nil when they are not.
  @inline(__always)
  static func validatedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    // ASCII is always valid, and `String(decoding:)` is specialized inline while
    // `String(validating:)` pays a generic-metadata lookup per call, which
    // dominates for the many short keys in a record.
    if isASCII(bytes) { return String(decoding: bytes, as: UTF8.self) }
    if #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) {
      // One pass: validation and copy happen together.
      return String(validating: bytes, as: UTF8.self)
    }
    guard let base = bytes.baseAddress else { return "" }
    if firstInvalidUTF8(base, from: 0, to: bytes.count) != nil { return nil }
    return String(decoding: bytes, as: UTF8.self)
  }
}
