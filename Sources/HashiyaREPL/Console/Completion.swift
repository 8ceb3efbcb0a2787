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
    switch command.completion {
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
