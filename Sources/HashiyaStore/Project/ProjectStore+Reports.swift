import AnnotatorKit
import GRDB

extension ProjectStore {
  /// Which way `neighbour(of:_:)` steps through the reports.
  public enum Direction: Sendable {
    case next, previous
  }

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

  /// A page of report summaries in id order, optionally only those whose title contains `titleQuery`
  /// (compared after Arabic folding, so diacritics and alef forms do not matter). The counts are
  /// of the annotations `access` may see, all when nil.
  public func reportSummaries(
    titleQuery: String? = nil, offset: Int = 0, limit: Int = 20, access: TeamAccess? = nil
  ) throws(StoreError) -> (total: Int, page: [ReportSummary]) {
    try read("list reports") { db in
      var filter = ""
      var arguments = StatementArguments()
      if let titleQuery, !titleQuery.isEmpty {
        filter = "WHERE instr(titleFolded, ?) > 0"
        arguments += [FoldedText.foldedString(titleQuery)]
      }
      let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports \(filter)", arguments: arguments) ?? 0
      let visible = Self.visibility(access)
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT r.id, r.title, r.language, r.length,
            (SELECT count(*) FROM annotations a WHERE a.reportId = r.id AND a.status = 'active' AND \(visible.sql))
              AS annotationCount
          FROM reports r \(filter) ORDER BY r.id LIMIT ? OFFSET ?
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

  /// The id of the report after or before `id`, in id order; nil at either end.
  public func neighbour(of id: Int, _ direction: Direction) throws(StoreError) -> Int? {
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
  public func search(_ query: String, offset: Int = 0, limit: Int = 10) throws(StoreError) -> SearchResults {
    guard let match = SearchQuery.ftsExpression(for: query) else {
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
  static func report(from row: Row) throws(StoreError) -> Report {
    let id: Int = try row.checked(0, "a report")
    let what = "report #\(id)"
    let text: String = try row.checked(8, what)
    let stored = (try? row.withUnsafeData(atIndex: 8) { $0?.count }) ?? nil
    guard stored == text.utf8.count else {
      throw .damaged(
        what: what,
        reason:
          "its text reads as \(text.utf8.count) bytes where the file holds \(stored ?? 0) (a NUL or invalid UTF-8)")
    }
    let length: Int = try row.checked(10, what)
    return Report(
      id: id, uid: try row.checked(1, what), title: try row.checked(2, what), source: try row.checked(4, what),
      url: try row.checked(5, what), language: try row.checked(6, what), published: try row.checked(7, what),
      text: text, sha256: try row.checked(9, what), length: length, hadBOM: try row.checked(11, what),
      metadataJSON: try row.checked(12, what), importedAt: try row.checked(13, what),
      importedBy: try row.checked(14, what))
  }
}
