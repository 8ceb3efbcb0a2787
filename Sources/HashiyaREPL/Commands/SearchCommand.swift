import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `search QUERY [--page N]`: full-text search across all reports.
struct SearchCommand: Command {
  static let pageSize = 10
  let name = "search"
  let synopsis = "QUERY [--exact] [--page N]"
  let summary = "full-text search across reports, with the matching snippet"
  let details = """
    Every word of QUERY must occur; word* matches a prefix. Matching ignores Arabic
    diacritics and tatweel and folds alef/hamza forms, ى/ي and ة/ه, Latin case and
    accents, and presentation forms.
    An Arabic word is also found with its clitics: جدة finds وجدة, بجدة and لجدة, and
    السعودية finds للسعودية and بالسعودية (prefixes و ف ب ك ل ال, pronoun suffixes
    such as ها and هم). =WORD finds only the word itself; --exact does so for every word.
    Results are ranked by relevance, ten a page; for a word found in thousands of reports,
    the first 2,000 matches are ranked, so the answer stays instant.

    Examples:
      search الخلايا النائمة
      search =جدة
      search coalition --exact
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let page = try arguments.takeIntOption("page") ?? 1
    let exact = arguments.takeFlag("exact")
    let query = try arguments.takeRest().map(\.text).joined(separator: " ")
    guard !query.isEmpty else { throw CommandError.usage(command: name, message: "give words to search for") }
    let results = try session.store.search(
      query, exact: exact, offset: (page - 1) * Self.pageSize, limit: Self.pageSize)
    let terms = SearchQuery.terms(of: query).map(\.term)
    let hits = results.hits.map { hit in
      SearchResultList.Entry(id: hit.id, title: hit.title, snippet: Snippet.around(terms: terms, in: hit.text))
    }
    return SearchResultList(
      query: query, total: results.total, rankedAmong: results.rankedAmong, page: page, entries: hits)
  }
}

/// A page of search results with snippets.
struct SearchResultList: CommandOutput {
  struct Entry {
    var id: Int
    var title: String
    var snippet: Snippet?
  }

  var query: String
  var total: Int
  var rankedAmong: Int
  var page: Int
  var entries: [Entry]

  var json: JSONValue {
    .object([
      "query": .string(query), "total": .int(total), "rankedAmong": .int(rankedAmong), "page": .int(page),
      "results": .array(
        entries.map { entry in
          var object: JSONObject = ["id": .int(entry.id), "title": .string(entry.title)]
          if let snippet = entry.snippet {
            object["snippet"] = .string(snippet.before + snippet.match + snippet.after)
            object["match"] = .object([
              "start": .int(snippet.range.start), "end": .int(snippet.range.end), "text": .string(snippet.match),
            ])
          }
          return .object(object)
        }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    guard total > 0 else { return "no report matches \"\(Excerpt.of(query).visiblyEscaped)\"" }
    var lines: [String] = []
    for entry in entries {
      lines.append(style.bold("#\(entry.id)") + "  " + BidiIsolation.isolate(entry.title))
      if let snippet = entry.snippet {
        lines.append("    " + snippet.isolated(style))
      }
    }
    let pages = (total + SearchCommand.pageSize - 1) / SearchCommand.pageSize
    var footer = "\(total) report\(total == 1 ? "" : "s") match"
    if pages > 1 { footer += " — page \(page) of \(pages)" }
    if rankedAmong < total { footer += " (ranked among the first \(rankedAmong) in report order)" }
    lines.append(style.dim(footer))
    return lines.joined(separator: "\n")
  }
}
