/// Where every 32nd scalar of a UTF-8 text starts, in UTF-8 and UTF-16: enough to convert any
/// scalar offset by walking at most 31 scalars, at a fraction of the cost of full tables.
///
/// An export converts a few offsets per annotation, and full tables (12 bytes per scalar) cost it
/// more than all its checks; counting lead bytes eight at a time builds these instead. Every
/// method takes the same valid UTF-8 the index was built from.
struct ScalarCheckpoints: Sendable {
  /// Scalars between two checkpoints; a power of two.
  static let stride = 32
  /// Scalars in the text.
  let count: Int
  /// UTF-16 code units in the text.
  let utf16Count: Int
  /// `utf8[k]` is the UTF-8 offset of scalar `k * stride`, `utf16[k]` its UTF-16 offset.
  private let utf8: [Int32]
  private let utf16: [Int32]

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    let stride = Self.stride
    var utf8: [Int32] = []
    var utf16: [Int32] = []
    utf8.reserveCapacity(bytes.count / stride + 1)
    utf16.reserveCapacity(bytes.count / stride + 1)
    var scalars = 0
    var wide = 0  // scalars of four bytes, two UTF-16 units each
    var index = 0
    if let base = bytes.baseAddress {
      // Eight bytes at a time; with 32 scalars between checkpoints, a word holds at most one.
      while index + 8 <= bytes.count {
        let word = Word(base + index)
        let nextCheckpoint = (scalars + stride - 1) & ~(stride - 1)
        if nextCheckpoint < scalars + word.leads {
          let byte = word.byteOfLead(nextCheckpoint - scalars)
          utf8.append(Int32(index + byte))
          utf16.append(Int32(nextCheckpoint + wide + word.wideBefore(byte)))
        }
        scalars += word.leads
        wide += word.wide
        index += 8
      }
      for offset in index..<bytes.count where base[offset] & 0xC0 != 0x80 {
        if scalars & (stride - 1) == 0 {
          utf8.append(Int32(offset))
          utf16.append(Int32(scalars + wide))
        }
        scalars += 1
        if base[offset] >= 0xF0 { wide += 1 }
      }
    }
    self.count = scalars
    self.utf16Count = scalars + wide
    self.utf8 = utf8
    self.utf16 = utf16
  }

  /// The UTF-8 offset of scalar `offset` (0...count).
  func utf8Offset(ofScalar offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    walk(to: offset, in: bytes).utf8
  }

  /// The UTF-16 offset of scalar `offset` (0...count).
  func utf16Offset(ofScalar offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    walk(to: offset, in: bytes).utf16
  }

  /// The UTF-8 offsets of a range's ends; the end walks on from the start when that is nearer
  /// than its checkpoint, as it is for most spans.
  func utf8Range(of range: TextRange, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
    let start = walk(to: range.start, in: bytes)
    let length = range.end - range.start
    let end =
      length >= 0 && length < range.end & (Self.stride - 1)
      ? Self.walk(skipping: length, from: start, in: bytes) : walk(to: range.end, in: bytes)
    return start.utf8..<end.utf8
  }

  /// Both offsets of scalar `offset`, from the checkpoint before it.
  private func walk(to offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (utf8: Int, utf16: Int) {
    guard offset < count else { return (bytes.count, utf16Count) }
    let checkpoint = offset / Self.stride
    let from = (utf8: Int(utf8[checkpoint]), utf16: Int(utf16[checkpoint]))
    return Self.walk(skipping: offset - checkpoint * Self.stride, from: from, in: bytes)
  }

  /// Both offsets of the scalar `skip` scalars after the one at `from` (a lead byte, or the end).
  private static func walk(
    skipping skip: Int, from: (utf8: Int, utf16: Int), in bytes: UnsafeBufferPointer<UInt8>
  ) -> (utf8: Int, utf16: Int) {
    var left = skip
    var index = from.utf8
    var wide = 0
    guard let base = bytes.baseAddress else { return from }
    while index + 8 <= bytes.count {
      let word = Word(base + index)
      if left < word.leads {
        let byte = word.byteOfLead(left)
        return (index + byte, from.utf16 + skip + wide + word.wideBefore(byte))
      }
      left -= word.leads
      wide += word.wide
      index += 8
    }
    while index < bytes.count {
      let byte = base[index]
      if byte & 0xC0 != 0x80 {
        if left == 0 { break }
        left -= 1
        if byte >= 0xF0 { wide += 1 }
      }
      index += 1
    }
    return (index, from.utf16 + skip + wide)
  }

  /// Eight bytes of UTF-8 read as one integer, each byte's kind as a 0 or 1 in its own byte.
  ///
  /// Counting by multiplication rather than `nonzeroBitCount`: without a CPU feature the build
  /// cannot assume, a population count is a dozen instructions, and this runs once per word.
  private struct Word {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 1 in each byte that starts a scalar: not a continuation (bit 7 set, bit 6 clear).
    let leadLanes: UInt64
    /// 1 in each byte that starts a four-byte scalar (its top four bits set).
    let wideLanes: UInt64

    init(_ pointer: UnsafePointer<UInt8>) {
      // Little-endian: byte n of the text is bits 8n..<8n+8, so a right shift by k brings bit k of
      // each byte to bit 0 of the same byte, and masking with `ones` keeps only those.
      let word = UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
      let continuation = (word >> 7) & ~(word >> 6) & Self.ones
      leadLanes = continuation ^ Self.ones
      wideLanes = (word >> 7) & (word >> 6) & (word >> 5) & (word >> 4) & Self.ones
    }

    /// The sum of the byte lanes of `lanes` (each 0 or 1), gathered in the top byte by the product.
    private static func sum(_ lanes: UInt64) -> Int { Int((lanes &* ones) >> 56) }

    var leads: Int { Self.sum(leadLanes) }
    var wide: Int { Self.sum(wideLanes) }

    /// The byte (0..<8) where the lead numbered `n` (from 0) in this word is.
    func byteOfLead(_ n: Int) -> Int {
      var lanes = leadLanes
      for _ in 0..<n { lanes &= lanes - 1 }
      return lanes.trailingZeroBitCount / 8
    }

    /// Four-byte leads before byte `byte`.
    func wideBefore(_ byte: Int) -> Int {
      Self.sum(wideLanes & ((1 << UInt64(byte * 8)) &- 1))
    }
  }

  /// Scalars before an offset that a grapheme check decodes; runs longer than this are rare
  /// enough to be left to the full tables.
  static let window = 8

  /// Whether scalar offset `offset` (0...count), whose scalar starts at byte `position`, is a
  /// grapheme cluster boundary, decided from the scalars just before it; nil when a run of
  /// regional indicators, or of marks after a ZWJ, reaches past them and only the whole text can
  /// tell.
  func isGraphemeBoundary(at offset: Int, byte position: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard offset > 0 && offset < count else { return offset == 0 || offset == count }
    let window = Self.window
    return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: window + 1) { buffer in
      guard let base = buffer.baseAddress else { return nil }
      // Decode backwards from the offset, filling the buffer from its end.
      var before = 0
      var lead = position
      while before < window && lead > 0 {
        lead = Self.lead(before: lead, in: bytes)
        (base + window - 1 - before).initialize(to: Self.scalar(at: lead, in: bytes))
        before += 1
      }
      (base + window).initialize(to: Self.scalar(at: position, in: bytes))
      let scalars = UnsafeBufferPointer(rebasing: buffer[(window - before)...])
      if lead > 0 && Self.mayReachPast(scalars, before: before) { return nil }
      return GraphemeSegmenter.isBoundary(at: before, in: scalars)
    }
  }

  /// Whether the segmenter's look back from the last of `before` scalars could go past the first:
  /// it scans back over regional indicators after one, and over marks after a ZWJ.
  private static func mayReachPast(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, before: Int) -> Bool {
    let previous = GraphemeBreakProperty.of(scalars[before - 1])
    switch previous {
    case .regionalIndicator:
      return scalars[0..<before].allSatisfy { GraphemeBreakProperty.of($0) == .regionalIndicator }
    case .zwj:
      return scalars[0..<before - 1].allSatisfy { GraphemeBreakProperty.of($0) == .extend }
    default:
      return false
    }
  }

  /// Where the scalar `count` scalars after the one at `lead` starts, or the text's end.
  static func lead(_ count: Int, after lead: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    walk(skipping: count, from: (lead, 0), in: bytes).utf8
  }

  /// Where the scalar `count` scalars before the one at `lead` starts; there must be that many.
  static func lead(_ count: Int, before lead: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var left = count
    var end = lead
    if let base = bytes.baseAddress {
      // Eight bytes at a time, back from `end`: the scalar sought is the `left`th lead from the
      // word's end once the word holds that many.
      while left > 0 && end >= 8 {
        let word = Word(base + end - 8)
        if word.leads >= left {
          var lanes = word.leadLanes
          for _ in 1..<left { lanes &= ~(1 << UInt64(63 - lanes.leadingZeroBitCount)) }
          return end - 8 + (63 - lanes.leadingZeroBitCount) / 8
        }
        left -= word.leads
        end -= 8
      }
    }
    while left > 0 {
      end = Self.lead(before: end, in: bytes)
      left -= 1
    }
    return end
  }

  /// Where the scalar before the one at `lead` starts.
  static func lead(before lead: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var previous = lead - 1
    while bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
    return previous
  }

  private static func scalar(at lead: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
    // The bytes are a String's, always valid UTF-8.
    Unicode.Scalar(UTF8Scalar.decode(bytes, at: lead).value).unsafelyUnwrapped
  }
}
