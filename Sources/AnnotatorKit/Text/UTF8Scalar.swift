/// Decodes and encodes one scalar of UTF-8 for the loops that walk a text's bytes: decoding trusts
/// the text to be valid already (a `String`'s storage) and does not pay to validate it again.
public enum UTF8Scalar {
  /// The value of the scalar whose lead byte is at `index`, and its width in bytes.
  @inlinable
  public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, width: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    if lead < 0xE0 { return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
    if lead < 0xF0 {
      return (
        UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3
      )
    }
    return (
      UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
        | UInt32(bytes[index + 3] & 0x3F), 4
    )
  }

  /// Writes `value` as UTF-8 at `offset`; returns the byte count, or nil if it does not fit.
  @inlinable
  public static func encode(_ value: UInt32, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int? {
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
