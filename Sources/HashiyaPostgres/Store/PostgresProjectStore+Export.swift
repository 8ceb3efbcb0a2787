import AnnotatorKit
import HashiyaModel

extension PostgresProjectStore {
  /// How many reports `forEachReport` reads per round trip: memory stays bounded by a chunk.
  static let exportChunk = 200

  /// Calls `body` with each selected report and its annotations and links, in report order,
  /// reading a chunk of reports at a time in one snapshot of the database.
  ///
  /// Reviews, adjudication and suggestion decisions are not written on a server yet, so the
  /// bundles carry none.
  public func forEachReport(_ selection: ExportSelection, _ body: (ReportBundle) throws -> Void) throws {
    lock.lock()
    defer { lock.unlock() }
    do {
      try connection.transaction(isolation: .repeatableRead) {
        var after = 0
        while true {
          let ids = try connection.rows(
            """
            SELECT id FROM reports WHERE id > $1 AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
            ORDER BY id LIMIT $3
            """, [.int(after), selection.reportIDs.map(PostgresValue.ints), .int(Self.exportChunk)]
          ).map { row throws(StoreError) in try row.int(0, "a report") }
          guard let last = ids.last else { return }
          after = last
          try exportChunk(ids, selection, body)
        }
      }
    } catch {
      throw Self.storeError(error, operation: "export")
    }
  }

  private func exportChunk(_ ids: [Int], _ selection: ExportSelection, _ body: (ReportBundle) throws -> Void) throws {
    var conditions = PostgresConditions()
    conditions.add("reportId = ANY(?::bigint[])", .ints(ids))
    if let layers = selection.layers { conditions.add("layer = ANY(?::text[])", .texts(layers)) }
    if let authors = selection.authors { conditions.add("author = ANY(?::text[])", .texts(authors)) }
    if selection.goldOnly { conditions.add("origin = 'adjudicated'", []) }
    if !selection.includeDeleted { conditions.add("status = 'active'", []) }
    let reports = try connection.rows("SELECT * FROM reports WHERE id = ANY($1::bigint[]) ORDER BY id", [.ints(ids)])
      .map(PostgresRecords.report)
    let annotations = Dictionary(
      grouping: try connection.rows(
        PostgresConditions.numbered(
          "SELECT * FROM annotations \(conditions.whereClause) ORDER BY reportId, start, \"end\", id"),
        conditions.values
      ).map(PostgresRecords.annotation), by: \.reportID)
    let handles = Set(annotations.values.joined().map(\.id))
    let links = try Self.links(connection, touching: Array(handles)).filter {
      handles.contains($0.fromID) && handles.contains($0.toID) && (selection.includeDeleted || $0.status == .active)
    }
    let reportOf = Dictionary(annotations.values.joined().map { ($0.id, $0.reportID) }, uniquingKeysWith: { a, _ in a })
    let linksByReport = Dictionary(grouping: links) { reportOf[$0.fromID] ?? 0 }
    for report in reports {
      try body(
        ReportBundle(
          report: report, annotations: annotations[report.id] ?? [], links: linksByReport[report.id] ?? [],
          reviews: []))
    }
  }
}
