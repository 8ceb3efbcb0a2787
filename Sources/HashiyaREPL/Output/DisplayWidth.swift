/// Terminal column widths, for aligned tables of mixed-script text.
public enum DisplayWidth {
  /// Columns a string takes: marks, joiners and bidi controls take none; wide East Asian
  /// characters and emoji take two.
  ///
  /// Escape sequences (colour codes) take none: they are not displayed.
  public static func of(_ text: String) -> Int {
    var width = 0
    for character in visible(text) {
      guard let first = character.unicodeScalars.first else { continue }
      if character.unicodeScalars.allSatisfy(isZeroWidth) { continue }
      width += isWide(first) || (first.properties.isEmojiPresentation) ? 2 : 1
    }
    return width
  }

  /// `text` without its escape sequences.
  static func visible(_ text: String) -> String {
    guard text.utf8.contains(0x1B) else { return text }
    var copy = text
    return copy.withUTF8 { bytes in
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var i = 0
      while i < bytes.count {
        if let length = TextStyle.escapeSequenceLength(bytes, at: i) {
          i += length
        } else {
          out.append(bytes[i])
          i += 1
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Cuts `text` to at most `columns` columns, ending with "…" when it was cut: after the last
  /// whole word that fits, unless that leaves less than half, since a word cut short loses its
  /// letters' joining and can read as another word.
  public static func truncate(_ text: String, to columns: Int) -> String {
    guard of(text) > columns else { return text }
    var result = ""
    var width = 0
    for character in text {
      let w = of(String(character))
      if width + w > columns - 1 { break }
      result.append(character)
      width += w
    }
    if let space = result.lastIndex(of: " "), of(String(result[..<space])) >= columns / 2,
      result.count < text.count, text[text.index(text.startIndex, offsetBy: result.count)] != " "
    {
      return String(result[..<space]) + " …"
    }
    return result + "…"
  }

  /// Pads `text` on the right to `columns` columns.
  public static func pad(_ text: String, to columns: Int) -> String {
    text + String(repeating: " ", count: max(0, columns - of(text)))
  }

  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control: return true
    default: return scalar == "\u{200B}"
    }
  }

  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      return true
    default:
      return false
    }
  }
}
