import AnnotatorKit
import HashiyaModel

/// The review writes of a change on a server, logged as on a file so undo and merge treat them alike.
extension PostgresAnnotationChanges {
  /// Remembers the author's accept or reject of a suggestion, as an event undo can revert.
  func recordDecision(_ decision: SuggestionDecision, origin: String) throws {
    let before = try PostgresProjectStore.decisionState(connection, decision, author: author)
    try PostgresProjectStore.upsertDecision(connection, decision, origin: origin, author: author, at: now)
    try appendEvent(
      action: decision.verdict == .accepted ? "accept" : "reject", entity: "suggestion", id: decision.eventID,
      report: decision.reportID, before: before,
      after: SuggestionDecision.eventState(decision, verdict: decision.verdict.rawValue, origin: origin))
  }

  /// Records a reviewer's verdict on one annotation (`approve #ID`, `flag #ID "why"`).
  @discardableResult
  func review(_ annotationID: Int, verdict: Review.Verdict, comment: String?) throws -> Review {
    let annotation = try annotation(annotationID)
    let uuid = OrderedUUID.make()
    let inserted = try connection.rows(
      """
      INSERT INTO reviews (uuid, annotationId, reviewer, verdict, comment, createdAt)
      VALUES ($1, $2, $3, $4, $5, $6) RETURNING *
      """,
      [.text(uuid), .int(annotationID), .text(author), .text(verdict.rawValue), .optional(comment), .text(now)])
    guard let row = inserted.first else {
      throw StoreError.database(operation: "review #\(annotationID)", message: "the server returned no review")
    }
    let review = try PostgresRecords.review(row)
    try appendEvent(
      action: verdict.rawValue, entity: "review", id: uuid, report: annotation.reportID, before: nil,
      after: Review.eventState(annotationUUID: annotation.uuid, verdict: verdict, comment: comment))
    return review
  }

  /// Records how a unit of the review queue was settled.
  func recordReviewDecision(_ decision: ReviewDecision) throws {
    let uuid = OrderedUUID.make()
    _ = try connection.execute(
      """
      INSERT INTO reviewDecisions (uuid, reportId, layer, start, "end", decision, annotationId, sources, comment,
        reviewer, decidedAt)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      """,
      [
        .text(uuid), .int(decision.reportID), .text(decision.layer), .int(decision.range.start),
        .int(decision.range.end), .text(decision.outcome.rawValue), .optional(decision.annotationID),
        .text(decision.storedSources), .optional(decision.comment), .text(author), .text(now),
      ])
    try appendEvent(
      action: decision.outcome.rawValue, entity: "review-unit", id: uuid, report: decision.reportID, before: nil,
      after: decision.eventState)
  }

  /// Withdraws earlier decisions on a unit (deciding it again), leaving them as tombstones.
  func withdrawReviewDecisions(reportID: Int, layer: String, sources: [String]) throws {
    let rows = try connection.rows(
      "SELECT uuid, sources FROM reviewDecisions WHERE reportId = $1 AND layer = $2 AND status = 'active' ORDER BY id",
      [.int(reportID), .text(layer)])
    for row in rows {
      let uuid = try row.text(0, "a review decision")
      let recorded = ReviewDecision.storedSources(try row.text(1, "review decision \(uuid)"))
      guard !Set(recorded).isDisjoint(with: sources) else { continue }
      _ = try connection.execute("UPDATE reviewDecisions SET status = 'deleted' WHERE uuid = $1", [.text(uuid)])
      try appendEvent(
        action: "withdraw", entity: "review-unit", id: uuid, report: reportID, before: ["status": "active"],
        after: ["status": "deleted"])
    }
  }

  /// Records how many units a report has in review for a layer; it is settled once that many
  /// decisions stand.
  func setReviewUnits(reportID: Int, layer: String, units: Int) throws {
    _ = try connection.execute(
      """
      INSERT INTO reviewState (reportId, layer, state, units, updatedAt) VALUES ($1, $2, 'in-review', $3, $4)
      ON CONFLICT (reportId, layer) DO UPDATE SET units = excluded.units, updatedAt = excluded.updatedAt
      """, [.int(reportID), .text(layer), .int(units), .text(now)])
  }
}
