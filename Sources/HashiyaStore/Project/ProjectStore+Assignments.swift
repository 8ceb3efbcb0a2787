import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

extension ProjectStore {
  /// Stores a plan of assignments on `layer` ("" for every layer) as one change.
  ///
  /// Rows already there stay as they are, with their `doneAt`: assigning again never reopens
  /// work. The plan itself (seed, overlap, annotators) is recorded in the event log, so it can
  /// be made again. Returns how many assignments were added.
  @discardableResult
  public func assign(
    _ plan: [(reportID: Int, annotators: [String])], layer: String, by author: String, record: JSONObject
  ) throws -> Int {
    try write("assign reports") { db in
      // Later than any removal, so an assignment made again outlives the removal in a merge.
      let now = Timestamp.now(after: try String.fetchOne(db, sql: "SELECT max(removedAt) FROM assignmentRemovals"))
      let statement = try db.cachedStatement(
        sql: """
          INSERT INTO assignments (reportId, layer, annotator, assignedBy, assignedAt) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (reportId, layer, annotator) DO NOTHING
          """)
      var added = 0
      for (reportID, annotators) in plan {
        for annotator in annotators {
          try statement.execute(arguments: [reportID, layer, annotator, author, now])
          added += db.changesCount
        }
      }
      try Self.appendEvent(db, .assigned(layer: layer, record: record, added: added, by: author))
      return added
    }
  }

  /// Removes the assignments of these reports (on `layer` only, when given) and records what
  /// was removed in the event log. Returns how many were removed.
  @discardableResult
  public func clearAssignments(reportIDs: [Int], layer: String?, by author: String) throws -> Int {
    let existing = try assignments(reportIDs: reportIDs).filter { layer == nil || $0.layer == layer }
    guard !existing.isEmpty else { return 0 }
    return try write("clear assignments") { db in
      let uids = try Self.uids(db, reportIDs: Array(Set(existing.map(\.reportID))))
      let statement = try db.cachedStatement(
        sql: "DELETE FROM assignments WHERE reportId = ? AND layer = ? AND annotator = ?")
      let tombstone = try db.cachedStatement(
        sql: """
          INSERT INTO assignmentRemovals (reportId, layer, annotator, removedBy, removedAt) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (reportId, layer, annotator) DO UPDATE SET
            removedBy = excluded.removedBy, removedAt = excluded.removedAt
          WHERE excluded.removedAt > assignmentRemovals.removedAt
          """)
      var removed: [JSONValue] = []
      for row in existing {
        try statement.execute(arguments: [row.reportID, row.layer, row.annotator])
        // Later than the assignment it takes back, even within one millisecond.
        try tombstone.execute(arguments: [
          row.reportID, row.layer, row.annotator, author, Timestamp.now(after: row.assignedAt),
        ])
        removed.append(row.removalSnapshot(uid: uids[row.reportID] ?? ""))
      }
      try Self.appendEvent(db, .unassigned(layer: layer, removed: removed, by: author))
      return removed.count
    }
  }

  /// The assignments, optionally only those of some reports or of one annotator, in report,
  /// layer and annotator order.
  public func assignments(reportIDs: [Int]? = nil, annotator: String? = nil) throws(StoreError) -> [Assignment] {
    try read("read assignments") { db in
      var conditions: [String] = []
      var arguments = StatementArguments()
      if let annotator {
        conditions.append("annotator = ?")
        arguments += [annotator]
      }
      let filter = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
      let fetch = { (sql: String, extra: StatementArguments) throws -> [Assignment] in
        try Row.fetchAll(db, sql: sql, arguments: extra + arguments).map { row throws(StoreError) in
          try Self.assignment(from: row)
        }
      }
      let base = "SELECT * FROM assignments WHERE 1"
      let order = " ORDER BY reportId, layer, annotator"
      guard let reportIDs else { return try fetch(base + filter + order, []) }
      return try Self.batched(reportIDs) { batch in
        try fetch(
          "SELECT * FROM assignments WHERE reportId IN (\(Self.marks(batch.count)))\(filter)\(order)",
          StatementArguments(batch))
      }.sorted { ($0.reportID, $0.layer, $0.annotator) < ($1.reportID, $1.layer, $1.annotator) }
    }
  }

  /// How many reports each annotator holds on `layer`, for keeping a later plan balanced.
  public func assignmentLoads(layer: String) throws(StoreError) -> [String: Int] {
    try read("count assignments") { db in
      var loads: [String: Int] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT annotator, count(*) AS n FROM assignments WHERE layer = ? GROUP BY annotator",
        arguments: [layer])
      {
        loads[try row.checked("annotator", "an assignment")] = try row.checked("n", "an assignment")
      }
      return loads
    }
  }

  /// The reports that already have someone assigned on `layer`.
  public func assignedReportIDs(layer: String) throws(StoreError) -> Set<Int> {
    try read("read assignments") { db in
      Set(try Int.fetchAll(db, sql: "SELECT DISTINCT reportId FROM assignments WHERE layer = ?", arguments: [layer]))
    }
  }

  /// The ids of `ids` that name reports of this project.
  public func existingReportIDs(_ ids: [Int]) throws(StoreError) -> Set<Int> {
    try read("read report ids") { db in
      Set(
        try Self.batched(ids) { batch in
          try Int.fetchAll(
            db, sql: "SELECT id FROM reports WHERE id IN (\(Self.marks(batch.count)))",
            arguments: StatementArguments(batch))
        })
    }
  }

  /// The reports assigned to `annotator`, in id order: on `layer` (or on every layer) when it
  /// is given, else on any layer; with `openOnly`, those where such an assignment is not done.
  public func assignedReports(to annotator: String, layer: String? = nil, openOnly: Bool = false)
    throws(StoreError) -> [Int]
  {
    try read("read assignments") { db in
      let (filter, arguments) = Self.assignmentFilter(annotator: annotator, layer: layer, openOnly: openOnly)
      return try Int.fetchAll(
        db, sql: "SELECT DISTINCT reportId FROM assignments WHERE \(filter) ORDER BY reportId", arguments: arguments)
    }
  }

  /// The condition on `assignments` rows that `assignedReports` and the report filters share.
  static func assignmentFilter(annotator: String, layer: String?, openOnly: Bool) -> (String, StatementArguments) {
    var sql = "annotator = ?"
    var arguments: StatementArguments = [annotator]
    if let layer {
      sql += " AND layer IN ('', ?)"
      arguments += [layer]
    }
    if openOnly { sql += " AND doneAt IS NULL" }
    return (sql, arguments)
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
    return try write(done ? "mark report #\(reportID) done" : "reopen report #\(reportID)") { db in
      let uid = try Self.uids(db, reportIDs: [reportID])[reportID] ?? ""
      let batch = UUID().uuidString.lowercased()
      var changed = 0
      for row in rows where row.isDone != done {
        let doneAt = done ? try Self.nextEventTime(db) : nil
        try db.cachedStatement(
          sql: "UPDATE assignments SET doneAt = ? WHERE reportId = ? AND layer = ? AND annotator = ?"
        ).execute(arguments: [doneAt, reportID, row.layer, annotator])
        try Self.appendEvent(
          db,
          EventDraft(
            author: annotator, action: done ? "done" : "reopen", entity: "assignment",
            entityID: Self.assignmentKey(uid: uid, layer: row.layer, annotator: annotator), reportID: reportID,
            before: Self.doneState(row.doneAt), after: Self.doneState(doneAt), batch: batch))
        changed += 1
      }
      return changed
    }
  }

  /// The event log's name for one assignment: the report's global uid, the layer and the
  /// annotator, the same in every copy of the project.
  static func assignmentKey(uid: String, layer: String, annotator: String) -> String {
    Assignment.eventKey(uid: uid, layer: layer, annotator: annotator)
  }

  static func doneState(_ doneAt: String?) -> String { Assignment.doneState(doneAt) }

  static func uids(_ db: Database, reportIDs: [Int]) throws -> [Int: String] {
    var uids: [Int: String] = [:]
    for row in try batched(
      reportIDs,
      { batch in
        try Row.fetchAll(
          db, sql: "SELECT id, uid FROM reports WHERE id IN (\(marks(batch.count)))",
          arguments: StatementArguments(batch))
      })
    {
      uids[try row.checked("id", "a report")] = try row.checked("uid", "a report")
    }
    return uids
  }

  static func assignment(from row: Row) throws(StoreError) -> Assignment {
    let reportID: Int = try row.checked("reportId", "an assignment")
    let what = "an assignment on report #\(reportID)"
    return Assignment(
      reportID: reportID, layer: try row.checked("layer", what), annotator: try row.checked("annotator", what),
      assignedBy: try row.checked("assignedBy", what), assignedAt: try row.checked("assignedAt", what),
      doneAt: try row.checked("doneAt", what))
  }
}
