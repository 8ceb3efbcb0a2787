import AnnotatorKit

/// A list of terms matched with Arabic folding on word boundaries, allowing attached proclitics.
struct LexiconSuggester: RuleSuggester {
  /// One term and the attribute values its suggestions carry.
  struct Entry: Sendable, Equatable {
    var text: String
    var attributes: [String: JSONValue]
  }

  var label: String
  var entries: [Entry]
  var score: Double

  /// Folded letter sequences that Arabic writes attached to the next word (و ب ل ك ف and the
  /// article with them), so "لقسد" still yields "قسد" while "قسدي" does not.
  static let proclitics: Set<String> = [
    "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل",
    "وب", "فب", "ول", "فل", "وك", "فك",
  ]
  /// Before a term written with the article, ل + ال fuses to لل: "للتحالف" holds "التحالف".
  static let lamProclitics: Set<String> = ["ل", "ول", "فل"]

  func suggestions(in text: ReportText) -> [Suggestion] {
    var suggestions: [Suggestion] = []
    for entry in entries {
      let explanation = "lexicon entry \"\(entry.text)\""
      for range in text.occurrences(of: entry.text)
      where Self.isWord(range, in: text, after: Self.proclitics, bare: true) {
        suggestions.append(
          Suggestion(label: label, range: range, attributes: entry.attributes, score: score, explanation: explanation))
      }
      guard let stem = Self.articleStem(of: entry.text) else { continue }
      for range in text.occurrences(of: stem) where Self.isWord(range, in: text, after: Self.lamProclitics, bare: false)
      {
        suggestions.append(
          Suggestion(label: label, range: range, attributes: entry.attributes, score: score, explanation: explanation))
      }
    }
    return suggestions
  }

  /// The term without the alef of its article ("التحالف" → "لتحالف"), if it starts with one.
  static func articleStem(of term: String) -> String? {
    let folded = ArabicFolding.foldedString(term)
    guard folded.hasPrefix("ال"), folded.count > 3 else { return nil }
    return String(folded.dropFirst())
  }

  /// Whether `range` ends a word and either starts one (when `bare`) or follows only one of `proclitics`.
  static func isWord(_ range: TextRange, in text: ReportText, after proclitics: Set<String>, bare: Bool) -> Bool {
    let scalars = text.scalars
    if range.end < scalars.count && isWordScalar(scalars[range.end]) { return false }
    var wordStart = range.start
    while wordStart > 0 && isWordScalar(scalars[wordStart - 1]) { wordStart -= 1 }
    if wordStart == range.start { return bare }
    let prefix = ArabicFolding.foldedString(text.substring(TextRange(wordStart, range.start)))
    return proclitics.contains(prefix)
  }

  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
      return true
    default:
      return false
    }
  }
}
