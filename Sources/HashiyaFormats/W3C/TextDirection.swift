/// The base direction a W3C `TextualBody` value needs (`textDirection`), from its first strong character.
enum TextDirection: String {
  case ltr, rtl

  /// `rtl` or `ltr` for a value that holds right-to-left script, nil for one that does not: a
  /// purely left-to-right value reads correctly without `textDirection`, so it is left out.
  static func of(_ value: String) -> TextDirection? {
    var first: TextDirection?
    var hasRTL = false
    for scalar in value.unicodeScalars {
      if isStrongRTL(scalar) {
        hasRTL = true
        if first == nil { first = .rtl }
        break
      }
      if first == nil && scalar.properties.isAlphabetic { first = .ltr }
    }
    return hasRTL ? first : nil
  }

  /// Letters of the right-to-left blocks (Hebrew, Arabic, Syriac, Thaana, N'Ko, their presentation
  /// forms and historic scripts); Arabic-Indic digits are weak, so they do not count.
  private static func isStrongRTL(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0660...0x0669, 0x06F0...0x06F9: return false
    case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
      return scalar.properties.isAlphabetic
    default: return false
    }
  }
}
