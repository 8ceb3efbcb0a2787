import AnnotatorKit
import GRDB
import HashiyaModel

extension ProjectStore {
  /// Sets each person's decision on a candidate to what their latest `suggestion` event in the
  /// merged log says, so an undone decision (its row removed) stays undone when a copy that still
  /// holds the row is merged in.
  ///
  /// The rows alone merge as a maximum and cannot carry a removal; the events can, as the log is
  /// a union. A row decided later than its latest event (an import, which writes no event) stands.
  /// The result depends only on the merged rows and the merged log, so merge order is moot.
  static func settleSuggestionDecisions(_ db: Database) throws {
    let latest = try Row.fetchAll(
      db,
      sql: """
        SELECT author, reportId, entityId, action, after, at FROM (
          SELECT author, reportId, entityId, action, after, at,
            row_number() OVER (PARTITION BY author, reportId, entityId ORDER BY at DESC, uuid DESC) AS rank
          FROM events WHERE entity = 'suggestion' AND reportId IS NOT NULL AND entityId IS NOT NULL)
        WHERE rank = 1
        """)
    for row in latest {
      let what = "a suggestion event"
      let author: String = try row.checked("author", what)
      let reportID: Int = try row.checked("reportId", what)
      let entityID: String = try row.checked("entityId", what)
      let at: String = try row.checked("at", what)
      let after = try (try row.checked("after", what) as String?).map { try JSONParser.parse($0) }
      guard let key = decisionKey(after) ?? decisionKey(entityID: entityID) else { continue }
      let decided = try String.fetchOne(
        db,
        sql: """
          SELECT decidedAt FROM suggestionDecisions
          WHERE reportId = ? AND layer = ? AND label = ? AND start = ? AND "end" = ? AND author = ?
          """,
        arguments: [reportID, key.layer, key.label, key.range.start, key.range.end, author])
      if let decided, decided > at { continue }
      guard let after else {
        try removeDecision(
          db,
          SuggestionDecision(
            reportID: reportID, layer: key.layer, label: key.label, range: key.range, verdict: .rejected),
          author: author)
        continue
      }
      let action: String = try row.checked("action", what)
      let verdict =
        after["decision"]?.stringValue.flatMap(SuggestionDecision.Verdict.init(rawValue:))
        ?? (action == "accept" ? .accepted : .rejected)
      try upsertDecision(
        db,
        SuggestionDecision(reportID: reportID, layer: key.layer, label: key.label, range: key.range, verdict: verdict),
        origin: after["origin"]?.stringValue ?? "", author: author, at: at)
    }
  }
}
