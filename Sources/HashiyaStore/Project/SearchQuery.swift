import AnnotatorKit

/// Turns what a person types after `search` into a safe FTS5 expression.
///
/// Terms are folded like the index and each one is quoted, so no user input can reach FTS5's
/// query syntax: `search "AND" OR (` is a search for those words, never a syntax error.
public enum SearchQuery {
  /// The terms of `query` as the index holds them (see `SearchTokenizer`); a trailing `*` on a
  /// term asks for a prefix match.
  public static func terms(of query: String) -> [(term: String, prefix: Bool)] {
    var terms: [(String, Bool)] = []
    var current = String.UnicodeScalarView()
    func flush(prefix: Bool) {
      if !current.isEmpty {
        terms.append((FoldedText.foldedString(String(current)), prefix))
        current.removeAll()
      }
    }
    for scalar in query.unicodeScalars {
      if SearchTokenizer.isTokenScalar(scalar) {
        current.append(scalar)
      } else {
        flush(prefix: scalar == "*")
      }
    }
    flush(prefix: false)
    return terms.filter { !$0.0.isEmpty }
  }

  /// The MATCH expression, or nil when the query has no searchable term.
  static func ftsExpression(for query: String) -> String? {
    let parts = terms(of: query).map { term, prefix in
      "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\"" + (prefix ? "*" : "")
    }
    return parts.isEmpty ? nil : parts.joined(separator: " ")
  }
}
