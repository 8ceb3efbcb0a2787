import AnnotatorKit
import GRDB
import HashiyaModel

extension ProjectMerge {
  /// Brings in the other file's assignments as a lattice per report (by uid), layer and
  /// annotator, after its events have joined the log.
  ///
  /// Rows are a union; each keeps its latest (re)assignment (time, then who assigned), and
  /// stands only if that is later than its latest removal (`assign --clear`), removals being a
  /// union too. Whether an
  /// assignment is done follows the latest `done` or `reopen` event on it in the merged log
  /// (time, then event uuid), so a report marked done stays done unless it was reopened later,
  /// and a reopening travels like the marking did. Every `doneAt` is written with such an
  /// event, so an assignment without one was never done. Both rules depend only on the union of
  /// rows and events, so any order and grouping of merges ends the same, and twice is once.
  ///
  static func mergeAssignments(into db: Database, from their: Database) throws {
    // A file from before version 4 has no assignments, nor events about them.
    guard try their.tableExists("assignments") else { return }
    let rows = try Row.fetchCursor(
      their, sql: "SELECT a.*, r.uid, r.sha256 FROM assignments a JOIN reports r ON r.id = a.reportId")
    let insert = try db.cachedStatement(
      sql: """
        INSERT INTO assignments (reportId, layer, annotator, assignedBy, assignedAt, doneAt) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (reportId, layer, annotator) DO UPDATE SET
          assignedBy = CASE WHEN (excluded.assignedAt, excluded.assignedBy) > (assignments.assignedAt, assignments.assignedBy)
            THEN excluded.assignedBy ELSE assignments.assignedBy END,
          assignedAt = max(excluded.assignedAt, assignments.assignedAt)
        """)
    var local: [String: Int?] = [:]
    while let row = try rows.next() {
      let uid: String = try row.checked("uid", "an assignment of the other file")
      let what = "the assignment of the other file on report \"\(uid)\""
      let reportID: Int?
      if let known = local[uid] {
        reportID = known
      } else {
        reportID = try Self.localReport(db, uid: uid, sha256: try row.checked("sha256", what))
        local[uid] = reportID
      }
      guard let reportID else { continue }
      try insert.execute(arguments: [
        reportID, try row.checked("layer", what) as String, try row.checked("annotator", what) as String,
        try row.checked("assignedBy", what) as String, try row.checked("assignedAt", what) as String,
        try row.checked("doneAt", what) as String?,
      ])
    }
    try mergeRemovals(into: db, from: their)
    try settleDone(db)
  }

  /// Brings in the other file's removals (the later of two on one assignment stands) and drops
  /// every assignment not made again since its latest removal.
  private static func mergeRemovals(into db: Database, from their: Database) throws {
    if try their.tableExists("assignmentRemovals") {
      let removals = try Row.fetchCursor(
        their, sql: "SELECT m.*, r.uid, r.sha256 FROM assignmentRemovals m JOIN reports r ON r.id = m.reportId")
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO assignmentRemovals (reportId, layer, annotator, removedBy, removedAt) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (reportId, layer, annotator) DO UPDATE SET
            removedBy = excluded.removedBy, removedAt = excluded.removedAt
          WHERE (excluded.removedAt, excluded.removedBy) > (assignmentRemovals.removedAt, assignmentRemovals.removedBy)
          """)
      while let row = try removals.next() {
        let uid: String = try row.checked("uid", "an assignment removal of the other file")
        let what = "the assignment removal of the other file on report \"\(uid)\""
        guard let reportID = try Self.localReport(db, uid: uid, sha256: try row.checked("sha256", what)) else {
          continue
        }
        try insert.execute(arguments: [
          reportID, try row.checked("layer", what) as String, try row.checked("annotator", what) as String,
          try row.checked("removedBy", what) as String, try row.checked("removedAt", what) as String,
        ])
      }
    }
    try db.execute(
      sql: """
        DELETE FROM assignments WHERE EXISTS (
          SELECT 1 FROM assignmentRemovals m
          WHERE m.reportId = assignments.reportId AND m.layer = assignments.layer
            AND m.annotator = assignments.annotator AND m.removedAt >= assignments.assignedAt)
        """)
  }

  /// Sets each assignment's `doneAt` from the latest `done` or `reopen` event about it.
  private static func settleDone(_ db: Database) throws {
    var latest: [String: String?] = [:]
    let events = try Row.fetchCursor(
      db,
      sql: """
        SELECT entityId, after FROM events WHERE entity = 'assignment' AND \(ProjectSchema.keyedEntities) AND action IN ('done', 'reopen')
        ORDER BY at, uuid
        """)
    while let row = try events.next() {
      guard let key: String = try row.checked("entityId", "an assignment event") else { continue }
      let after: String? = try row.checked("after", "the assignment event on \(key)")
      latest[key] = after.flatMap { try? JSONParser.parse($0) }?["doneAt"]?.stringValue
    }
    let update = try db.cachedStatement(
      sql: """
        UPDATE assignments SET doneAt = ?
        WHERE reportId = (SELECT id FROM reports WHERE uid = ?) AND layer = ? AND annotator = ? AND doneAt IS NOT ?
        """)
    for (key, doneAt) in latest.sorted(by: { $0.key < $1.key }) {
      guard let parts = (try? JSONParser.parse(key))?.arrayValue?.compactMap(\.stringValue), parts.count == 3 else {
        continue
      }
      try update.execute(arguments: [doneAt, parts[0], parts[1], parts[2], doneAt])
    }
  }

  /// This project's id of a report of the other file: the one with its uid when the texts
  /// match, else one with the same text; nil when the texts differ (the report was skipped).
  private static func localReport(_ db: Database, uid: String, sha256: String) throws -> Int? {
    if let row = try Row.fetchOne(db, sql: "SELECT id, sha256 FROM reports WHERE uid = ?", arguments: [uid]) {
      let id: Int = try row.checked("id", "report \"\(uid)\"")
      return try row.checked("sha256", "report #\(id)") == sha256 ? id : nil
    }
    return try Int.fetchOne(db, sql: "SELECT id FROM reports WHERE sha256 = ?", arguments: [sha256])
  }
}
