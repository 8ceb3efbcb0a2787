import AnnotatorKit
import Foundation
import HashiyaModel

/// Who works on which report, on a server: the same rows and events as in a project file.
extension PostgresProjectStore {
  /// Stores a plan of assignments on `layer` ("" for every layer) as one change.
  ///
  /// Rows already there stay as they are, with their `doneAt`: assigning again never reopens
  /// work. The plan itself (seed, overlap, annotators) is recorded in the event log, so it can
  /// be made again. Returns how many assignments were added.
  @discardableResult
  public func assign(
    _ plan: [(reportID: Int, annotators: [String])], layer: String, by author: String, record: JSONObject
  ) throws -> Int {
    let pairs = plan.flatMap { entry in entry.annotators.map { (entry.reportID, $0) } }
    return try write("assign reports") { connection in
      // Later than any removal, so an assignment made again outlives the removal in a merge.
      let latest = try connection.rows("SELECT max(removedAt) FROM assignmentRemovals").first?.optionalText(0)
      let added =
        try connection.execute(
          """
          INSERT INTO assignments (reportId, layer, annotator, assignedBy, assignedAt)
          SELECT plan.reportId, $3, plan.annotator, $4, $5
          FROM unnest($1::bigint[], $2::text[]) AS plan (reportId, annotator)
          ON CONFLICT (reportId, layer, annotator) DO NOTHING
          """,
          [
            .ints(pairs.map(\.0)), .texts(pairs.map(\.1)), .text(layer), .text(author),
            .text(Timestamp.now(after: latest)),
          ]
        ).rowsAffected ?? 0
      try Self.appendEvent(connection, .assigned(layer: layer, record: record, added: added, by: author))
      return added
    }
  }

  /// Removes the assignments of these reports (on `layer` only, when given) and records what
  /// was removed in the event log. Returns how many were removed.
  @discardableResult
  public func clearAssignments(reportIDs: [Int], layer: String?, by author: String) throws -> Int {
    let existing = try assignments(reportIDs: reportIDs).filter { layer == nil || $0.layer == layer }
    guard !existing.isEmpty else { return 0 }
    return try write("clear assignments") { connection in
      let uids = try Self.uids(connection, reportIDs: Array(Set(existing.map(\.reportID))))
      var removed: [JSONValue] = []
      for row in existing {
        _ = try connection.execute(
          "DELETE FROM assignments WHERE reportId = $1 AND layer = $2 AND annotator = $3",
          [.int(row.reportID), .text(row.layer), .text(row.annotator)])
        // Later than the assignment it takes back, even within one millisecond.
        _ = try connection.execute(
          """
          INSERT INTO assignmentRemovals (reportId, layer, annotator, removedBy, removedAt)
          VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (reportId, layer, annotator) DO UPDATE SET
            removedBy = excluded.removedBy, removedAt = excluded.removedAt
          WHERE excluded.removedAt > assignmentRemovals.removedAt
          """,
          [
            .int(row.reportID), .text(row.layer), .text(row.annotator), .text(author),
            .text(Timestamp.now(after: row.assignedAt)),
          ])
        removed.append(row.removalSnapshot(uid: uids[row.reportID] ?? ""))
      }
      try Self.appendEvent(connection, .unassigned(layer: layer, removed: removed, by: author))
      return removed.count
    }
  }

  /// The assignments, optionally only those of some reports or of one annotator, in report,
  /// layer and annotator order.
  public func assignments(reportIDs: [Int]? = nil, annotator: String? = nil) throws(StoreError) -> [Assignment] {
    try read("read assignments") { connection in
      try connection.rows(
        """
        SELECT * FROM assignments
        WHERE ($1::bigint[] IS NULL OR reportId = ANY($1::bigint[])) AND ($2::text IS NULL OR annotator = $2)
        ORDER BY reportId, layer COLLATE "C", annotator COLLATE "C"
        """, [reportIDs.map(PostgresValue.ints), .optional(annotator)]
      ).map(PostgresRecords.assignment)
    }
  }

  /// How many reports each annotator holds on `layer`, for keeping a later plan balanced.
  public func assignmentLoads(layer: String) throws(StoreError) -> [String: Int] {
    try read("count assignments") { connection in
      var loads: [String: Int] = [:]
      for row in try connection.rows(
        "SELECT annotator, count(*) FROM assignments WHERE layer = $1 GROUP BY annotator", [.text(layer)])
      {
        loads[try row.text(0, "an assignment")] = try row.int(1, "an assignment")
      }
      return loads
    }
  }

  /// The reports that already have someone assigned on `layer`.
  public func assignedReportIDs(layer: String) throws(StoreError) -> Set<Int> {
    try read("read assignments") { connection in
      Set(
        try connection.rows("SELECT DISTINCT reportId FROM assignments WHERE layer = $1", [.text(layer)]).map {
          row throws(StoreError) in try row.int(0, "an assignment")
        })
    }
  }

  /// The reports assigned to `annotator`, in id order: on `layer` (or on every layer) when it
  /// is given, else on any layer; with `openOnly`, those where such an assignment is not done.
  public func assignedReports(to annotator: String, layer: String? = nil, openOnly: Bool = false)
    throws(StoreError) -> [Int]
  {
    try read("read assignments") { connection in
      try connection.rows(
        """
        SELECT DISTINCT reportId FROM assignments
        WHERE annotator = $1 AND ($2::text IS NULL OR layer IN ('', $2)) AND (NOT $3 OR doneAt IS NULL)
        ORDER BY reportId
        """, [.text(annotator), .optional(layer), .bool(openOnly)]
      ).map { row throws(StoreError) in try row.int(0, "an assignment") }
    }
  }

  /// Marks `annotator`'s assignments on a report done (now), or open again, on `layer` when it
  /// is given, else on every layer; each change is an event, which is what merge goes by.
  /// Returns how many assignments changed; `AssignmentError.notAssigned` when there are none.
  @discardableResult
  public func setDone(_ done: Bool, reportID: Int, annotator: String, layer: String?) throws -> Int {
    let rows = try assignments(reportIDs: [reportID], annotator: annotator).filter { layer == nil || $0.layer == layer }
    guard !rows.isEmpty else {
      throw AssignmentError.notAssigned(reportID: reportID, annotator: annotator, layer: layer)
    }
    return try write(done ? "mark report #\(reportID) done" : "reopen report #\(reportID)") { connection in
      let uid = try Self.uids(connection, reportIDs: [reportID])[reportID] ?? ""
      let batch = UUID().uuidString.lowercased()
      var changed = 0
      for row in rows where row.isDone != done {
        let doneAt = done ? try Self.nextEventTime(connection) : nil
        _ = try connection.execute(
          "UPDATE assignments SET doneAt = $1 WHERE reportId = $2 AND layer = $3 AND annotator = $4",
          [.optional(doneAt), .int(reportID), .text(row.layer), .text(annotator)])
        try Self.appendEvent(
          connection,
          EventDraft(
            author: annotator, action: done ? "done" : "reopen", entity: "assignment",
            entityID: Assignment.eventKey(uid: uid, layer: row.layer, annotator: annotator), reportID: reportID,
            before: Assignment.doneState(row.doneAt), after: Assignment.doneState(doneAt), batch: batch))
        changed += 1
      }
      return changed
    }
  }

  /// The global uid of each of `reportIDs`.
  static func uids(_ connection: PostgresConnection, reportIDs: [Int]) throws -> [Int: String] {
    var uids: [Int: String] = [:]
    for row in try connection.rows("SELECT id, uid FROM reports WHERE id = ANY($1::bigint[])", [.ints(reportIDs)]) {
      uids[try row.int(0, "a report")] = try row.text(1, "a report")
    }
    return uids
  }
}
