/// What tab offers at the prompt: commands first, then each command's kind of argument.
enum Completion {
  /// Candidates for `word`; nil hands over to readline's file-name completion.
  static func candidates(lineBeforeWord: String, word: String, session: Session) -> [String]? {
    let registry = session.registry
    // Only the command after the last `;` matters.
    let current = lineBeforeWord.split(separator: ";", omittingEmptySubsequences: false).last ?? ""
    let words = current.split(separator: " ")
    guard let first = words.first else {
      return registry.allNames.filter { $0.hasPrefix(word) }
    }
    guard let command = registry.command(named: String(first)) else { return [] }
    let layers = session.catalog.plugins.map(\.id)
    // Option values complete the same way for every command.
    if let previous = words.last, words.count > 1 || !lineBeforeWord.hasSuffix(" ") {
      if previous == "--layer" { return layers.filter { $0.hasPrefix(word) } }
      if previous == "--label" { return session.catalog.labelNames().filter { $0.hasPrefix(word) } }
    }
    switch command.completion {
    case .layers:
      let arguments = words.dropFirst().filter { !$0.hasPrefix("--") }
      if arguments.isEmpty { return layers.filter { $0.hasPrefix(word) } }
      if arguments.count == 1, command.name == "tag", let layer = session.catalog.plugin(String(arguments[0])) {
        return layer.annotator.schema.labels.map(\.name).filter { $0.hasPrefix(word) }
      }
      return []
    case .none:
      return []
    case .files:
      return nil
    case .commandNames:
      return registry.allNames.filter { $0.hasPrefix(word) }
    case .reportIDs:
      let ids = (try? session.store.reportIDs()) ?? []
      return ids.map(String.init).filter { $0.hasPrefix(word) }
    }
  }
}
