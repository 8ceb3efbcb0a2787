import AnnotatorKit
import GRDB
import HashiyaModel

extension ProjectStore {
  /// How many reports the project holds.
  ///
  /// Reports are never deleted and take ids 1, 2, 3… as they arrive, so the largest id is the
  /// count: reading it touches a page or two, where `count(*)` walks a whole index (8 MB at 100,000
  /// reports) before a command that only wants the banner's number.
  public func reportCount() throws(StoreError) -> Int {
    try read("count reports") { db in try Int.fetchOne(db, sql: "SELECT max(id) FROM reports") ?? 0 }
  }

  /// One report with its text, or `StoreError.noSuchReport`.
  public func report(id: Int) throws(StoreError) -> Report {
    let found = try read("read report #\(id)") { db in
      try Self.reports(try db.cachedStatement(sql: "SELECT * FROM reports WHERE id = ?"), arguments: [id]).first
    }
    guard let found else { throw .noSuchReport(id: id) }
    return found
  }

  /// Several reports with their texts, in the order of `ids`; missing ids are skipped.
  public func reports(ids: [Int]) throws(StoreError) -> [Report] {
    guard !ids.isEmpty else { return [] }
    let found = try read("read reports") { db in
      try Self.batched(ids) { batch in
        try Self.reports(
          try db.cachedStatement(sql: "SELECT * FROM reports WHERE id IN (\(Self.marks(batch.count)))"),
          arguments: StatementArguments(batch))
      }
    }
    let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.id, $0) })
    return ids.compactMap { byID[$0] }
  }

  /// A page of the report summaries `filter` keeps, in its order, and how many it keeps in all;
  /// the counts are of the annotations `access` may see, all when nil.
  ///
  /// Each condition is a subquery on an index (assignments by annotator, annotations and review
  /// states by report) or a test on the report row, so the list stays quick on a large project.
  public func reportSummaries(
    _ filter: ReportFilter, offset: Int = 0, limit: Int = 20, access: TeamAccess? = nil
  ) throws(StoreError) -> (total: Int, page: [ReportSummary]) {
    try read("list reports") { db in
      let (conditions, arguments) = Self.conditions(of: filter)
      let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
      let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports r \(whereClause)", arguments: arguments) ?? 0
      let visible = Self.visibility(access)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT r.id, r.title, r.language, r.length,
            (SELECT count(*) FROM annotations a WHERE a.reportId = r.id AND a.status = 'active' AND \(visible.sql))
              AS annotationCount
          FROM reports r \(whereClause) ORDER BY \(Self.order(filter.sort)) LIMIT ? OFFSET ?
          """,
        arguments: visible.arguments + arguments + [limit, offset])
      let page = try rows.map { row throws(StoreError) in
        let id: Int = try row.checked("id", "a report")
        let what = "report #\(id)"
        return ReportSummary(
          id: id, title: try row.checked("title", what), language: try row.checked("language", what),
          length: try row.checked("length", what), annotationCount: try row.checked("annotationCount", what))
      }
      return (total, page)
    }
  }

  private static func order(_ sort: ReportFilter.Sort) -> String {
    switch sort {
    case .id: "r.id"
    case .title: "r.titleFolded, r.id"
    case .published: "r.published IS NULL, r.published, r.id"
    case .annotations: "annotationCount DESC, r.id"
    }
  }

  /// The SQL conditions on `reports r` that `filter` asks for, with their bound values.
  private static func conditions(of filter: ReportFilter) -> ([String], StatementArguments) {
    var conditions: [String] = []
    var arguments = StatementArguments()
    func add(_ condition: String, _ values: StatementArguments) {
      conditions.append(condition)
      arguments += values
    }
    if let titleQuery = filter.titleQuery, !titleQuery.isEmpty {
      add("instr(r.titleFolded, ?) > 0", [FoldedText.foldedString(titleQuery)])
    }
    if let annotator = filter.assignedTo {
      let (sql, values) = assignmentFilter(
        annotator: annotator, layer: filter.layer, openOnly: filter.openAssignmentsOnly)
      add("r.id IN (SELECT reportId FROM assignments WHERE \(sql))", values)
    }
    let onLayer = filter.layer == nil ? "" : " AND layer = ?"
    let layerArgument: StatementArguments = filter.layer.map { [$0] } ?? []
    if let author = filter.author {
      add(
        "r.id IN (SELECT reportId FROM annotations WHERE author = ? AND status = 'active'\(onLayer))",
        [author] + layerArgument)
    } else if filter.layer != nil, filter.assignedTo == nil, filter.reviewState == nil {
      add("EXISTS (SELECT 1 FROM annotations WHERE reportId = r.id\(onLayer) AND status = 'active')", layerArgument)
    }
    if let state = filter.reviewState {
      // As `reviewStates` reads them: a report is in review when a layer is, settled when a
      // layer is settled and none in review, open when no decision stands on any.
      let decided = standingDecisionsSQL
      func any(_ test: String) -> String {
        "EXISTS (SELECT 1 FROM reviewState s WHERE s.reportId = r.id\(filter.layer == nil ? "" : " AND s.layer = ?") AND \(test))"
      }
      switch state {
      case .open:
        add("NOT " + any("\(decided) > 0"), layerArgument)
      case .inReview:
        add(any("\(decided) BETWEEN 1 AND s.units - 1"), layerArgument)
      case .settled:
        add(
          any("\(decided) > 0 AND \(decided) >= s.units") + " AND NOT " + any("\(decided) BETWEEN 1 AND s.units - 1"),
          layerArgument + layerArgument)
      }
    }
    if let language = filter.language {
      add("lower(r.language) = lower(?)", [language])
    }
    if let source = filter.source {
      add("instr(lower(coalesce(r.source, '')), lower(?)) > 0", [source])
    }
    return (conditions, arguments)
  }

  /// The id of the report after or before `id`, in id order; nil at either end.
  public func neighbour(of id: Int, _ direction: ReportDirection) throws(StoreError) -> Int? {
    try read("step to the \(direction) report") { db in
      switch direction {
      case .next:
        return try Int.fetchOne(db, sql: "SELECT min(id) FROM reports WHERE id > ?", arguments: [id])
      case .previous:
        return try Int.fetchOne(db, sql: "SELECT max(id) FROM reports WHERE id < ?", arguments: [id])
      }
    }
  }

  /// The smallest report id, the natural first report to show.
  public func firstReportID() throws(StoreError) -> Int? {
    try read("find the first report") { db in try Int.fetchOne(db, sql: "SELECT min(id) FROM reports") }
  }

  /// Every report id, for completion at the prompt.
  public func reportIDs(limit: Int = 10_000) throws(StoreError) -> [Int] {
    try read("list report ids") { db in
      try Int.fetchAll(db, sql: "SELECT id FROM reports ORDER BY id LIMIT ?", arguments: [limit])
    }
  }

  /// How many matches `search` ranks at most.
  public static let rankingCap = 2_000

  /// Full-text search over titles and texts, compared after Arabic folding.
  ///
  /// Counts every match first and ranks only the requested page, so a common word stays cheap.
  public func search(
    _ query: String, exact: Bool = false, offset: Int = 0, limit: Int = 10
  ) throws(StoreError) -> SearchResults {
    guard let match = SearchQuery.ftsExpression(for: query, exact: exact) else {
      return SearchResults(total: 0, hits: [], rankedAmong: 0)
    }
    return try read("search") { db in
      let total =
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM reports_fts WHERE reports_fts MATCH ?", arguments: [match]) ?? 0
      // Ranking every match of a word found in nearly every report costs more than the answer is
      // worth: rank the first `rankingCap` matches (in report order) and say so.
      let rows = try Row.fetchAll(
        try db.cachedStatement(
          sql: """
            SELECT r.id, r.title, r.text FROM
              (SELECT rowid, bm25(reports_fts) AS score FROM reports_fts WHERE reports_fts MATCH ? LIMIT ?) AS m
            JOIN reports r ON r.id = m.rowid ORDER BY m.score, r.id LIMIT ? OFFSET ?
            """),
        arguments: [match, Self.rankingCap, limit, offset])
      let hits = try rows.map { row throws(StoreError) in
        let id: Int = try row.checked(0, "a report")
        return SearchResults.Hit(
          id: id, title: try row.checked(1, "report #\(id)"), text: try row.checked(2, "report #\(id)"))
      }
      return SearchResults(total: total, hits: hits, rankedAmong: min(total, Self.rankingCap))
    }
  }

  /// The reports a `SELECT *` statement gives, each decoded while the cursor is on its row: only
  /// a statement row knows how many bytes SQLite holds, which `report(from:)` checks the text by
  /// (a copied row has already cut the text at a NUL).
  static func reports(_ statement: Statement, arguments: StatementArguments) throws -> [Report] {
    let rows = try Row.fetchCursor(statement, arguments: arguments)
    var reports: [Report] = []
    while let row = try rows.next() { reports.append(try report(from: row)) }
    return reports
  }

  /// A report from a `SELECT *` row, by position (`ProjectSchema.reportColumns`).
  ///
  /// The text read is checked against the bytes stored: text read back through SQLite's C strings
  /// stops at a NUL, and invalid UTF-8 is repaired, so a report edited outside Hashiya could
  /// otherwise show a silently different text. Comparing byte counts costs nothing per report.
  static func report(from row: some CheckedRow) throws(StoreError) -> Report {
    let id: Int = try row.checked(0, "a report")
    let text: String = try row.checked(8, "report #\(id)")
    let stored = row.storedByteCount(at: 8)
    guard stored == text.utf8.count else {
      throw .damaged(
        what: "report #\(id)",
        reason:
          "its text reads as \(text.utf8.count) bytes where the file holds \(stored ?? 0) (a NUL or invalid UTF-8)")
    }
    return try report(from: row, id: id, text: text)
  }

  /// A report from a `SELECT *` row with its text left empty, and the text's bytes unchecked.
  static func reportWithUncheckedText(from row: StatementRow) throws(StoreError) -> (Report, UncheckedText) {
    let id: Int = try row.checked(0, "a report")
    let text = try row.uncheckedText(at: 8, ofReport: id)
    return (try report(from: row, id: id, text: ""), text)
  }

  /// A report from a row whose id and text are read.
  private static func report(from row: some CheckedRow, id: Int, text: String) throws(StoreError) -> Report {
    func what() -> String { "report #\(id)" }
    let length: Int = try row.checked(10, what())
    return Report(
      id: id, uid: try row.checked(1, what()), title: try row.checked(2, what()), source: try row.checked(4, what()),
      url: try row.checked(5, what()), language: try row.checked(6, what()), published: try row.checked(7, what()),
      text: text, sha256: try row.checked(9, what()), length: length, hadBOM: try row.checked(11, what()),
      metadataJSON: try row.checked(12, what()), importedAt: try row.checked(13, what()),
      importedBy: try row.checked(14, what()))
  }
}
