/// One thing Tab can put in place of the word at the cursor, with what the list shows beside it.
struct CompletionCandidate: Equatable, Sendable {
  /// The text that replaces the word.
  var text: String
  /// Shown after the text when candidates are listed: an annotation's layer/label and quote, a
  /// phrase's sentence. Safe for the terminal already.
  var preview = ""
  /// Whether the word is finished once this is inserted, so a space follows; `name=` waits for its value.
  var endsWord = true
}

extension [CompletionCandidate] {
  /// Candidates for `word` among plain `names`: those that start with it.
  init(_ names: some Sequence<String>, startingWith word: String) {
    self = names.filter { $0.hasPrefix(word) }.map { CompletionCandidate(text: $0) }
  }
}
