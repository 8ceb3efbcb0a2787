import AnnotatorKit

/// What Tab offers for the word at the cursor: the candidates, and what it inserts at once.
struct CompletionResult: Equatable, Sendable {
  /// The word at the cursor as typed (inside a quote: the text after the opening quote).
  var word: String
  var candidates: [CompletionCandidate]

  init(word: String, candidates: [CompletionCandidate]) {
    self.word = word
    var seen = Set<String>()
    // Text with control characters could not be typed anyway, and readline would print it raw.
    self.candidates = candidates.filter { !TerminalSafe.needsEscaping($0.text) && seen.insert($0.text).inserted }
  }

  /// What replaces the word at once: the only candidate, else what every candidate begins with.
  ///
  /// Candidates from the report may spell the typed word differently (with tashkeel, another
  /// alef); when their common beginning no longer covers what was typed, the word stays as typed.
  var insertion: String {
    guard let first = candidates.first else { return word }
    var common = Substring(first.text)
    for candidate in candidates.dropFirst() {
      let shared = zip(common, candidate.text).prefix { $0 == $1 }.count
      common = common.prefix(shared)
    }
    let typed = FoldedWord(folding: word.unicodeScalars)
    return FoldedWord(folding: common.unicodeScalars).hasPrefix(typed) ? String(common) : word
  }
}
