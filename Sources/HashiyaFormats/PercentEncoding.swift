/// Percent-encoding of the scalars a format cannot hold as they are: each one's UTF-8 bytes
/// written `%XX`, as brat attribute tokens and W3C vocabulary IRIs both need.
enum PercentEncoding {
  /// `text` with every scalar for which `mustEncode` holds written as its percent-encoded bytes.
  static func encode(_ text: String, where mustEncode: (Unicode.Scalar) -> Bool) -> String {
    var encoded = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard mustEncode(scalar) else {
        encoded.append(scalar)
        continue
      }
      for byte in String(scalar).utf8 {
        encoded.append("%")
        encoded.append(contentsOf: String(digits[Int(byte >> 4)]).unicodeScalars)
        encoded.append(contentsOf: String(digits[Int(byte & 0xF)]).unicodeScalars)
      }
    }
    return String(encoded)
  }

  private static let digits = Array("0123456789ABCDEF")
}
