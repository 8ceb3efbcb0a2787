import AnnotatorKit
import HashiyaModel

extension PostgresProjectStore {
  /// How many reports `forEachReport` reads per round trip: memory stays bounded by a chunk.
  static let exportChunk = 200

  /// Calls `body` with each selected report and everything said about it — annotations, links,
  /// reviews and the review work (decisions, state, suggestion decisions) — in report order,
  /// reading a chunk of reports at a time in one snapshot of the database.
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
    let reports = try connection.rows("SELECT * FROM reports WHERE id = ANY($1::bigint[]) ORDER BY id", [.ints(ids)])
      .map(PostgresRecords.report)
    let annotations = Dictionary(
      grouping: try selected(
        "SELECT * FROM annotations", ids, selection, author: "author", gold: selection.goldOnly,
        order: "reportId, start, \"end\", id", PostgresRecords.annotation), by: \.reportID)
    let handles = Set(annotations.values.joined().map(\.id))
    let links = try Self.links(connection, touching: Array(handles)).filter {
      handles.contains($0.fromID) && handles.contains($0.toID) && (selection.includeDeleted || $0.status == .active)
    }
    let reportOf = Dictionary(annotations.values.joined().map { ($0.id, $0.reportID) }, uniquingKeysWith: { a, _ in a })
    let linksByReport = Dictionary(grouping: links) { reportOf[$0.fromID] ?? 0 }
    let reviews = Dictionary(
      grouping: try connection.rows(
        "SELECT * FROM reviews WHERE annotationId = ANY($1::bigint[]) ORDER BY id", [.ints(Array(handles))]
      ).map(PostgresRecords.review)
    ) { reportOf[$0.annotationID] ?? 0 }
    // A decision goes with its adjudicated annotation: one whose annotation is left out (deleted,
    // or of another author) would name an annotation the export does not hold.
    let decisions = Dictionary(
      grouping: try selected(
        "SELECT \(PostgresRecords.reviewDecisionColumns) FROM reviewDecisions d", ids, selection, table: "d",
        author: "reviewer", order: "reportId, id", PostgresRecords.reviewDecisionRecord
      ).filter { $0.decision.annotationID.map(handles.contains) ?? true }, by: \.decision.reportID)
    let states = Dictionary(
      grouping: try selected(
        "SELECT s.reportId, s.layer, s.units, s.updatedAt, \(Self.standingDecisionsSQL) FROM reviewState s", ids,
        selection, table: "s", status: false, order: "reportId, layer COLLATE \"C\"", Self.reviewState),
      by: \.reportID)
    let suggestions = Dictionary(
      grouping: try selected(
        "SELECT \(PostgresRecords.suggestionDecisionColumns) FROM suggestionDecisions", ids, selection,
        author: "author", status: false, order: "reportId, layer COLLATE \"C\", label COLLATE \"C\", start, \"end\""
      ) { row throws(StoreError) in
        (reportID: try row.int(0, "a suggestion decision"), record: try PostgresRecords.suggestionDecisionRecord(row))
      },
      by: \.reportID)
    for report in reports {
      var bundle = ReportBundle(
        report: report, annotations: annotations[report.id] ?? [], links: linksByReport[report.id] ?? [],
        reviews: reviews[report.id] ?? [])
      bundle.reviewDecisions = decisions[report.id] ?? []
      bundle.reviewStates = (states[report.id] ?? []).map(\.record)
      bundle.suggestionDecisions = (suggestions[report.id] ?? []).map(\.record)
      try body(bundle)
    }
  }

  /// The rows of `select` on the chunk's reports that `selection` keeps, in `order`: its layers,
  /// its authors in the `author` column (none when nil), only active rows unless deleted ones
  /// are asked for (for a table with tombstones, `status`), adjudicated ones only for `gold`.
  private func selected<Element>(
    _ select: String, _ ids: [Int], _ selection: ExportSelection, table: String? = nil, author: String? = nil,
    status: Bool = true, gold: Bool = false, order: String, _ decode: (PostgresRow) throws(StoreError) -> Element
  ) throws -> [Element] {
    let column = { (name: String) in table.map { "\($0).\(name)" } ?? name }
    var conditions = PostgresConditions()
    conditions.add("\(column("reportId")) = ANY(?::bigint[])", .ints(ids))
    if let layers = selection.layers { conditions.add("\(column("layer")) = ANY(?::text[])", .texts(layers)) }
    if let author, let authors = selection.authors {
      conditions.add("\(column(author)) = ANY(?::text[])", .texts(authors))
    }
    if gold { conditions.add("\(column("origin")) = 'adjudicated'", []) }
    if status && !selection.includeDeleted { conditions.add("\(column("status")) = 'active'", []) }
    let orderBy = order.split(separator: ",").map { column($0.trimmingCharacters(in: .whitespaces)) }
    return try connection.rows(
      PostgresConditions.numbered("\(select) \(conditions.whereClause) ORDER BY \(orderBy.joined(separator: ", "))"),
      conditions.values
    ).map { row throws(StoreError) in try decode(row) }
  }

  /// A layer's review state from a `reviewState` row with its standing decisions counted: the
  /// state is derived from the decisions that stand, as `reports` shows it.
  private static func reviewState(_ row: PostgresRow) throws(StoreError) -> (reportID: Int, record: ReviewStateRecord) {
    let report = try row.int(0, "a review state")
    let layer = try row.text(1, "a review state of report #\(report)")
    let what = "the review state of report #\(report), layer \(layer)"
    let units = try row.int(2, what)
    return (
      report,
      ReviewStateRecord(
        layer: layer, state: ReviewStateRecord.state(decided: try row.int(4, what), units: units), units: units,
        updatedAt: try row.text(3, what))
    )
  }
}
