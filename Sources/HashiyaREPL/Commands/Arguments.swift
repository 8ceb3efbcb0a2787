import AnnotatorKit

/// A command's argument tokens, with helpers to take flags and positionals in a checked way.
///
/// Each `take…` consumes what it reads; `finish()` then refuses anything left over, so a typo in a
/// flag is an error rather than silently ignored.
public struct Arguments {
  public let command: String
  private var tokens: [Token]
  /// The options the command asked for so far: what an unknown one is compared with.
  private var offered: [String] = []

  public init(command: String, tokens: [Token]) {
    self.command = command
    self.tokens = tokens
  }

  public var isEmpty: Bool { tokens.isEmpty }

  /// Consumes `--name`; true if it was there.
  public mutating func takeFlag(_ name: String) -> Bool {
    offered.append(name)
    guard let index = tokens.firstIndex(of: .word("--" + name)) else { return false }
    tokens.remove(at: index)
    return true
  }

  /// Consumes `--name VALUE` or `--name=VALUE`.
  public mutating func takeOption(_ name: String) throws(CommandError) -> String? {
    offered.append(name)
    for (index, token) in tokens.enumerated() {
      if case .assignment(let key, let value) = token, key == "--" + name {
        tokens.remove(at: index)
        return value
      }
      if case .word(let word) = token, word.hasPrefix("--\(name)=") {
        tokens.remove(at: index)
        return String(word.dropFirst(name.count + 3))
      }
      if token == .word("--" + name) {
        guard index + 1 < tokens.count else {
          throw .usage(command: command, message: "--\(Excerpt.of(name)) needs a value")
        }
        let value = tokens[index + 1].text
        tokens.removeSubrange(index...index + 1)
        return value
      }
    }
    return nil
  }

  /// Consumes `--name N` as a positive integer.
  public mutating func takeIntOption(_ name: String) throws(CommandError) -> Int? {
    guard let value = try takeOption(name) else { return nil }
    guard let n = Int(value), n >= 1 else {
      throw .usage(
        command: command, message: "--\(Excerpt.of(name)) takes a positive number, not \"\(Excerpt.of(value))\"")
    }
    return n
  }

  /// Consumes and returns every remaining token.
  public mutating func takeAll() -> [Token] {
    defer { tokens.removeAll() }
    return tokens
  }

  /// Consumes every remaining token as free text (a query, paths), refusing an unquoted
  /// `--word` the command does not know instead of searching for it.
  public mutating func takeRest() throws(CommandError) -> [Token] {
    if let option = tokens.first(where: Self.looksLikeOption) { throw unknownOption(option.text) }
    return takeAll()
  }

  private static func looksLikeOption(_ token: Token) -> Bool {
    guard case .word(let word) = token else { return false }
    return word.hasPrefix("--") && word.count > 2
  }

  /// "unknown option --x", with the closest option the command knows when one is near.
  private func unknownOption(_ text: String) -> CommandError {
    let name = String(text.dropFirst(2).prefix { $0 != "=" })
    var message = "unknown option \"\(Excerpt.of(text))\""
    if let nearest = Spelling.nearest(to: name, among: offered) {
      message += "; did you mean --\(nearest)?"
    } else if !offered.isEmpty {
      message += " (options: " + offered.map { "--" + $0 }.joined(separator: ", ") + ")"
    }
    return .usage(command: command, message: message)
  }

  /// The next token, left in place.
  public var peek: Token? { tokens.first }

  /// Consumes the next token if there is one.
  public mutating func takeNext() -> Token? {
    tokens.isEmpty ? nil : tokens.removeFirst()
  }

  /// Consumes the next positional argument (a file, a topic); an unquoted `--word` there is an
  /// option the command does not know, never a file name.
  public mutating func takePositional() throws(CommandError) -> String? {
    if let next = tokens.first, Self.looksLikeOption(next) { throw unknownOption(next.text) }
    return takeNext()?.text
  }

  /// Consumes an optional report id (`12` or `#12`).
  public mutating func takeReportID() throws(CommandError) -> Int? {
    guard case .word(let word)? = tokens.first, !word.hasPrefix("--") else { return nil }
    guard let id = Handle.parse(word) else {
      throw .usage(command: command, message: "\"\(Excerpt.of(word))\" is not a report id")
    }
    tokens.removeFirst()
    return id
  }

  /// Throws if anything was left unconsumed.
  public func finish() throws(CommandError) {
    guard let first = tokens.first else { return }
    if Self.looksLikeOption(first) { throw unknownOption(first.text) }
    throw .usage(command: command, message: "unexpected argument \"\(Excerpt.of(first.text))\"")
  }
}
