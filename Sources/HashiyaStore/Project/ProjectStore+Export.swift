import AnnotatorKit
import GRDB
import HashiyaModel

extension ProjectStore {
  /// Calls `body` with each selected report and everything said about it, in id order.
  ///
  /// Reports, annotations, links, reviews and the review work (decisions, state, suggestion
  /// decisions) are read by cursors ordered by report and merged as they go, so a project of any
  /// size streams through in one read transaction.
  public func forEachReport(_ selection: ExportSelection, _ body: (ReportBundle) throws -> Void) throws {
    try forEachReport(selection, reading: { row throws(StoreError) in (try Self.report(from: row), ()) }) {
      bundle, _ in try body(bundle)
    }
  }

  /// Calls `body` as `forEachReport` does, but with each report's text left empty and handed over
  /// unchecked beside it: the caller checks it (`UncheckedText.string()`) before the report is used.
  public func forEachReportWithUncheckedText(
    _ selection: ExportSelection, _ body: (ReportBundle, UncheckedText) throws -> Void
  ) throws {
    try forEachReport(selection, reading: Self.reportWithUncheckedText(from:), body)
  }

  /// The loop of both: `reading` makes a report, and what goes with it, of each report row.
  private func forEachReport<Text>(
    _ selection: ExportSelection, reading: @escaping (StatementRow) throws(StoreError) -> (Report, Text),
    _ body: (ReportBundle, Text) throws -> Void
  ) throws {
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
        let (annotationFilter, annotationArguments) = Self.filter(
          selection, column: { "a." + $0 }, author: "author", gold: selection.goldOnly)
        var reports = try ReportRows(
          db, sql: "SELECT * FROM reports \(reportFilter) ORDER BY id", arguments: reportArguments, reportColumn: 0,
          decode: reading)
        // The index hands each report's annotations over by layer, then start: sorting them into text
        // order report by report costs less than SQLite sorting every row, a sixth of the reading.
        var annotations = try ReportRows(
          db, sql: "SELECT a.* FROM annotations a \(annotationFilter) ORDER BY a.reportId",
          arguments: annotationArguments, reportColumn: 2, decode: Self.annotation(from:))
        var links = try ReportRows(
          joinedToReports: "links", on: "fromId", columns: ProjectSchema.linkColumns.count, db, decode: Self.link(from:)
        )
        var reviews = try ReportRows(
          joinedToReports: "reviews", on: "annotationId", columns: ProjectSchema.reviewColumns.count, db,
          decode: Self.review(from:))
        var work = try ReviewWorkRows(db, selection)
        while let (report, text) = try reports.next() {
          if let wanted, !wanted.contains(report.id) { continue }
          var selected = try annotations.take(reportID: report.id)
          selected.sort { Self.inTextOrder(($0.range, $0.id), ($1.range, $1.id)) }
          var bundle = ReportBundle(
            report: report, annotations: selected, links: try links.take(reportID: report.id),
            reviews: try reviews.take(reportID: report.id))
          try work.take(into: &bundle)
          // Most reports have neither links, reviews nor decisions: the handle set is built only
          // when needed.
          if !bundle.links.isEmpty || !bundle.reviews.isEmpty || !bundle.reviewDecisions.isEmpty {
            let handles = Set(selected.map(\.id))
            bundle.links.removeAll {
              !(handles.contains($0.fromID) && handles.contains($0.toID)
                && (selection.includeDeleted || $0.status == .active))
            }
            bundle.reviews.removeAll { !handles.contains($0.annotationID) }
            // A decision goes with its adjudicated annotation: one whose annotation is left out
            // (deleted, or of another author) would name an annotation the export does not hold.
            bundle.reviewDecisions.removeAll { $0.decision.annotationID.map { !handles.contains($0) } ?? false }
          }
          try body(bundle, text)
        }
      }
    } catch let error as DatabaseError {
      throw StoreError.database(operation: "export", message: Self.message(of: error))
    }
  }

  /// Whether a span comes before another in a report's text order: by start, then end, then
  /// handle, as every listing of annotations gives them.
  static func inTextOrder(_ a: (range: TextRange, id: Int), _ b: (range: TextRange, id: Int)) -> Bool {
    (a.range.start, a.range.end, a.id) < (b.range.start, b.range.end, b.id)
  }

  /// The `WHERE` clause that applies `selection` to a table with `reportId` and `layer` columns;
  /// `column` names a column in the query, `author` is the column `--author` filters (none when
  /// nil), and `status` says whether the table has tombstones. `gold` keeps adjudicated rows only.
  static func filter(
    _ selection: ExportSelection, column: (String) -> String = { $0 }, author: String?, status: Bool = true,
    gold: Bool = false
  ) -> (String, StatementArguments) {
    var conditions: [String] = []
    var arguments = StatementArguments()
    if let ids = selection.reportIDs, ids.count <= batchSize {
      conditions.append("\(column("reportId")) IN (\(marks(ids.count)))")
      arguments += StatementArguments(ids)
    }
    if let layers = selection.layers {
      conditions.append("\(column("layer")) IN (\(marks(layers.count)))")
      arguments += StatementArguments(layers)
    }
    if let author, let authors = selection.authors {
      conditions.append("\(column(author)) IN (\(marks(authors.count)))")
      arguments += StatementArguments(authors)
    }
    if gold { conditions.append("\(column("origin")) = 'adjudicated'") }
    if status && !selection.includeDeleted { conditions.append("\(column("status")) = 'active'") }
    return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
  }

  static func marks(_ count: Int) -> String {
    Array(repeating: "?", count: count).joined(separator: ",")
  }

  /// SQLite binds at most a few thousand parameters: `IN (…)` lists are run in batches.
  static let batchSize = 400

  /// Runs `fetch` on batches of `ids` and concatenates the results.
  static func batched<ID, T>(_ ids: [ID], _ fetch: ([ID]) throws -> [T]) rethrows -> [T] {
    var results: [T] = []
    var start = 0
    while start < ids.count {
      results += try fetch(Array(ids[start..<min(start + batchSize, ids.count)]))
      start += batchSize
    }
    return results
  }

  /// A review from a `SELECT *` row, by position (`ProjectSchema.reviewColumns`).
  static func review(from row: some CheckedRow) throws(StoreError) -> Review {
    let id: Int = try row.checked(0, "a review")
    func what() -> String { "review \(id)" }
    return Review(
      id: id, uuid: try row.checked(1, what()), annotationID: try row.checked(2, what()),
      reviewer: try row.checked(3, what()), verdict: try row.checked(4, as: Review.Verdict.self, what()),
      comment: try row.checked(5, what()),
      createdAt: try row.checked(6, what()))
  }
}

/// Rows ordered by `reportId`, decoded in place and handed out one report at a time.
///
/// Each row is decoded while the statement is on it, straight from SQLite (`StatementRow`): a
/// copied row holds every column as a `DatabaseValue` to be decoded again, and copying cost a long
/// export more than SQLite itself. A row of a later report waits, decoded, for the next `take`.
struct ReportRows<Element> {
  private let cursor: RowCursor
  /// The row the cursor is on, read in place.
  private let current: StatementRow
  /// Position of the report id in the rows.
  private let reportColumn: Int
  private let decode: (StatementRow) throws -> Element
  private var pending: (reportID: Int, element: Element)?

  init(
    _ db: Database, sql: String, arguments: StatementArguments = StatementArguments(), reportColumn: Int,
    decode: @escaping (StatementRow) throws -> Element
  ) throws {
    let statement = try db.makeStatement(sql: sql)
    cursor = try Row.fetchCursor(statement, arguments: arguments)
    current = StatementRow(statement)
    self.reportColumn = reportColumn
    self.decode = decode
  }

  /// Rows of `table` (links or reviews), each with the report of the annotation its `column`
  /// names appended after its `columns` own columns, in report order.
  init(
    joinedToReports table: String, on column: String, columns: Int, _ db: Database,
    decode: @escaping (StatementRow) throws -> Element
  ) throws {
    try self.init(
      db,
      sql: """
        SELECT t.*, a.reportId AS reportId FROM \(table) t JOIN annotations a ON a.id = t.\(column)
        ORDER BY a.reportId, t.id
        """,
      reportColumn: columns, decode: decode)
  }

  /// The next row, whatever its report.
  mutating func next() throws -> Element? {
    try cursor.next() == nil ? nil : try decode(current)
  }

  /// The rows for `reportID`, skipping rows of earlier reports that were not selected.
  mutating func take(reportID: Int) throws -> [Element] {
    var elements: [Element] = []
    // Rows are moved, never copied: copying an annotation retains each of its strings.
    if let waiting = pending?.reportID {
      if waiting > reportID { return elements }
      if let held = pending.take(), waiting == reportID { elements.append(held.element) }
    }
    while try cursor.next() != nil {
      let rowReport: Int = try current.checked(reportColumn, "a row of report \(reportID)")
      // Rows of reports left out are skipped without being decoded.
      if rowReport < reportID { continue }
      let element = try decode(current)
      if rowReport > reportID {
        pending = (rowReport, consume element)
        return elements
      }
      elements.append(consume element)
    }
    return elements
  }
}
