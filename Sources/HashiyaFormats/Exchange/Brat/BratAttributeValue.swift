import AnnotatorKit

/// How an attribute value is spelled on a brat `A` line, where whitespace ends the value.
///
/// brat's own attributes are single tokens; Hashiya's free-text values (a speaker's name) are
/// percent-encoded (`%`, whitespace, and the `,`, `|` and `:` that separate arguments and values
/// in `annotation.conf`, where the same token is declared) so they survive the trip and stay
/// readable in brat.
enum BratAttributeValue {
  /// The token for a value; nil for values brat spells by absence (`false`, `null`).
  static func token(for value: JSONValue) -> String? {
    switch value {
    case .null, .bool(false): return nil
    case .bool(true): return ""
    case .int(let i): return String(i)
    case .double(let d): return encode(d.description)
    case .string(let s): return encode(s)
    case .array, .object: return encode(JSONWriter.string(value))
    }
  }

  /// The value of a token read back: numbers become numbers, anything else a string.
  ///
  /// brat carries no types, so a free-text value made only of digits comes back as a number.
  static func value(of token: String) -> JSONValue {
    let text = decode(token)
    if let int = Int(text) { return .int(int) }
    if text.contains("."), let double = Double(text), double.isFinite { return .double(double) }
    return .string(text)
  }

  /// The value of a token as the attribute's kind says, when a schema declares it: a choice or
  /// free text stays a string even when it is all digits.
  static func value(of token: String, kind: AttributeSchema.Kind?) -> JSONValue {
    switch kind {
    case .enumeration?, .text?: return .string(decode(token))
    default: return value(of: token)
    }
  }

  static func encode(_ text: String) -> String {
    PercentEncoding.encode(text) { "%,|:".unicodeScalars.contains($0) || $0.properties.isWhitespace }
  }

  static func decode(_ token: String) -> String {
    guard token.contains("%") else { return token }
    var bytes: [UInt8] = []
    let utf8 = Array(token.utf8)
    var i = 0
    while i < utf8.count {
      if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count, let high = nibble(utf8[i + 1]), let low = nibble(utf8[i + 2])
      {
        bytes.append(high << 4 | low)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func nibble(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    default: return nil
    }
  }
}
