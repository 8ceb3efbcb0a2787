import GRDB
import HashiyaModel

/// The figures of `stats`, read straight from the tables that hold them.
extension ProjectStore {
  /// A gap between two of a person's events longer than this is a pause, not work.
  public static let activityGap = AnnotatorProgress.activityGap

  /// Progress per annotator and layer (only `layer` when given), sorted by annotator then layer.
  ///
  /// An assignment without a layer (a whole report) counts on each of the annotator's layer rows,
  /// and a report is counted once per row however many of its assignments apply. Active
  /// annotators of the team appear even before their first piece of work (leads only with work).
  public func progress(layer: String? = nil) throws(StoreError) -> [AnnotatorProgress] {
    try read("read progress") { db in
      var table = ProgressTable()
      let layerFilter = layer == nil ? "" : " AND layer = ?"
      let arguments: StatementArguments = layer.map { [$0] } ?? []
      for found in try Row.fetchAll(
        db,
        sql: "SELECT author, layer, count(*) FROM annotations WHERE status = 'active'\(layerFilter) GROUP BY 1, 2",
        arguments: arguments)
      {
        let what = "an annotation count"
        table.addAnnotations(
          try found.checked(2, what), annotator: try found.checked(0, what), layer: try found.checked(1, what))
      }
      for found in try Row.fetchAll(
        db,
        sql: "SELECT author, layer, decision, count(*) FROM suggestionDecisions WHERE 1\(layerFilter) GROUP BY 1, 2, 3",
        arguments: arguments)
      {
        let what = "a suggestion decision count"
        table.addDecisions(
          try found.checked(3, what), verdict: try found.checked(2, what), annotator: try found.checked(0, what),
          layer: try found.checked(1, what))
      }
      let assignments = try Self.assignments(db, layer: layer)
      return table.finished(assignments: assignments, members: try Self.activeMembers(db), layer: layer)
    }
  }

  /// Seconds each author was active: the sum of the gaps between their consecutive events that
  /// are shorter than `activityGap`, so time away from the keyboard is not counted.
  public func activeSeconds() throws(StoreError) -> [String: Double] {
    try read("read activity") { db in
      var seconds: [String: Double] = [:]
      // julianday reads the log's ISO 8601 times (with their Z); the window pairs each event
      // with the same author's previous one. Rounded to the log's milliseconds, so a gap of
      // exactly five minutes is not taken for a hair less.
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT author, total(CASE WHEN gap < ? THEN gap ELSE 0 END) FROM (
            SELECT author,
              round((julianday(at) - julianday(lag(at) OVER (PARTITION BY author ORDER BY at, id))) * 86400.0, 3)
              AS gap
            FROM events)
          GROUP BY author
          """,
        arguments: [Self.activityGap])
      for found in rows {
        seconds[try found.checked(0, "an activity total")] = try found.checked(1, "an activity total")
      }
      return seconds
    }
  }

  /// Reports on which two or more people have active, non-adjudicated annotations of `layer`.
  public func reportsAnnotatedBySeveral(layer: String) throws(StoreError) -> [Int] {
    try read("find reports annotated by several") { db in
      try Int.fetchAll(
        db,
        sql: """
          SELECT reportId FROM annotations
          WHERE layer = ? AND status = 'active' AND origin <> 'adjudicated'
          GROUP BY reportId HAVING count(DISTINCT author) >= 2 ORDER BY reportId
          """,
        arguments: [layer])
    }
  }

  /// Each annotator's assigned reports per layer (`''`: the whole report), with whether each is done.
  private static func assignments(_ db: Database, layer: String?) throws -> [String: [String: [Int: Bool]]] {
    var found: [String: [String: [Int: Bool]]] = [:]
    let rows = try Row.fetchAll(
      db,
      sql: "SELECT annotator, layer, reportId, doneAt IS NOT NULL FROM assignments"
        + (layer == nil ? "" : " WHERE layer IN (?, '')"),
      arguments: layer.map { [$0] } ?? [])
    for row in rows {
      let what = "an assignment"
      let done: Bool = try row.checked(3, what)
      found[try row.checked(0, what), default: [:]][try row.checked(1, what), default: [:]][
        try row.checked(2, what), default: false] = done
    }
    return found
  }

  private static func activeMembers(_ db: Database) throws -> [String] {
    try String.fetchAll(db, sql: "SELECT name FROM team WHERE status = 'active' AND role = 'annotator'")
  }
}
