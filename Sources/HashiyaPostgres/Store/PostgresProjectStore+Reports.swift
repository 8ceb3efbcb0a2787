import AnnotatorKit
import HashiyaModel

extension PostgresProjectStore {
  /// How many reports the project holds.
  public func reportCount() throws(StoreError) -> Int {
    try read("count reports") { connection in try connection.int("SELECT count(*) FROM reports") ?? 0 }
  }

  /// One report with its text, or `StoreError.noSuchReport`.
  public func report(id: Int) throws(StoreError) -> Report {
    guard let found = try reports(ids: [id]).first else { throw .noSuchReport(id: id) }
    return found
  }

  /// Several reports with their texts, in the order of `ids`; missing ids are skipped.
  public func reports(ids: [Int]) throws(StoreError) -> [Report] {
    guard !ids.isEmpty else { return [] }
    let found = try read("read reports") { connection in
      try connection.rows("SELECT * FROM reports WHERE id = ANY($1::bigint[])", [.ints(ids)]).map(
        PostgresRecords.report)
    }
    let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    return ids.compactMap { byID[$0] }
  }

  /// A page of the report summaries `filter` keeps, and how many it keeps in all.
  ///
  /// The annotation counts are of what the connection may see: on a blind layer the server's
  /// row-level security leaves out a teammate's annotations, so `access` needs no SQL here.
  public func reportSummaries(
    _ filter: ReportFilter, offset: Int = 0, limit: Int = 20, access: TeamAccess? = nil
  ) throws(StoreError) -> (total: Int, page: [ReportSummary]) {
    var conditions = PostgresConditions()
    if let titleQuery = filter.titleQuery, !titleQuery.isEmpty {
      conditions.add("strpos(r.titleFolded, ?) > 0", .text(FoldedText.foldedString(titleQuery)))
    }
    let onLayer = filter.layer == nil ? "" : " AND layer = ?"
    let layerValue = filter.layer.map { [PostgresValue.text($0)] } ?? []
    if let annotator = filter.assignedTo {
      var sql = "annotator = ?"
      var values: [PostgresValue] = [.text(annotator)]
      if let layer = filter.layer {
        sql += " AND layer IN (?, '')"
        values.append(.text(layer))
      }
      if filter.openAssignmentsOnly { sql += " AND doneAt IS NULL" }
      conditions.add("r.id IN (SELECT reportId FROM assignments WHERE \(sql))", values)
    }
    if let author = filter.author {
      conditions.add(
        "r.id IN (SELECT reportId FROM annotations WHERE author = ? AND status = 'active'\(onLayer))",
        [.text(author)] + layerValue)
    } else if filter.layer != nil, filter.assignedTo == nil, filter.reviewState == nil {
      conditions.add(
        "EXISTS (SELECT 1 FROM annotations WHERE reportId = r.id\(onLayer) AND status = 'active')", layerValue)
    }
    if let state = filter.reviewState {
      // As `reviewStates` reads them: a report is in review when a layer is, settled when a
      // layer is settled and none in review, open when no decision stands on any.
      let decided = Self.standingDecisionsSQL
      func any(_ test: String) -> String {
        "EXISTS (SELECT 1 FROM reviewState s WHERE s.reportId = r.id\(onLayer.isEmpty ? "" : " AND s.layer = ?") AND \(test))"
      }
      switch state {
      case .open: conditions.add("NOT " + any("\(decided) > 0"), layerValue)
      case .inReview: conditions.add(any("\(decided) BETWEEN 1 AND s.units - 1"), layerValue)
      case .settled:
        conditions.add(
          any("\(decided) > 0 AND \(decided) >= s.units") + " AND NOT " + any("\(decided) BETWEEN 1 AND s.units - 1"),
          layerValue + layerValue)
      }
    }
    if let language = filter.language { conditions.add("lower(r.language) = lower(?)", .text(language)) }
    if let source = filter.source {
      conditions.add("strpos(lower(coalesce(r.source, '')), lower(?)) > 0", .text(source))
    }
    let whereClause = conditions.whereClause
    let order: String
    switch filter.sort {
    case .id: order = "r.id"
    case .title: order = "r.titleFolded, r.id"
    case .published: order = "r.published IS NULL, r.published, r.id"
    case .annotations: order = "annotationCount DESC, r.id"
    }
    return try read("list reports") { connection in
      let total =
        try connection.int(
          PostgresConditions.numbered("SELECT count(*) FROM reports r \(whereClause)"), conditions.values) ?? 0
      let rows = try connection.rows(
        PostgresConditions.numbered(
          """
          SELECT r.id, r.title, r.language, r.length,
            (SELECT count(*) FROM annotations a WHERE a.reportId = r.id AND a.status = 'active') AS annotationCount
          FROM reports r \(whereClause) ORDER BY \(order) LIMIT ? OFFSET ?
          """), conditions.values + [.int(limit), .int(offset)])
      let page = try rows.map { row throws(StoreError) in
        let id = try row.int(0, "a report")
        let what = "report #\(id)"
        return ReportSummary(
          id: id, title: try row.text(1, what), language: try row.text(2, what), length: try row.int(3, what),
          annotationCount: try row.int(4, what))
      }
      return (total, page)
    }
  }

  /// The id of the report after or before `id`, in id order; nil at either end.
  public func neighbour(of id: Int, _ direction: ReportDirection) throws(StoreError) -> Int? {
    try read("step to the \(direction) report") { connection in
      switch direction {
      case .next: try connection.int("SELECT min(id) FROM reports WHERE id > $1", [.int(id)])
      case .previous: try connection.int("SELECT max(id) FROM reports WHERE id < $1", [.int(id)])
      }
    }
  }

  /// The lowest report id, or nil in an empty project.
  public func firstReportID() throws(StoreError) -> Int? {
    try read("find the first report") { connection in try connection.int("SELECT min(id) FROM reports") }
  }

  /// Report ids in order, up to `limit`.
  public func reportIDs(limit: Int = 10_000) throws(StoreError) -> [Int] {
    try read("list report ids") { connection in
      try connection.rows("SELECT id FROM reports ORDER BY id LIMIT $1", [.int(limit)]).map {
        row throws(StoreError) in try row.int(0, "a report")
      }
    }
  }

  /// Which of `ids` are reports of the project.
  public func existingReportIDs(_ ids: [Int]) throws(StoreError) -> Set<Int> {
    guard !ids.isEmpty else { return [] }
    return try read("look up reports") { connection in
      Set(
        try connection.rows("SELECT id FROM reports WHERE id = ANY($1::bigint[])", [.ints(ids)]).map {
          row throws(StoreError) in try row.int(0, "a report")
        })
    }
  }

  /// How many matches `search` ranks at most, as on a file.
  public static let rankingCap = 2_000

  /// Full-text search with Hashiya's Arabic folding, over the index the import wrote: the same
  /// terms, clitic forms and exact words as a file's search, so both find the same reports.
  public func search(
    _ query: String, exact: Bool = false, offset: Int = 0, limit: Int = 10
  ) throws(StoreError) -> SearchResults {
    guard let tsquery = Self.tsquery(for: query, exact: exact) else {
      return SearchResults(total: 0, hits: [], rankedAmong: 0)
    }
    return try read("search") { connection in
      let total =
        try connection.int(
          "SELECT count(*) FROM reports_fts WHERE searchTokens @@ $1::tsquery", [.text(tsquery)]) ?? 0
      let rows = try connection.rows(
        """
        SELECT r.id, r.title, r.text FROM
          (SELECT reportId, ts_rank(searchTokens, $1::tsquery) AS score FROM reports_fts
           WHERE searchTokens @@ $1::tsquery ORDER BY reportId LIMIT $2) AS m
        JOIN reports r ON r.id = m.reportId ORDER BY m.score DESC, r.id LIMIT $3 OFFSET $4
        """, [.text(tsquery), .int(Self.rankingCap), .int(limit), .int(offset)])
      let hits = try rows.map { row throws(StoreError) in
        let id = try row.int(0, "a report")
        return SearchResults.Hit(
          id: id, title: try row.text(1, "report #\(id)"), text: try row.text(2, "report #\(id)"))
      }
      return SearchResults(total: total, hits: hits, rankedAmong: min(total, Self.rankingCap))
    }
  }

  /// The `tsquery` text of a search, each term quoted so nothing typed is query syntax; nil
  /// when the query has no searchable term. A term matches the word in the title or text, or
  /// one of its clitic forms, unless it is exact.
  static func tsquery(for query: String, exact: Bool) -> String? {
    let parts = SearchQuery.terms(of: query).map { term in
      let word = PostgresSchema.queryTerm(term.term, prefix: term.prefix, weights: "AB")
      if exact || term.exact { return word }
      let clitic = PostgresSchema.queryTerm(
        ArabicClitics.withoutArticle(term.term), prefix: term.prefix, weights: "C")
      return "(\(word) | \(clitic))"
    }
    return parts.isEmpty ? nil : parts.joined(separator: " & ")
  }
}
