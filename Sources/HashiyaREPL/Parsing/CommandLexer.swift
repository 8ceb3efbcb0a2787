/// Splits a command line, or a `;`-separated script of them, into commands and argument tokens.
///
/// Whether `/…/` is a regular expression depends on the command (in `import /tmp/a.txt` it is a
/// path), so the lexer asks `takesPatterns` about each command name before lexing its arguments.
public struct CommandLexer {
  private let takesPatterns: (String) -> Bool

  public init(takesPatterns: @escaping (String) -> Bool) {
    self.takesPatterns = takesPatterns
  }

  /// Parses `source` into commands; `;` separates commands outside quotes and patterns.
  public func parse(_ source: String) throws(CommandError) -> [ParsedCommand] {
    var cursor = Cursor(Array(source.unicodeScalars))
    var commands: [ParsedCommand] = []
    while true {
      cursor.skipSpaces()
      if cursor.atEnd { break }
      if cursor.peek == ";" {
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
        if cursor.atEnd || cursor.peek == ";" { break }
        arguments.append(try readToken(&cursor, patterns: patterns))
      }
      commands.append(
        ParsedCommand(name: name, arguments: arguments, source: cursor.text(from: start).trimmingTrailingSpaces()))
    }
    return commands
  }

  private func readToken(_ cursor: inout Cursor, patterns: Bool) throws(CommandError) -> Token {
    let start = cursor.position
    if cursor.peek == "\"" {
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
    while let scalar = cursor.peek, !Cursor.isSpace(scalar), scalar != ";" {
      if scalar == "=" && !word.isEmpty && word.first != "-" {
        cursor.advance()
        let value: String
        if cursor.peek == "\"" {
          value = try cursor.readQuoted()
        } else {
          value = cursor.readBareWord()
        }
        return .assignment(key: String(word), value: value)
      }
      if scalar == "\"" {
        throw .unexpectedQuote(column: cursor.position + 1)
      }
      word.append(scalar)
      cursor.advance()
    }
    return .word(String(word))
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

  mutating func skipSpaces() {
    while let scalar = peek, Self.isSpace(scalar) { advance() }
  }

  mutating func readBareWord() -> String {
    var word = String.UnicodeScalarView()
    while let scalar = peek, !Self.isSpace(scalar), scalar != ";" {
      word.append(scalar)
      advance()
    }
    return String(word)
  }

  /// Reads `"…"` with `\"` and `\\` escapes; the cursor is on the opening quote.
  mutating func readQuoted() throws(CommandError) -> String {
    let start = position
    advance()
    var text = String.UnicodeScalarView()
    while true {
      guard let scalar = peek else { throw .unterminated(kind: "quote", column: start + 1) }
      advance()
      switch scalar {
      case "\"":
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
    while let scalar = peek, ("0"..."9").contains(scalar) {
      digits.unicodeScalars.append(scalar)
      advance()
    }
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
