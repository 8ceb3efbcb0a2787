/// What a terminal shows of a program's output, for tests: lines without escape sequences or
/// bidi isolates, and their widths in columns, measured independently of the program's own code.
public enum ScreenText {
  /// The displayed lines of `output`: control sequences, OSC strings and isolates removed,
  /// carriage returns dropped.
  public static func lines(_ output: String) -> [String] {
    var shown = String.UnicodeScalarView()
    let scalars = Array(output.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      if scalar == "\u{1B}", i + 1 < scalars.count {
        i = end(ofSequenceAt: i, in: scalars)
        continue
      }
      if scalar != "\r" && !("\u{2066}"..."\u{2069}").contains(scalar) { shown.append(scalar) }
      i += 1
    }
    return String(shown).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Columns a displayed line takes: combining marks and format characters none, emoji and
  /// wide East Asian characters two.
  public static func width(_ line: String) -> Int {
    line.reduce(0) { total, character in
      guard let first = character.unicodeScalars.first else { return total }
      let properties = first.properties
      if [.nonspacingMark, .enclosingMark, .format, .control].contains(properties.generalCategory) { return total }
      let wide =
        properties.isEmojiPresentation || (0x1100...0x115F).contains(first.value)
        || (0x2E80...0xA4CF).contains(first.value) || (0xAC00...0xD7A3).contains(first.value)
        || (0xF900...0xFAFF).contains(first.value) || (0xFF00...0xFF60).contains(first.value)
      return total + (wide ? 2 : 1)
    }
  }

  /// The index after the escape sequence that starts at `i`.
  private static func end(ofSequenceAt i: Int, in scalars: [Unicode.Scalar]) -> Int {
    switch scalars[i + 1] {
    case "[":
      var end = i + 2
      while end < scalars.count, (0x20...0x3F).contains(scalars[end].value) { end += 1 }
      return end + 1
    case "]":
      var end = i + 2
      while end < scalars.count, scalars[end] != "\u{07}", scalars[end] != "\u{1B}" { end += 1 }
      return scalars.indices.contains(end) && scalars[end] == "\u{1B}" ? end + 2 : end + 1
    default:
      return i + 2
    }
  }
}
