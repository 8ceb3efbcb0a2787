import AnnotatorKit
import GRDB

extension ProjectStore {
  /// Calls `body` with each selected report and everything said about it, in id order.
  ///
  /// Reports, annotations, links and reviews are read by four cursors ordered by report and
  /// merged as they go, so a project of any size streams through in one read transaction.
  public func forEachReport(_ selection: ExportSelection, _ body: (ReportBundle) throws -> Void) throws {
    do {
      try database.read { db in
        var reportFilter = ""
        var reportArguments = StatementArguments()
        // A long id list is filtered as rows stream by rather than bound into the query.
        let wanted = selection.reportIDs.map(Set.init)
        if let ids = selection.reportIDs, ids.count <= Self.batchSize {
          reportFilter = "WHERE id IN (\(Self.marks(ids.count)))"
          reportArguments = StatementArguments(ids)
        }
        let (annotationFilter, annotationArguments) = Self.annotationFilter(selection, reportFilter: reportFilter)
        let reports = try Row.fetchCursor(
          db, sql: "SELECT * FROM reports \(reportFilter) ORDER BY id", arguments: reportArguments)
        var annotations = PeekingCursor(
          reportColumn: 2,
          try Row.fetchCursor(
            db, sql: "SELECT a.* FROM annotations a \(annotationFilter) ORDER BY a.reportId, a.start, a.\"end\", a.id",
            arguments: annotationArguments))
        var links = PeekingCursor(
          reportColumn: ProjectSchema.linkColumns.count,
          try Row.fetchCursor(
            db,
            sql: """
              SELECT l.*, a.reportId AS reportId FROM links l JOIN annotations a ON a.id = l.fromId
              ORDER BY a.reportId, l.id
              """))
        var reviews = PeekingCursor(
          reportColumn: ProjectSchema.reviewColumns.count,
          try Row.fetchCursor(
            db,
            sql: """
              SELECT r.*, a.reportId AS reportId FROM reviews r JOIN annotations a ON a.id = r.annotationId
              ORDER BY a.reportId, r.id
              """))
        while let row = try reports.next() {
          let report = Self.report(from: row)
          if let wanted, !wanted.contains(report.id) { continue }
          let selected = try annotations.take(reportID: report.id).map(Self.annotation(from:))
          let handles = Set(selected.map(\.id))
          let reportLinks = try links.take(reportID: report.id).map(Self.link(from:)).filter {
            handles.contains($0.fromID) && handles.contains($0.toID)
              && (selection.includeDeleted || $0.status == .active)
          }
          let reportReviews = try reviews.take(reportID: report.id).map(Self.review(from:)).filter {
            handles.contains($0.annotationID)
          }
          try body(ReportBundle(report: report, annotations: selected, links: reportLinks, reviews: reportReviews))
        }
      }
    } catch let error as DatabaseError {
      throw StoreError.database(operation: "export", message: Self.message(of: error))
    }
  }

  private static func annotationFilter(
    _ selection: ExportSelection, reportFilter: String
  ) -> (String, StatementArguments) {
    var conditions: [String] = []
    var arguments = StatementArguments()
    if let ids = selection.reportIDs, ids.count <= batchSize {
      conditions.append("a.reportId IN (\(marks(ids.count)))")
      arguments += StatementArguments(ids)
    }
    if let layers = selection.layers {
      conditions.append("a.layer IN (\(marks(layers.count)))")
      arguments += StatementArguments(layers)
    }
    if let authors = selection.authors {
      conditions.append("a.author IN (\(marks(authors.count)))")
      arguments += StatementArguments(authors)
    }
    if selection.goldOnly { conditions.append("a.origin = 'adjudicated'") }
    if !selection.includeDeleted { conditions.append("a.status = 'active'") }
    return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
  }

  static func marks(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ",")
  }

  /// SQLite binds at most a few thousand parameters: `IN (…)` lists are run in batches.
  static let batchSize = 400

  /// Runs `fetch` on batches of `ids` and concatenates the results.
  static func batched<T>(_ ids: [Int], _ fetch: ([Int]) throws -> [T]) rethrows -> [T] {
    var results: [T] = []
    var start = 0
    while start < ids.count {
      results += try fetch(Array(ids[start..<min(start + batchSize, ids.count)]))
      start += batchSize
    }
    return results
  }

  /// A review from a `SELECT *` row, by position (`ProjectSchema.reviewColumns`).
  static func review(from row: Row) -> Review {
    Review(
      id: row[0], uuid: row[1], annotationID: row[2], reviewer: row[3],
      verdict: Review.Verdict(rawValue: row[4]) ?? .flag, comment: row[5], createdAt: row[6])
  }
}

/// A row cursor ordered by `reportId` that hands out the rows of one report at a time.
private struct PeekingCursor {
  private var cursor: RowCursor
  private var pending: Row?
  /// Position of the report id in the rows.
  private let reportColumn: Int

  init(reportColumn: Int, _ cursor: RowCursor) {
    self.reportColumn = reportColumn
    self.cursor = cursor
  }

  /// The rows for `reportID`, skipping rows of earlier reports that were not selected.
  mutating func take(reportID: Int) throws -> [Row] {
    var rows: [Row] = []
    while let row = try pending ?? cursor.next() {
      let rowReport: Int = row[reportColumn]
      if rowReport > reportID {
        pending = row
        return rows
      }
      pending = nil
      // GRDB reuses a cursor's row: copy it before keeping it.
      if rowReport == reportID { rows.append(row.copy()) }
    }
    return rows
  }
}
