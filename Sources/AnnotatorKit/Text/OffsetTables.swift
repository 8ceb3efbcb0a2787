/// Every scalar of a text with its UTF-16 and UTF-8 offsets, for constant-time conversion.
struct OffsetTables: Sendable {
  let scalars: [Unicode.Scalar]
  /// `utf16Prefix[i]` is the UTF-16 offset of scalar `i`; one extra entry for the end.
  let utf16Prefix: [Int32]
  /// `utf8Prefix[i]` is the UTF-8 offset of scalar `i`; one extra entry for the end.
  let utf8Prefix: [Int32]

  var utf16Count: Int { Int(utf16Prefix[scalars.count]) }

  /// The UTF-8 offsets of a range's ends.
  func utf8Range(of range: TextRange) -> Range<Int> { Int(utf8Prefix[range.start])..<Int(utf8Prefix[range.end]) }

  init(_ string: String) {
    var string = string
    // One pass over the UTF-8 storage writes the scalars and both offset tables straight into
    // their arrays; going through `unicodeScalars` and appending costs several times more, and
    // every command starts here. A String's storage is always valid UTF-8.
    var utf16: [Int32] = []
    var utf8: [Int32] = []
    scalars = string.withUTF8 { bytes in
      var count = 0
      for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
      return [Unicode.Scalar](unsafeUninitializedCapacity: count) { scalarBuffer, scalarCount in
        utf16 = [Int32](unsafeUninitializedCapacity: count + 1) { utf16Buffer, utf16Count in
          utf8 = [Int32](unsafeUninitializedCapacity: count + 1) { utf8Buffer, utf8Count in
            var u16: Int32 = 0
            var index = 0
            var n = 0
            while index < bytes.count {
              let (value, width) = UTF8Scalar.decode(bytes, at: index)
              (scalarBuffer.baseAddress! + n).initialize(to: Unicode.Scalar(value).unsafelyUnwrapped)
              (utf16Buffer.baseAddress! + n).initialize(to: u16)
              (utf8Buffer.baseAddress! + n).initialize(to: Int32(index))
              u16 += width == 4 ? 2 : 1
              index += width
              n += 1
            }
            (utf16Buffer.baseAddress! + n).initialize(to: u16)
            (utf8Buffer.baseAddress! + n).initialize(to: Int32(bytes.count))
            utf8Count = n + 1
          }
          utf16Count = count + 1
        }
        scalarCount = count
      }
    }
    utf16Prefix = utf16
    utf8Prefix = utf8
  }
}
