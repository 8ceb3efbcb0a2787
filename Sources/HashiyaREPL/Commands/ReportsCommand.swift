import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `reports [QUERY] [filters] [--sort …] [--page N]`: the paged list of reports.
struct ReportsCommand: Command {
  static let pageSize = 20
  let name = "reports"
  let aliases = ["ls-reports"]
  let synopsis =
    "[QUERY] [--mine] [--todo] [--author A] [--layer L] [--state open|in-review|settled] [--lang LANG] [--source S] [--sort id|title|published|annotations] [--page N]"
  let summary = "list reports: id, title, language, length, annotations, review state"
  let details = """
    QUERY keeps the reports whose title contains it (diacritics, tatweel and alef
    forms ignored). Filters combine:
      --mine          reports assigned to you
      --todo          reports assigned to you and not yet done (see "done")
      --author A      reports A has annotations on
      --layer L       narrows --mine, --todo, --author and --state to layer L;
                      alone, keeps reports with annotations on L
      --state S       open (no review decision: the list says unreviewed),
                      in-review or settled
      --lang LANG     reports in that language, e.g. ar
      --source S      reports whose source contains S
    --sort orders by id (the default), title, published (undated last) or
    annotations (most first). Twenty reports a page; --page N shows page N.
    Example: reports --todo --layer claim-labeling --sort published
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let page = try arguments.takeIntOption("page") ?? 1
    var filter = ReportFilter()
    var options: [String] = []
    let mine = arguments.takeFlag("mine")
    let todo = arguments.takeFlag("todo")
    if mine || todo {
      filter.assignedTo = session.user
      filter.openAssignmentsOnly = todo
      options += (mine ? ["--mine"] : []) + (todo ? ["--todo"] : [])
    }
    func option(_ name: String) throws -> String? {
      let value = try arguments.takeOption(name)
      if let value { options.append("--\(name) \(Self.quoted(value))") }
      return value
    }
    filter.author = try option("author")
    filter.layer = try option("layer")
    /// One of the values `T` names, refused with the list of them otherwise.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ type: T.Type) throws -> T?
    where T.RawValue == String {
      guard let value = try option(name) else { return nil }
      guard let known = T(rawValue: value) else {
        let names = T.allCases.map(\.rawValue)
        throw CommandError.usage(
          command: self.name,
          message:
            "--\(name) is \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""), not \"\(Excerpt.of(value))\""
        )
      }
      return known
    }
    filter.reviewState = try choice("state", ReportFilter.ReviewState.self)
    filter.language = try option("lang")
    filter.source = try option("source")
    filter.sort = try choice("sort", ReportFilter.Sort.self) ?? .id
    let query = try arguments.takeRest().map(\.text).joined(separator: " ")
    filter.titleQuery = query
    let (total, summaries) = try session.store.reportSummaries(
      filter, offset: (page - 1) * Self.pageSize, limit: Self.pageSize, access: try session.access())
    // One read of the layers' states; each report's state follows from them.
    let layerStates = try session.store.layerReviewStates(reportIDs: summaries.map(\.id))
    var list = ReportList(
      total: total, page: page, pageSize: Self.pageSize, summaries: summaries, query: query,
      reviewStates: layerStates.compactMapValues(ReviewStateRecord.reportState), options: options)
    list.layerStates = layerStates
    return list
  }

  /// A value as it would be typed again at the prompt.
  private static func quoted(_ value: String) -> String {
    value.contains(where: { $0 == " " || $0 == "\"" })
      ? "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : value
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
  /// The filter and sort options given, as typed, for the hint to the next page.
  var options: [String] = []
  /// Each layer under review per report, with its own state: one settled layer does not settle a report.
  var layerStates: [Int: [(layer: String, state: ReviewStateRecord.State)]] = [:]

  func reviewState(_ id: Int) -> String { reviewStates[id] ?? "unreviewed" }

  /// The state per layer ("claim-labeling settled, speaker-tagging in review"), or the report's.
  func reviewColumn(_ id: Int) -> String {
    guard let layers = layerStates[id], reviewStates[id] != nil else { return reviewState(id) }
    return layers.map { "\($0.layer.visiblyEscaped) \($0.state.rawValue.replacingOccurrences(of: "-", with: " "))" }
      .joined(separator: ", ")
  }

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
            "reviewLayers": .object(
              JSONObject((layerStates[$0.id] ?? []).map { (key: $0.layer, value: .string($0.state.rawValue)) })),
          ])
        }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    if total == 0 {
      if !options.isEmpty { return "no report matches \(options.joined(separator: " ").visiblyEscaped)" }
      return query.isEmpty
        ? "no reports yet: import FILE|DIR" : "no report title contains \"\(Excerpt.of(query).visiblyEscaped)\""
    }
    if summaries.isEmpty { return "page \(page) is past the end (\(pageCount) pages)" }
    let table = Table(
      header: ["id", "title", "lang", "length", "annotations", "review"],
      rows: summaries.map {
        [
          "#\($0.id)", BidiIsolation.isolate(DisplayWidth.truncate($0.title, to: 48)), $0.language.visiblyEscaped,
          String($0.length), String($0.annotationCount), reviewColumn($0.id),
        ]
      },
      rightAligned: [0, 3, 4])
    var footer = "\(total) report\(total == 1 ? "" : "s")"
    if pageCount > 1 {
      footer = "page \(page) of \(pageCount), " + footer
      if page < pageCount {
        let repeated = ([query] + options).filter { !$0.isEmpty }.joined(separator: " ")
        footer += " — reports \(repeated.isEmpty ? "" : repeated.visiblyEscaped + " ")--page \(page + 1)"
      }
    }
    return table.render(style) + "\n" + style.dim(footer)
  }
}
