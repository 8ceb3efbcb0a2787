/// UTF-8 and UTF-16 offsets of every scalar of a text, for checking an imported report's spans
/// without building a full `ReportText` (segmentation and folding) just to read a file.
struct ScalarOffsetTable {
  /// `utf8[i]` is the UTF-8 offset of scalar `i`; one extra entry for the end.
  private var utf8: [Int32] = [0]
  private var utf16: [Int32] = [0]

  init(_ text: String) {
    var u8: Int32 = 0
    var u16: Int32 = 0
    for scalar in text.unicodeScalars {
      u8 += Int32(UTF8.width(scalar))
      u16 += Int32(UTF16.width(scalar))
      utf8.append(u8)
      utf16.append(u16)
    }
  }

  /// The text's length in scalars.
  var count: Int { utf8.count - 1 }

  func utf8Offset(ofScalar offset: Int) -> Int { Int(utf8[offset]) }
  func utf16Offset(ofScalar offset: Int) -> Int { Int(utf16[offset]) }
}
