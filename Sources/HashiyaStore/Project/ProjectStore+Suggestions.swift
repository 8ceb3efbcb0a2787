import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

/// Suggestion decisions belong to the annotator who made them: one person's accept or reject
/// never hides a candidate from another, so every annotator is offered the same candidates.
extension ProjectStore {
  /// Decisions already made on suggestions for some reports: `author`'s own, or everyone's when nil.
  public func suggestionDecisions(reportIDs: [Int], author: String? = nil) throws(StoreError) -> Set<SuggestionDecision>
  {
    try read("read suggestion decisions") { db in
      Set(
        try Self.batched(reportIDs) { batch in
          var sql = "SELECT * FROM suggestionDecisions WHERE reportId IN (\(Self.marks(batch.count)))"
          var arguments = StatementArguments(batch)
          if let author {
            sql += " AND author = ?"
            arguments += [author]
          }
          return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row throws(StoreError) in
            let what = "a suggestion decision"
            return SuggestionDecision(
              reportID: try row.checked("reportId", what), layer: try row.checked("layer", what),
              label: try row.checked("label", what),
              range: TextRange(try row.checked("start", what), try row.checked("end", what)),
              verdict: SuggestionDecision.Verdict(rawValue: try row.checked("decision", what)) ?? .rejected)
          }
        })
    }
  }

  /// The recorded state of one author's decision on a candidate, as an event carries it.
  static func decisionState(_ db: Database, _ decision: SuggestionDecision, author: String) throws -> EventState? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT decision, origin FROM suggestionDecisions
            WHERE reportId = ? AND layer = ? AND label = ? AND start = ? AND "end" = ? AND author = ?
            """),
        arguments: [
          decision.reportID, decision.layer, decision.label, decision.range.start, decision.range.end, author,
        ])
    else { return nil }
    let what = "a suggestion decision of \(author)"
    return SuggestionDecision.eventState(
      decision, verdict: try row.checked("decision", what) as String, origin: try row.checked("origin", what))
  }

  /// Writes (or replaces) one author's decision on a candidate.
  static func upsertDecision(
    _ db: Database, _ decision: SuggestionDecision, origin: String, author: String, at: String
  ) throws {
    // Prepared once per connection: `accept all` and `reject all` run this for every candidate.
    try db.cachedStatement(
      sql: """
        INSERT INTO suggestionDecisions (reportId, layer, label, start, "end", decision, origin, author, decidedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET decision = excluded.decision, origin = excluded.origin,
          decidedAt = excluded.decidedAt
        """
    ).execute(
      arguments: [
        decision.reportID, decision.layer, decision.label, decision.range.start, decision.range.end,
        decision.verdict.rawValue, origin, author, at,
      ])
  }

  /// Writes one author's decision on a candidate they never decided; false, writing nothing,
  /// when they had.
  static func insertDecision(
    _ db: Database, _ decision: SuggestionDecision, origin: String, author: String, at: String
  ) throws -> Bool {
    try BulkStatement(
      db,
      sql: """
        INSERT INTO suggestionDecisions (reportId, layer, label, start, "end", decision, origin, author, decidedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """
    ).run(
      .int(decision.reportID), .text(decision.layer), .text(decision.label), .int(decision.range.start),
      .int(decision.range.end), .text(decision.verdict.rawValue), .text(origin), .text(author), .text(at))
    return db.changesCount > 0
  }

  /// Removes one author's decision on a candidate (whatever its verdict), so it is offered to them again.
  static func removeDecision(_ db: Database, _ candidate: SuggestionDecision, author: String) throws {
    // Bound value by value: the undo of `accept all` runs this for every candidate.
    try BulkStatement(
      db,
      sql: """
        DELETE FROM suggestionDecisions
        WHERE reportId = ? AND layer = ? AND label = ? AND start = ? AND "end" = ? AND author = ?
        """
    ).run(
      .int(candidate.reportID), .text(candidate.layer), .text(candidate.label), .int(candidate.range.start),
      .int(candidate.range.end), .text(author))
  }

  /// Moves one author's decision to the state a `suggestion` event recorded: undo of an accept or
  /// a reject removes the decision, so the candidate is offered to that author again; redo restores it.
  static func replaySuggestion(
    _ db: Database, _ event: ProjectEvent, forward: Bool, changes: AnnotationChanges, action: String
  ) throws {
    guard let replayed = try SuggestionDecision.replayed(event, forward: forward) else { return }
    if replayed.restore {
      try upsertDecision(db, replayed.candidate, origin: replayed.origin, author: changes.author, at: changes.now)
    } else {
      try removeDecision(db, replayed.candidate, author: changes.author)
    }
    let states = event.replayedStates(forward: forward)
    try changes.appendEvent(
      action: action, entity: "suggestion", id: event.entityID ?? "", report: replayed.candidate.reportID,
      before: states.expected, after: states.target, reverts: event.id)
  }

  /// The candidate a decision state names.
  static func decisionKey(_ state: JSONValue?) -> (layer: String, label: String, range: TextRange)? {
    SuggestionDecision.key(state)
  }

  /// The candidate an older event names only in its id, `layer/label@start..end`.
  static func decisionKey(entityID: String) -> (layer: String, label: String, range: TextRange)? {
    SuggestionDecision.key(entityID: entityID)
  }
}

extension AnnotationChanges {
  /// Remembers the author's accept or reject of a suggestion, so it is not offered to them again,
  /// as an event undo can revert.
  public func recordDecision(_ decision: SuggestionDecision, origin: String) throws {
    // A candidate the author never decided, as nearly all of `accept all`'s are, takes one
    // statement; only one decided before is read, to keep its earlier state for undo.
    var before: EventState?
    if try !ProjectStore.insertDecision(db, decision, origin: origin, author: author, at: now) {
      before = try ProjectStore.decisionState(db, decision, author: author)
      try ProjectStore.upsertDecision(db, decision, origin: origin, author: author, at: now)
    }
    try appendEvent(
      action: decision.verdict == .accepted ? "accept" : "reject", entity: "suggestion",
      id: decision.eventID, report: decision.reportID, before: before,
      after: SuggestionDecision.eventState(decision, verdict: decision.verdict.rawValue, origin: origin))
  }
}
