import AnnotatorKit
import HashiyaModel

/// Suggestion decisions belong to the annotator who made them, on a server as in a file: one
/// person's accept or reject never hides a candidate from another.
extension PostgresProjectStore {
  /// Decisions already made on suggestions for some reports: `author`'s own, or everyone's when nil.
  public func suggestionDecisions(reportIDs: [Int], author: String?) throws(StoreError) -> Set<SuggestionDecision> {
    guard !reportIDs.isEmpty else { return [] }
    return try read("read suggestion decisions") { connection in
      Set(
        try connection.rows(
          """
          SELECT \(PostgresRecords.suggestionDecisionColumns) FROM suggestionDecisions
          WHERE reportId = ANY($1::bigint[]) AND ($2::text IS NULL OR author = $2)
          """, [.ints(reportIDs), .optional(author)]
        ).map(PostgresRecords.suggestionDecision))
    }
  }

  /// The recorded state of one author's decision on a candidate, as an event carries it.
  static func decisionState(_ connection: PostgresConnection, _ decision: SuggestionDecision, author: String) throws
    -> EventState?
  {
    guard
      let row = try connection.rows(
        """
        SELECT decision, origin FROM suggestionDecisions
        WHERE reportId = $1 AND layer = $2 AND label = $3 AND start = $4 AND "end" = $5 AND author = $6
        """, candidateKey(decision, author: author)
      ).first
    else { return nil }
    let what = "a suggestion decision of \(author)"
    return SuggestionDecision.eventState(decision, verdict: try row.text(0, what), origin: try row.text(1, what))
  }

  /// Writes (or replaces) one author's decision on a candidate.
  static func upsertDecision(
    _ connection: PostgresConnection, _ decision: SuggestionDecision, origin: String, author: String, at: String
  ) throws {
    _ = try connection.execute(
      """
      INSERT INTO suggestionDecisions (reportId, layer, label, start, "end", author, decision, origin, decidedAt)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      ON CONFLICT (reportId, layer, label, start, "end", author) DO UPDATE SET decision = excluded.decision,
        origin = excluded.origin, decidedAt = excluded.decidedAt
      """,
      candidateKey(decision, author: author) + [.text(decision.verdict.rawValue), .text(origin), .text(at)])
  }

  /// Removes one author's decision on a candidate (whatever its verdict), so it is offered to them again.
  static func removeDecision(_ connection: PostgresConnection, _ candidate: SuggestionDecision, author: String)
    throws
  {
    _ = try connection.execute(
      """
      DELETE FROM suggestionDecisions
      WHERE reportId = $1 AND layer = $2 AND label = $3 AND start = $4 AND "end" = $5 AND author = $6
      """, candidateKey(candidate, author: author))
  }

  /// The six values that name one author's decision on a candidate, `$1` to `$6`.
  private static func candidateKey(_ decision: SuggestionDecision, author: String) -> [PostgresValue?] {
    [
      .int(decision.reportID), .text(decision.layer), .text(decision.label), .int(decision.range.start),
      .int(decision.range.end), .text(author),
    ]
  }

  /// Moves one author's decision to the state a `suggestion` event recorded: undo of an accept or
  /// a reject removes the decision, so the candidate is offered to that author again; redo restores it.
  static func replaySuggestion(
    _ connection: PostgresConnection, _ event: ProjectEvent, forward: Bool, changes: PostgresAnnotationChanges,
    action: String
  ) throws {
    guard let replayed = try SuggestionDecision.replayed(event, forward: forward) else { return }
    if replayed.restore {
      try upsertDecision(
        connection, replayed.candidate, origin: replayed.origin, author: changes.author, at: changes.now)
    } else {
      try removeDecision(connection, replayed.candidate, author: changes.author)
    }
    let states = event.replayedStates(forward: forward)
    try changes.appendEvent(
      action: action, entity: "suggestion", id: event.entityID ?? "", report: replayed.candidate.reportID,
      before: states.expected, after: states.target, reverts: event.id)
  }
}
