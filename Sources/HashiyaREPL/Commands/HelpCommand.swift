import AnnotatorKit

/// `help [CMD]`: the command list, or one command's full help.
struct HelpCommand: Command {
  let name = "help"
  let aliases = ["?"]
  let synopsis = "[COMMAND]"
  let summary = "list commands, or explain one"
  let completion = CompletionKind.commandNames

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let registry = session.registry
    guard let topic = arguments.takeNext()?.text else {
      return HelpText(commands: registry.commands, topic: nil)
    }
    try arguments.finish()
    guard let command = registry.command(named: topic) else {
      throw CommandError.unknownCommand(topic, suggestion: registry.suggestion(for: topic))
    }
    return HelpText(commands: [command], topic: command)
  }
}

/// Help as printed: a list of commands, or one command in full.
struct HelpText: CommandOutput {
  var commands: [any Command]
  var topic: (any Command)?

  var json: JSONValue {
    .array(
      commands.map { command in
        .object([
          "name": .string(command.name), "aliases": .array(command.aliases.map(JSONValue.string)),
          "synopsis": .string(command.synopsis), "summary": .string(command.summary),
          "details": .string(command.details),
        ])
      })
  }

  func text(_ style: TextStyle) -> String {
    if let topic {
      // A plugin's commands describe themselves: their words are data like any other.
      var lines = [style.bold("\(topic.name) \(topic.synopsis)".visiblyEscaped), "  " + topic.summary.visiblyEscaped]
      if !topic.aliases.isEmpty { lines.append("  aliases: " + topic.aliases.joined(separator: ", ").visiblyEscaped) }
      if !topic.details.isEmpty {
        lines.append("")
        lines += topic.details.split(separator: "\n", omittingEmptySubsequences: false).map {
          "  " + String($0).visiblyEscaped
        }
      }
      return lines.joined(separator: "\n")
    }
    // Names and summaries only, as `git help` lists them: a synopsis column as wide as the
    // longest (`reports` has a dozen options) pushed every line past any terminal's width.
    let width = commands.map { DisplayWidth.of($0.name.visiblyEscaped) }.max() ?? 0
    let rows = commands.map { command in
      style.bold(DisplayWidth.pad(command.name.visiblyEscaped, to: width)) + "  "
        + TextWrap.wrap(command.summary.visiblyEscaped, width: min(80, style.columns ?? 80), indent: width + 2)
    }
    return (rows + ["", "help COMMAND shows its options and explains it; commands can be joined with ;"])
      .joined(separator: "\n")
  }
}
