/// Text folded to a width at spaces, never inside a word, with a hanging indent.
enum TextWrap {
  /// `text` cut into lines of at most `width` columns after a first line that starts `indent`
  /// columns in; later lines are indented by `indent` spaces. A word longer than a line stays
  /// whole on a line of its own.
  static func wrap(_ text: String, width: Int, indent: Int) -> String {
    let room = max(20, width - indent)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      let candidate = line.isEmpty ? String(word) : line + " " + word
      if DisplayWidth.of(candidate) > room && !line.isEmpty {
        lines.append(line)
        line = String(word)
      } else {
        line = candidate
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n" + String(repeating: " ", count: indent))
  }
}
