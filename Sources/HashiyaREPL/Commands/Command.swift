import AnnotatorKit

/// One command of the command language: its name, its help and what it does.
public protocol Command {
  var name: String { get }
  var aliases: [String] { get }
  /// The argument synopsis, e.g. `[ID] [--tokens]`.
  var synopsis: String { get }
  /// One line for the command list.
  var summary: String { get }
  /// Further help for `help NAME`: arguments, examples.
  var details: String { get }
  /// Whether `/…/` arguments are regular expressions for this command.
  var takesPatterns: Bool { get }
  /// What completes the command's arguments at the prompt.
  var completion: CompletionKind { get }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput
}

/// What tab completion offers for a command's arguments.
public enum CompletionKind: Sendable {
  case none, reportIDs, commandNames, files
  /// A layer id, then (for `tag`) one of that layer's labels.
  case layers
}

extension Command {
  public var aliases: [String] { [] }
  public var details: String { "" }
  public var takesPatterns: Bool { false }
  public var completion: CompletionKind { .none }
}
