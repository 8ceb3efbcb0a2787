import HashiyaAnnotating

extension SpanSpecifier {
  /// Reads a SPAN argument as the command lexer gave it; nil when the token is not a span at all.
  public init?(_ token: Token) {
    switch token {
    case .quoted(let text, let occurrence):
      self = .text(text, occurrence: occurrence)
    case .regex(let pattern, let flags):
      self = .regex(pattern: pattern, flags: flags)
    case .assignment:
      return nil
    case .word(let word):
      // `س٤ز٣` is `s4.3` typed with the Arabic layout on.
      guard let parsed = Self.parse(word) ?? ArabicKeyboard.latin(word).flatMap(Self.parse) else { return nil }
      self = parsed
    }
  }
}
