/// One argument of a command line, as the lexer split it.
public enum Token: Equatable, Sendable {
  /// A bare word: `show`, `12`, `--tokens`, `s3.4-7`, `120..131`, `@`.
  case word(String)
  /// A double-quoted string, with an optional occurrence suffix (`"text"#2`).
  case quoted(String, occurrence: Int?)
  /// A `/pattern/flags` regular expression, only where the command takes patterns.
  case regex(pattern: String, flags: String)
  /// `key=value` or `key="a value"`.
  case assignment(key: String, value: String)

  /// The token as plain text, for commands that take any text (a search query, a path).
  public var text: String {
    switch self {
    case .word(let w): return w
    case .quoted(let q, _): return q
    case .regex(let pattern, let flags): return "/\(pattern)/\(flags)"
    case .assignment(let key, let value): return "\(key)=\(value)"
    }
  }
}
