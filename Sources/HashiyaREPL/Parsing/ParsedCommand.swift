/// A command name and its argument tokens, as typed.
public struct ParsedCommand: Equatable, Sendable {
  public var name: String
  public var arguments: [Token]
  /// The source text of this command, for messages.
  public var source: String
}
