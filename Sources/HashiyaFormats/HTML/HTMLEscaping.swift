/// Escaping for text placed in HTML, where report text must never become markup.
enum HTMLEscaping {
  /// Text for element content or a quoted attribute value.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// JSON text made safe inside `<script>`: a `<` there could close the element (`</script>`).
  ///
  /// `<` only ever occurs inside JSON strings, where `\u003c` means the same character.
  static func scriptSafeJSON(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    for byte in bytes {
      if byte == UInt8(ascii: "<") {
        out += Array("\\u003c".utf8)
      } else {
        out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
