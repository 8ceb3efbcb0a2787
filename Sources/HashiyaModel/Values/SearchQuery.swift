import AnnotatorKit

/// Turns what a person types after `search` into a safe FTS5 expression.
///
/// Terms are folded like the index and each one is quoted, so no user input can reach FTS5's
/// query syntax: `search "AND" OR (` is a search for those words, never a syntax error.
///
/// A term matches the word and its clitic forms (the index's `clitics` column, see
/// `ArabicClitics`): جدة finds وجدة and بجدة. An exact term, `=جدة` or every term with
/// `exact`, matches only the word, in the title and body.
public enum SearchQuery {
  /// One word of a query as the index holds it (see `SearchTokenizer`).
  public struct Term: Equatable, Sendable {
    public var term: String
    /// A trailing `*`: the word is a prefix.
    public var prefix: Bool
    /// A leading `=`: the word itself, not its clitic forms.
    public var exact: Bool
  }

  public static func terms(of query: String) -> [Term] {
    var terms: [Term] = []
    var current = String.UnicodeScalarView()
    var exact = false
    func flush(prefix: Bool) {
      if !current.isEmpty {
        terms.append(Term(term: FoldedText.foldedString(String(current)), prefix: prefix, exact: exact))
        current.removeAll()
      }
    }
    for scalar in query.unicodeScalars {
      if SearchTokenizer.isTokenScalar(scalar) {
        current.append(scalar)
      } else {
        let hadWord = !current.isEmpty
        flush(prefix: scalar == "*")
        if hadWord { exact = false }
        if scalar == "=" { exact = true }
      }
    }
    flush(prefix: false)
    return terms.filter { !$0.term.isEmpty }
  }

  /// The MATCH expression, or nil when the query has no searchable term.
  package static func ftsExpression(for query: String, exact: Bool = false) -> String? {
    func phrase(_ word: String, prefix: Bool) -> String {
      "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
    }
    let parts = terms(of: query).map { term in
      let word = phrase(term.term, prefix: term.prefix)
      if exact || term.exact { return "{title body} : (\(word))" }
      // The clitic forms are kept without the article (see `ArabicClitics`).
      return
        "({title body} : (\(word)) OR clitics : (\(phrase(ArabicClitics.withoutArticle(term.term), prefix: term.prefix))))"
    }
    // An explicit AND: FTS5 takes no implicit one after a column filter.
    return parts.isEmpty ? nil : parts.joined(separator: " AND ")
  }
}
