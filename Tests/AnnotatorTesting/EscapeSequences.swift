/// A strict reader of the escape sequences a program wrote to a terminal, for tests.
public enum EscapeSequences {
  /// Where `text` holds an escape sequence a VT parser would reject or cut short: a control
  /// sequence (`ESC [`) must run parameters, intermediates and one final byte, with nothing
  /// else (an isolate, a letter of text) inside it.
  public static func malformed(in text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    var problems: [String] = []
    var i = 0
    while i < scalars.count {
      guard scalars[i] == "\u{1B}" else {
        i += 1
        continue
      }
      guard i + 1 < scalars.count else {
        problems.append("ESC at the end")
        break
      }
      switch scalars[i + 1] {
      case "[":
        var end = i + 2
        while end < scalars.count, (0x30...0x3F).contains(scalars[end].value) { end += 1 }
        while end < scalars.count, (0x20...0x2F).contains(scalars[end].value) { end += 1 }
        if end >= scalars.count || !(0x40...0x7E).contains(scalars[end].value) {
          let found = end < scalars.count ? "U+\(String(scalars[end].value, radix: 16, uppercase: true))" : "the end"
          problems.append("control sequence at \(i) broken by \(found)")
        }
        i = end + 1
      case "]":
        // An operating system command runs to BEL or ESC \.
        var end = i + 2
        while end < scalars.count, scalars[end] != "\u{07}", scalars[end] != "\u{1B}" { end += 1 }
        i = end + 1
      default:
        i += 2
      }
    }
    return problems
  }
}
