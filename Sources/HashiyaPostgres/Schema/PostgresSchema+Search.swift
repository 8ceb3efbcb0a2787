extension PostgresSchema {
  /// The search index: one row per report, as the project file's FTS5 table `reports_fts` has
  /// (whose rowid is the report's id), so writing it needs no right to change `reports`.
  ///
  /// The store fills `searchTokens` with `PostgresSearchVector`, from the tokens it hands FTS5:
  /// the title and text folded and cut into tokens (`SearchTokenizer.indexUTF8`), and their
  /// clitic forms (`PreparedReport.clitics`), with their positions. Weights stand for FTS5's
  /// columns: A the title, B the body, C the clitic forms.
  static let searchTable = """
    CREATE TABLE reports_fts (
      reportId bigint PRIMARY KEY REFERENCES reports(id),
      searchTokens tsvector NOT NULL
    )
    """

  static let searchIndex = "CREATE INDEX reports_fts_tokens ON reports_fts USING gin (searchTokens)"

  /// A search term as a `tsquery` literal reads it: the folded word quoted (so nothing
  /// in it is query syntax), `:*` for a prefix, then the weights it may match in. A term of
  /// the file's `{title body}` columns is weights `AB`, of its `clitics` column `C`.
  public static func queryTerm(_ word: String, prefix: Bool, weights: String) -> String {
    var quoted = "'"
    for character in word {
      // Inside quotes, the query parser reads `''` and `\'` as a quote and `\\` as a backslash.
      if character == "'" || character == "\\" { quoted.append(character) }
      quoted.append(character)
    }
    return quoted + "':" + (prefix ? "*" : "") + weights
  }
}
