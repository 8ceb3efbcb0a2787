import HashiyaModel
import HashiyaStore

/// What Tab offers at the prompt: command names, then each command's options, option values and
/// arguments, the handles of the report's annotations, attributes from the layer's schema, and
/// phrases of the report inside quotes.
enum Completion {
  /// What Tab offers at the end of `line`, the text before the cursor; nil hands over to
  /// readline's file-name completion.
  static func complete(_ line: String, session: Session) -> CompletionResult? {
    let typed = CompletionLine(line)
    let word = typed.word
    guard let name = typed.command else {
      // Typed with the Arabic layout on, the name completes from the Latin keys pressed.
      let keys = ArabicKeyboard.latin(word) ?? word
      return CompletionResult(word: word, candidates: .init(session.registry.allNames, startingWith: keys))
    }
    guard let command = session.registry.command(named: name) else {
      return CompletionResult(word: word, candidates: [])
    }
    guard let candidates = candidates(typed, command: command, session: session) else { return nil }
    return CompletionResult(word: word, candidates: candidates)
  }

  /// The candidates for `word` after the finished words `lineBeforeWord`; nil for file names.
  static func candidates(lineBeforeWord: String, word: String, session: Session) -> [String]? {
    complete(lineBeforeWord + word, session: session)?.candidates.map(\.text)
  }

  private static func candidates(_ typed: CompletionLine, command: any Command, session: Session)
    -> [CompletionCandidate]?
  {
    let word = typed.word
    let options = CompletionOptions(synopsis: command.synopsis)
    if let closing = typed.closingQuote {
      // Only a SPAN is a phrase of the report; attribute values and comments are free text.
      var spanPosition = 0
      if case .tag = command.completion { spanPosition = 2 }
      guard typed.beforeQuote.isEmpty, command.takesPatterns,
        options.positionals(typed.arguments).count == spanPosition
      else { return [] }
      return phrases(typed.unescapedWord, closing: closing, session: session)
    }
    if word.hasPrefix("#") { return handles(word, session: session) }
    if word.hasPrefix("-") { return .init(options.options.map(\.name), startingWith: word) }
    if let last = typed.arguments.last, let placeholder = options.placeholder(of: last) {
      return optionValues(option: last, placeholder: placeholder, word: word, session: session)
    }
    return arguments(command.completion, options.positionals(typed.arguments), word: word, session: session)
  }

  /// The value of `--option`: what its placeholder spells out, or what its name says it takes.
  private static func optionValues(option: String, placeholder: String, word: String, session: Session)
    -> [CompletionCandidate]?
  {
    switch option {
    case "--layer": return listed(layers(session), word: word)
    case "--label": return listed(session.catalog.labelNames(), word: word)
    case "--author", "--to", "--annotators": return listed(annotators(session), word: word)
    case "--report", "--reports": return listed(reportIDs(session), word: word)
    default:
      if placeholder.hasPrefix("FILE") { return nil }
      return .init(CompletionOptions.enumerated(placeholder), startingWith: word)
    }
  }

  /// Candidates for the last item of a comma list (`--to ali,ba`): the items before it stay.
  private static func listed(_ names: [String], word: String) -> [CompletionCandidate] {
    guard let comma = word.lastIndex(of: ",") else { return .init(names, startingWith: word) }
    let head = word[...comma]
    return .init(names.map { head + $0 }, startingWith: word)
  }

  /// The positional argument after `positionals`, by what the command declares it takes.
  private static func arguments(
    _ kind: CompletionKind, _ positionals: [String], word: String, session: Session
  ) -> [CompletionCandidate]? {
    switch kind {
    case .none: return []
    case .files: return nil
    case .commandNames: return .init(session.registry.allNames, startingWith: word)
    case .reportIDs: return .init(reportIDs(session), startingWith: word)
    case .annotators: return .init(annotators(session), startingWith: word)
    case .layers: return positionals.isEmpty ? .init(layers(session), startingWith: word) : []
    case .subcommands(let table):
      guard let first = positionals.first else { return .init(table.keys.sorted(), startingWith: word) }
      guard let next = table[first] else { return [] }
      return arguments(next, Array(positionals.dropFirst()), word: word, session: session)
    case .tag:
      switch positionals.count {
      case 0: return .init(layers(session), startingWith: word)
      case 1: return .init(labels(of: positionals[0], session: session), startingWith: word)
      case 2: return []
      default: return attributes(layer: positionals[0], label: positionals[1], word: word, session: session)
      }
    case .span(let layer, let label, let keyword):
      if positionals.isEmpty { return [] }
      if let keyword, positionals.count == 1 { return .init([keyword], startingWith: word) }
      return attributes(layer: layer, label: label, word: word, session: session)
    case .attributesOfHandle, .labelOfHandle, .linkFromHandle:
      guard let handle = positionals.first, let annotation = annotation(handle, session: session) else { return [] }
      let schema = session.catalog.plugin(annotation.layer)?.annotator.schema
      switch kind {
      case .labelOfHandle:
        return positionals.count == 1 ? .init(schema?.labels.map(\.name) ?? [], startingWith: word) : []
      case .linkFromHandle:
        let types = schema?.linkTypes.filter { $0.from.contains(annotation.label) }.map(\.name) ?? []
        return positionals.count == 1 ? .init(types, startingWith: word) : []
      default:
        return attributes(layer: annotation.layer, label: annotation.label, word: word, session: session)
      }
    }
  }

  static func layers(_ session: Session) -> [String] { session.catalog.plugins.map(\.id) }

  static func labels(of layer: String, session: Session) -> [String] {
    session.catalog.plugin(layer)?.annotator.schema.labels.map(\.name) ?? []
  }

  /// The active members of the team.
  static func annotators(_ session: Session) -> [String] {
    ((try? session.store.teamMembers()) ?? []).map(\.name)
  }

  static func reportIDs(_ session: Session) -> [String] {
    ((try? session.store.reportIDs()) ?? []).map(String.init)
  }
}
