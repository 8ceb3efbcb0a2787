/// Splits a command line, or a `;`-separated script of them, into commands and argument tokens.
///
/// Whether `/…/` is a regular expression depends on the command (in `import /tmp/a.txt` it is a
/// path), so the lexer asks `takesPatterns` about each command name before lexing its arguments.
///
/// What an Arabic keyboard types is understood as well: «…», “…” and „…“ quote like "…"; the
/// Arabic semicolon ؛ separates commands; in words (handles, report ids, `s7.11-12`, numbers)
/// Arabic-Indic and Eastern Arabic-Indic digits read as 0–9 and the Arabic comma ، as `,`.
/// Quoted text is kept exactly as typed, since it is matched against the report.
public struct CommandLexer {
  private let takesPatterns: (String) -> Bool

  public init(takesPatterns: @escaping (String) -> Bool) {
    self.takesPatterns = takesPatterns
  }

  /// The quote that closes one opened by `scalar`, if it opens one; completion reads open quotes too.
  static func closingQuote(_ scalar: Unicode.Scalar) -> Unicode.Scalar? { Cursor.closingQuote(scalar) }

  /// `;` or `؛`, which end a command outside quotes.
  static func isSeparator(_ scalar: Unicode.Scalar) -> Bool { Cursor.isSeparator(scalar) }

  /// Parses `source` into commands; `;` separates commands outside quotes and patterns.
  public func parse(_ source: String) throws(CommandError) -> [ParsedCommand] {
    var cursor = Cursor(Array(source.unicodeScalars))
    var commands: [ParsedCommand] = []
    while true {
      cursor.skipSpaces()
      if cursor.atEnd { break }
      if let peek = cursor.peek, Cursor.isSeparator(peek) {
        cursor.advance()
        continue
      }
      if cursor.peek == "#" && commands.isEmpty && cursor.position == 0 { break }
      let start = cursor.position
      let name = cursor.readBareWord()
      let patterns = takesPatterns(name)
      var arguments: [Token] = []
      while true {
        cursor.skipSpaces()
        if cursor.atEnd || cursor.peek.map(Cursor.isSeparator) == true { break }
        arguments.append(try readToken(&cursor, patterns: patterns))
      }
      commands.append(
        ParsedCommand(name: name, arguments: arguments, source: cursor.text(from: start).trimmingTrailingSpaces()))
    }
    return commands
  }

  private func readToken(_ cursor: inout Cursor, patterns: Bool) throws(CommandError) -> Token {
    let start = cursor.position
    if cursor.peek.flatMap(Cursor.closingQuote) != nil {
      let text = try cursor.readQuoted()
      return .quoted(text, occurrence: try cursor.readOccurrence())
    }
    if patterns && cursor.peek == "/" {
      cursor.advance()
      var pattern = String.UnicodeScalarView()
      while true {
        guard let scalar = cursor.peek else {
          throw .unterminated(kind: "regular expression", column: start + 1)
        }
        cursor.advance()
        if scalar == "\\", let next = cursor.peek {
          // Keep the escape for the regex engine, except for an escaped delimiter.
          if next != "/" { pattern.append("\\") }
          pattern.append(next)
          cursor.advance()
        } else if scalar == "/" {
          break
        } else {
          pattern.append(scalar)
        }
      }
      var flags = String.UnicodeScalarView()
      while let scalar = cursor.peek, scalar.properties.isAlphabetic {
        flags.append(scalar)
        cursor.advance()
      }
      return .regex(pattern: String(pattern), flags: String(flags))
    }
    var word = String.UnicodeScalarView()
    while let scalar = cursor.peek, !Cursor.isSpace(scalar), !Cursor.isSeparator(scalar) {
      if scalar == "=" && !word.isEmpty && word.first != "-" {
        cursor.advance()
        let value: String
        if cursor.peek.flatMap(Cursor.closingQuote) != nil {
          value = try cursor.readQuoted()
        } else {
          // A number typed in Arabic digits is a number; any other bare value stays as typed.
          let bare = cursor.readBareWord()
          value = Cursor.isNumber(bare) ? Cursor.westernised(bare) : bare
        }
        return .assignment(key: String(word), value: value)
      }
      if scalar == "\"" {
        throw .unexpectedQuote(column: cursor.position + 1)
      }
      word.append(scalar)
      cursor.advance()
    }
    return .word(Cursor.westernised(String(word)))
  }
}

/// A position in the scalars of a command line.
private struct Cursor {
  let scalars: [Unicode.Scalar]
  private(set) var position = 0

  init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

  var atEnd: Bool { position >= scalars.count }
  var peek: Unicode.Scalar? { atEnd ? nil : scalars[position] }
  mutating func advance() { position += 1 }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace
  }

  /// `;`, or the Arabic semicolon `؛`.
  static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    scalar == ";" || scalar == "\u{061B}"
  }

  /// The quote that closes one opened by `scalar`, if it opens one.
  static func closingQuote(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar {
    case "\"": "\""
    case "\u{00AB}": "\u{00BB}"  // « »
    case "\u{201C}": "\u{201D}"  // “ ”
    case "\u{201E}": "\u{201C}"  // „ “
    default: nil
    }
  }

  /// `word` with Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹) digits as 0–9, and the
  /// Arabic comma as `,`.
  static func westernised(_ word: String) -> String {
    guard word.unicodeScalars.contains(where: { $0.value >= 0x060C && $0.value <= 0x06F9 }) else { return word }
    var out = String.UnicodeScalarView()
    for scalar in word.unicodeScalars {
      switch scalar.value {
      case 0x0660...0x0669: out.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30) ?? scalar)
      case 0x06F0...0x06F9: out.append(Unicode.Scalar(scalar.value - 0x06F0 + 0x30) ?? scalar)
      case 0x060C: out.append(",")
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether `word` is a number in any of the three digit sets (a sign and a point allowed).
  static func isNumber(_ word: String) -> Bool {
    let western = westernised(word)
    return !western.isEmpty && Double(western) != nil && western.unicodeScalars.allSatisfy { $0.isASCII }
  }

  mutating func skipSpaces() {
    while let scalar = peek, Self.isSpace(scalar) { advance() }
  }

  mutating func readBareWord() -> String {
    var word = String.UnicodeScalarView()
    while let scalar = peek, !Self.isSpace(scalar), !Self.isSeparator(scalar) {
      word.append(scalar)
      advance()
    }
    return String(word)
  }

  /// Reads `"…"` (or «…», “…”, „…“) with `\"` and `\\` escapes; the cursor is on the opening quote.
  mutating func readQuoted() throws(CommandError) -> String {
    let start = position
    let closing = peek.flatMap(Self.closingQuote) ?? "\""
    advance()
    var text = String.UnicodeScalarView()
    while true {
      guard let scalar = peek else { throw .unterminated(kind: "quote", column: start + 1) }
      advance()
      switch scalar {
      case closing:
        return String(text)
      case "\\":
        guard let next = peek else { throw .unterminated(kind: "quote", column: start + 1) }
        advance()
        switch next {
        case "n": text.append("\n")
        case "t": text.append("\t")
        default: text.append(next)
        }
      default:
        text.append(scalar)
      }
    }
  }

  /// Reads an optional `#N` right after a closing quote.
  mutating func readOccurrence() throws(CommandError) -> Int? {
    guard peek == "#" else { return nil }
    let start = position
    advance()
    var digits = ""
    while let scalar = peek, ("0"..."9").contains(Self.westernised(String(scalar)).unicodeScalars.first ?? scalar) {
      digits.unicodeScalars.append(scalar)
      advance()
    }
    digits = Self.westernised(digits)
    guard let n = Int(digits), n >= 1 else { throw .badOccurrence(column: start + 1) }
    return n
  }

  func text(from start: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<position])
    return String(view)
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var copy = self
    while let last = copy.last, last.isWhitespace { copy.removeLast() }
    return copy
  }
}
