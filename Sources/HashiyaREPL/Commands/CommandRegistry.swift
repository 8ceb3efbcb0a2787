import AnnotatorKit
import HashiyaAnnotating
import HashiyaPlugins

/// The commands a session knows, found by name or alias, with "did you mean" for typos.
public struct CommandRegistry {
  public let commands: [any Command]

  public init(commands: [any Command]) {
    self.commands = commands
  }

  /// The core's commands, the annotating commands, and the commands the loaded plugins declare.
  public static func standard(with catalog: LayerCatalog) -> CommandRegistry {
    var commands: [any Command] = [
      ImportCommand(), ReportsCommand(), ShowCommand(), NavigateCommand(direction: .next),
      NavigateCommand(direction: .previous), SearchCommand(), FindCommand(),
      TagCommand(), LinkCommand(), EditCommand(part: .attributes), EditCommand(part: .label), RemoveCommand(),
      ResizeCommand(), ListCommand(), UndoCommand(redo: false), UndoCommand(redo: true), HistoryCommand(),
      BlameCommand(),
      SuggestCommand(), DecideCommand(accept: true), DecideCommand(accept: false), PluginsCommand(), MergeCommand(),
      ExportCommand(),
      VoteCommand(verdict: .approve), VoteCommand(verdict: .flag), ReviewCommand(),
      ReviewStepCommand(step: .skip), ReviewStepCommand(step: .back), ReviewStepCommand(step: .comment),
      AgreementCommand(), DiffCommand(), ConflictsCommand(), StatsCommand(),
      AssignCommand(), DoneCommand(), TriageCommand(),
      OpenCommand(), WhoamiCommand(), TeamCommand(), CheckCommand(), SaveCommand(), HelpCommand(), QuitCommand(),
    ]
    let reserved = Set(commands.flatMap { [$0.name] + $0.aliases })
    for plugin in catalog.plugins {
      for declared in plugin.annotator.commands where !reserved.contains(declared.name) {
        commands.append(AnnotateCommand(layer: plugin.annotator.id, declared: declared))
      }
    }
    return CommandRegistry(commands: commands)
  }

  /// The names plugins may not take.
  public static var reservedNames: Set<String> {
    Set(standard(with: LayerCatalog(plugins: [], failures: [])).allNames)
  }

  /// The command called `name`, or whose name `name` is when typed with the Arabic layout on
  /// (`سحثشنثق` is `speaker`, see `ArabicKeyboard`).
  public func command(named name: String) -> (any Command)? {
    func named(_ name: String) -> (any Command)? { commands.first { $0.name == name || $0.aliases.contains(name) } }
    return named(name) ?? ArabicKeyboard.latin(name).flatMap(named)
  }

  /// Every name and alias, for completion.
  public var allNames: [String] {
    commands.flatMap { [$0.name] + $0.aliases }.sorted()
  }

  /// The closest known name to a mistyped one, if any is close enough to be a plausible typo.
  public func suggestion(for name: String) -> String? {
    Spelling.nearest(to: name, among: allNames)
  }
}
