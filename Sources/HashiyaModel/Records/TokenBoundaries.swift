import AnnotatorKit

/// The word tokens of a report as the project keeps them (`reportTokens.boundaries`), so
/// `agreement` reads them instead of segmenting every text again.
///
/// Each token is two unsigned LEB128 numbers: its start's distance from the previous token's end
/// (zigzag-coded, as an unusual segmentation could step back) and its length. Tokens are mostly
/// short and one space apart, so a token takes about two bytes.
public enum TokenBoundaries {
  /// The tokens `agreement` compares on: those of `ReportText.tokens(of:)`.
  public static func tokens(of text: String) -> [TextRange] {
    ReportText.tokens(of: text)
  }

  public static func encode(_ tokens: [TextRange]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(tokens.count * 2)
    var previous = 0
    for token in tokens {
      let gap = token.start - previous
      append(UInt64(bitPattern: Int64((gap << 1) ^ (gap >> (Int.bitWidth - 1)))), to: &bytes)
      append(UInt64(max(0, token.length)), to: &bytes)
      previous = token.end
    }
    return bytes
  }

  /// The tokens in `bytes`; nil when they are not a sequence `encode` writes for a text of
  /// `length` scalars.
  public static func decode(_ bytes: UnsafeRawBufferPointer, length: Int) -> [TextRange]? {
    var tokens: [TextRange] = []
    var offset = 0
    var previous = 0
    while offset < bytes.count {
      guard let zigzag = next(bytes, &offset), let size = next(bytes, &offset) else { return nil }
      let gap = Int(truncatingIfNeeded: zigzag >> 1) ^ -Int(truncatingIfNeeded: zigzag & 1)
      let (start, startOverflow) = previous.addingReportingOverflow(gap)
      let (end, endOverflow) = start.addingReportingOverflow(Int(truncatingIfNeeded: size))
      guard !startOverflow, !endOverflow, size > 0, start >= 0, end <= length else { return nil }
      tokens.append(TextRange(start, end))
      previous = end
    }
    return tokens
  }

  private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  /// The number at `offset`, which moves past it; nil when the bytes end inside it or it is too long.
  private static func next(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) -> UInt64? {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while offset < bytes.count {
      let byte = bytes[offset]
      offset += 1
      guard shift < 64 else { return nil }
      value |= UInt64(byte & 0x7F) << shift
      if byte < 0x80 { return value }
      shift += 7
    }
    return nil
  }
}
