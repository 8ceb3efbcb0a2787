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
///
/// Options (`--name`) and their values come from the command's synopsis; `#` completes the
/// handles of the current report's annotations for every command.
public indirect enum CompletionKind: Sendable {
  case none, reportIDs, commandNames, files
  /// A layer (plugin) id.
  case layers
  /// `LAYER LABEL SPAN key=value…`: a layer, one of its labels, a phrase of the report, attributes.
  case tag
  /// `SPAN [KEYWORD #ID] key=value…` on one layer: a phrase of the report, the keyword that
  /// links it (`quote SPAN by #ID`), then the label's attributes.
  case span(layer: String, label: String, keyword: String?)
  /// `#ID key=value…`: a handle, then the attributes of its label.
  case attributesOfHandle
  /// `#ID LABEL`: a handle, then the labels of its layer.
  case labelOfHandle
  /// `#FROM TYPE #TO`: a handle, then the link types its layer allows from its label.
  case linkFromHandle
  /// A member of the team.
  case annotators
  /// Fixed first words, each with what completes the word after it (`plugin info LAYER`).
  case subcommands([String: CompletionKind])
}

extension Command {
  public var aliases: [String] { [] }
  public var details: String { "" }
  public var takesPatterns: Bool { false }
  public var completion: CompletionKind { .none }
}
