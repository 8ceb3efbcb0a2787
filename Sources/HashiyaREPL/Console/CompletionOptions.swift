/// The options a command's synopsis names, each with the value it takes: the synopsis is the one
/// list of a command's options, so completion cannot drift from the help.
///
/// `[--layer L]` takes a value, `[--all]` does not, `--format json|jsonl` takes one of those values;
/// `[--skip-bad] FILE` is a flag followed by an argument, since its bracket closes first.
struct CompletionOptions {
  /// Option names with their dashes, in synopsis order, and the value placeholder each takes.
  let options: [(name: String, value: String?)]

  init(synopsis: String) {
    let tokens = synopsis.split(separator: " ").map(String.init)
    var options: [(name: String, value: String?)] = []
    for (index, token) in tokens.enumerated() {
      let name = Self.bare(token)
      guard name.hasPrefix("--"), name.count > 2, !options.contains(where: { $0.name == name }) else { continue }
      var value: String?
      if !token.hasSuffix("]"), index + 1 < tokens.count {
        let next = tokens[index + 1]
        if !next.hasPrefix("[") && !next.hasPrefix("-") && next != "|" { value = Self.bare(next) }
      }
      options.append((name, value))
    }
    self.options = options
  }

  /// `token` without the brackets that group it.
  private static func bare(_ token: String) -> String {
    String(token.drop { $0 == "[" }.reversed().drop { $0 == "]" }.reversed())
  }

  /// Whether `word` is an option that takes the next word as its value.
  func takesValue(_ word: String) -> Bool {
    options.contains { $0.name == word && $0.value != nil }
  }

  /// The value placeholder of the option `name`, e.g. `L` or `json|jsonl|w3c`.
  func placeholder(of name: String) -> String? {
    options.first { $0.name == name }?.value
  }

  /// The values a placeholder spells out (`open|in-review|settled`, `all`); none for `L` or `N`.
  static func enumerated(_ placeholder: String) -> [String] {
    let isLiteral = placeholder.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "|" }
    return isLiteral ? placeholder.split(separator: "|").map(String.init) : []
  }

  /// The positional arguments among `words`: neither options nor their values.
  func positionals(_ words: some Sequence<String>) -> [String] {
    var result: [String] = []
    var skipNext = false
    for word in words {
      if skipNext {
        skipNext = false
      } else if word.hasPrefix("--") {
        skipNext = takesValue(word)
      } else {
        result.append(word)
      }
    }
    return result
  }
}
