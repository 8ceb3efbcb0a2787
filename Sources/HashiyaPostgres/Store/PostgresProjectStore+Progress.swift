import HashiyaModel

/// The figures of `stats` on a server, read straight from the tables that hold them, as on a file.
extension PostgresProjectStore {
  /// Progress per annotator and layer (only `layer` when given), sorted by annotator then layer;
  /// see `ProgressTable` for how assignments count.
  public func progress(layer: String?) throws(StoreError) -> [AnnotatorProgress] {
    try read("read progress") { connection in
      var table = ProgressTable()
      let layerValue: [PostgresValue?] = [.optional(layer)]
      for found in try connection.rows(
        """
        SELECT author, layer, count(*) FROM annotations WHERE status = 'active' AND ($1::text IS NULL OR layer = $1)
        GROUP BY 1, 2
        """, layerValue)
      {
        let what = "an annotation count"
        table.addAnnotations(try found.int(2, what), annotator: try found.text(0, what), layer: try found.text(1, what))
      }
      for found in try connection.rows(
        """
        SELECT author, layer, decision, count(*) FROM suggestionDecisions WHERE ($1::text IS NULL OR layer = $1)
        GROUP BY 1, 2, 3
        """, layerValue)
      {
        let what = "a suggestion decision count"
        table.addDecisions(
          try found.int(3, what), verdict: try found.text(2, what), annotator: try found.text(0, what),
          layer: try found.text(1, what))
      }
      let assignments = try Self.assignments(connection, layer: layer)
      let members = try connection.rows("SELECT name FROM team WHERE status = 'active' AND role = 'annotator'").map {
        row throws(StoreError) in try row.text(0, "a member of the team")
      }
      return table.finished(assignments: assignments, members: members, layer: layer)
    }
  }

  /// Seconds each author was active: the sum of the gaps between their consecutive events that
  /// are shorter than `AnnotatorProgress.activityGap`, so time away from the keyboard is not counted.
  public func activeSeconds() throws(StoreError) -> [String: Double] {
    try read("read activity") { connection in
      // Rounded to the log's milliseconds, so a gap of exactly five minutes is not taken for a hair less.
      let rows = try connection.rows(
        """
        SELECT author, coalesce(sum(CASE WHEN gap < $1 THEN gap ELSE 0 END), 0)::double precision FROM (
          SELECT author,
            round(extract(epoch FROM at::timestamptz - lag(at::timestamptz)
              OVER (PARTITION BY author ORDER BY at COLLATE "C", id))::numeric, 3) AS gap
          FROM events) gaps
        GROUP BY author
        """, [.double(AnnotatorProgress.activityGap)])
      var seconds: [String: Double] = [:]
      for found in rows {
        let what = "an activity total"
        guard let total = Double(try found.text(1, what)) else {
          throw StoreError.damaged(what: what, reason: "the server's sum is not a number")
        }
        seconds[try found.text(0, what)] = total
      }
      return seconds
    }
  }

  /// Reports on which two or more people have active, non-adjudicated annotations of `layer`.
  public func reportsAnnotatedBySeveral(layer: String) throws(StoreError) -> [Int] {
    try read("find reports annotated by several") { connection in
      try connection.rows(
        """
        SELECT reportId FROM annotations
        WHERE layer = $1 AND status = 'active' AND origin <> 'adjudicated'
        GROUP BY reportId HAVING count(DISTINCT author) >= 2 ORDER BY reportId
        """, [.text(layer)]
      ).map { row throws(StoreError) in try row.int(0, "a report") }
    }
  }

  /// Each annotator's assigned reports per layer (`''`: the whole report), with whether each is done.
  private static func assignments(_ connection: PostgresConnection, layer: String?) throws
    -> [String: [String: [Int: Bool]]]
  {
    var found: [String: [String: [Int: Bool]]] = [:]
    for row in try connection.rows(
      """
      SELECT annotator, layer, reportId, doneAt IS NOT NULL FROM assignments
      WHERE $1::text IS NULL OR layer IN ($1, '')
      """, [.optional(layer)])
    {
      let what = "an assignment"
      found[try row.text(0, what), default: [:]][try row.text(1, what), default: [:]][
        try row.int(2, what), default: false] = try row.bool(3, what)
    }
    return found
  }
}
