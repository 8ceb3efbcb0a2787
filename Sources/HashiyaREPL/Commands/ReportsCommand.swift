import AnnotatorKit
import HashiyaStore

/// `reports [QUERY] [--page N]`: the paged list of reports.
struct ReportsCommand: Command {
  static let pageSize = 20
  let name = "reports"
  let aliases = ["ls-reports"]
  let synopsis = "[QUERY] [--page N]"
  let summary = "list reports: id, title, language, length, annotations, review state"
  let details = """
    QUERY keeps the reports whose title contains it (diacritics, tatweel and alef
    forms ignored). Twenty reports a page; --page N shows page N.
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let page = try arguments.takeIntOption("page") ?? 1
    let query = try arguments.takeRest().map(\.text).joined(separator: " ")
    let (total, summaries) = try session.store.reportSummaries(
      titleQuery: query, offset: (page - 1) * Self.pageSize, limit: Self.pageSize, access: try session.access())
    let states = try session.store.reviewStates(reportIDs: summaries.map(\.id))
    return ReportList(
      total: total, page: page, pageSize: Self.pageSize, summaries: summaries, query: query, reviewStates: states)
  }
}

/// One page of the report list.
struct ReportList: CommandOutput {
  var total: Int
  var page: Int
  var pageSize: Int
  var summaries: [ReportSummary]
  var query: String
  /// `in-review` or `settled` per report id; absent means unreviewed.
  var reviewStates: [Int: String]

  func reviewState(_ id: Int) -> String { reviewStates[id] ?? "unreviewed" }

  var pageCount: Int { max(1, (total + pageSize - 1) / pageSize) }

  var json: JSONValue {
    .object([
      "total": .int(total), "page": .int(page), "pages": .int(pageCount),
      "reports": .array(
        summaries.map {
          .object([
            "id": .int($0.id), "title": .string($0.title), "language": .string($0.language),
            "length": .int($0.length), "annotations": .int($0.annotationCount),
            "review": .string(reviewState($0.id)),
          ])
        }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    if total == 0 {
      return query.isEmpty
        ? "no reports yet: import FILE|DIR" : "no report title contains \"\(Excerpt.of(query).visiblyEscaped)\""
    }
    if summaries.isEmpty { return "page \(page) is past the end (\(pageCount) pages)" }
    let table = Table(
      header: ["id", "title", "lang", "length", "annotations", "review"],
      rows: summaries.map {
        [
          "#\($0.id)", BidiIsolation.isolate(DisplayWidth.truncate($0.title, to: 48)), $0.language.visiblyEscaped,
          String($0.length), String($0.annotationCount), reviewState($0.id),
        ]
      },
      rightAligned: [0, 3, 4])
    var footer = "\(total) report\(total == 1 ? "" : "s")"
    if pageCount > 1 {
      footer = "page \(page) of \(pageCount), " + footer
      if page < pageCount {
        footer += " — reports \(query.isEmpty ? "" : query.visiblyEscaped + " ")--page \(page + 1)"
      }
    }
    return table.render(style) + "\n" + style.dim(footer)
  }
}
