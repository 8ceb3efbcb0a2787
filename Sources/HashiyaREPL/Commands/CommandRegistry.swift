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
      ListCommand(), UndoCommand(redo: false), UndoCommand(redo: true), HistoryCommand(), BlameCommand(),
      SuggestCommand(), DecideCommand(accept: true), DecideCommand(accept: false), PluginsCommand(), MergeCommand(),
      ExportCommand(),
      VoteCommand(verdict: .approve), VoteCommand(verdict: .flag), ReviewCommand(),
      ReviewStepCommand(step: .skip), ReviewStepCommand(step: .back), ReviewStepCommand(step: .comment),
      AgreementCommand(), DiffCommand(),
      OpenCommand(), WhoamiCommand(), HelpCommand(), QuitCommand(),
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

  public func command(named name: String) -> (any Command)? {
    commands.first { $0.name == name || $0.aliases.contains(name) }
  }

  /// Every name and alias, for completion.
  public var allNames: [String] {
    commands.flatMap { [$0.name] + $0.aliases }.sorted()
  }

  /// The closest known name to a mistyped one, if any is close enough to be a plausible typo.
  public func suggestion(for name: String) -> String? {
    // A word far longer than every name is near none of them; measuring it would cost its length
    // times every name.
    guard name.count <= (allNames.map(\.count).max() ?? 0) + 2 else { return nil }
    let candidates = allNames.map { ($0, Self.editDistance(name.lowercased(), $0)) }
    guard let best = candidates.min(by: { $0.1 < $1.1 }) else { return nil }
    let limit = max(1, min(2, name.count / 3 + 1))
    if best.1 <= limit { return best.0 }
    return allNames.first { $0.hasPrefix(name.lowercased()) && name.count >= 2 }
  }

  /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
  /// neighbours each cost one, so "shwo" is one step from "show".
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
        }
      }
    }
    return d[a.count][b.count]
  }
}
