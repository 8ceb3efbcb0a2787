import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

extension AnnotationChanges {
  /// Records a reviewer's verdict on one annotation (`approve #ID`, `flag #ID "why"`).
  @discardableResult
  public func review(_ annotationID: Int, verdict: Review.Verdict, comment: String?) throws -> Review {
    let annotation = try annotation(annotationID)
    let uuid = OrderedUUID.make()
    try db.execute(
      sql: "INSERT INTO reviews (uuid, annotationId, reviewer, verdict, comment, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [uuid, annotationID, author, verdict.rawValue, comment, now])
    let review = Review(
      id: Int(db.lastInsertedRowID), uuid: uuid, annotationID: annotationID, reviewer: author, verdict: verdict,
      comment: comment, createdAt: now)
    try appendEvent(
      action: verdict.rawValue, entity: "review", id: uuid, report: annotation.reportID, before: nil,
      after: Review.eventState(annotationUUID: annotation.uuid, verdict: verdict, comment: comment))
    return review
  }

  /// Records how a unit of the review queue was settled.
  public func recordReviewDecision(_ decision: ReviewDecision) throws {
    let uuid = OrderedUUID.make()
    try db.execute(
      sql: """
        INSERT INTO reviewDecisions (uuid, reportId, layer, start, "end", decision, annotationId, sources, comment,
          reviewer, decidedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        uuid, decision.reportID, decision.layer, decision.range.start, decision.range.end, decision.outcome.rawValue,
        decision.annotationID, decision.storedSources, decision.comment,
        author, now,
      ])
    try appendEvent(
      action: decision.outcome.rawValue, entity: "review-unit", id: uuid, report: decision.reportID, before: nil,
      after: decision.eventState)
  }

  /// Withdraws earlier decisions on a unit (deciding it again), leaving them as tombstones.
  public func withdrawReviewDecisions(reportID: Int, layer: String, sources: [String]) throws {
    let rows = try Row.fetchAll(
      db, sql: "SELECT uuid, sources FROM reviewDecisions WHERE reportId = ? AND layer = ? AND status = 'active'",
      arguments: [reportID, layer])
    for row in rows {
      let uuid: String = try row.checked("uuid", "a review decision")
      let recorded = ProjectStore.sources(try row.checked("sources", "review decision \(uuid)"))
      guard !Set(recorded).isDisjoint(with: sources) else { continue }
      try db.execute(sql: "UPDATE reviewDecisions SET status = 'deleted' WHERE uuid = ?", arguments: [uuid])
      try appendEvent(
        action: "withdraw", entity: "review-unit", id: uuid, report: reportID, before: ["status": "active"],
        after: ["status": "deleted"])
    }
  }

  /// Records how many units a report has in review for a layer; it is settled once that many
  /// decisions stand.
  public func setReviewUnits(reportID: Int, layer: String, units: Int) throws {
    try db.execute(
      sql: """
        INSERT INTO reviewState (reportId, layer, state, units, updatedAt) VALUES (?, ?, 'in-review', ?, ?)
        ON CONFLICT(reportId, layer) DO UPDATE SET units = excluded.units, updatedAt = excluded.updatedAt
        """, arguments: [reportID, layer, units, now])
  }
}

extension ProjectStore {
  /// Verdicts on the given annotations, oldest first.
  public func reviews(annotationIDs: [Int]) throws(StoreError) -> [Review] {
    guard !annotationIDs.isEmpty else { return [] }
    return try read("read reviews") { db in
      try Self.batched(annotationIDs) { batch in
        try Row.fetchAll(
          db, sql: "SELECT * FROM reviews WHERE annotationId IN (\(Self.marks(batch.count)))",
          arguments: StatementArguments(batch)
        ).map(Self.review(from:))
      }.sorted { $0.id < $1.id }
    }
  }

  /// The comments on one annotation, oldest first: its review decision's (for an adjudicated
  /// annotation) and reviewers' approve and flag comments; `kind` is the decision or verdict.
  public func comments(onAnnotation id: Int) throws(StoreError) -> [(
    kind: String, author: String, at: String, comment: String
  )] {
    try read("read the comments on #\(id)") { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT decision AS kind, reviewer AS author, decidedAt AS at, comment FROM reviewDecisions
          WHERE annotationId = ? AND status = 'active' AND comment IS NOT NULL AND comment != ''
          UNION ALL
          SELECT verdict, reviewer, createdAt, comment FROM reviews
          WHERE annotationId = ? AND comment IS NOT NULL AND comment != ''
          ORDER BY at, kind
          """, arguments: [id, id]
      ).map { row throws(StoreError) in
        let what = "a comment on #\(id)"
        return (
          kind: try row.checked("kind", what), author: try row.checked("author", what), at: try row.checked("at", what),
          comment: try row.checked("comment", what)
        )
      }
    }
  }

  /// Units already settled on these reports for a layer; a decision whose adjudicated annotation
  /// was since undone no longer counts.
  public func reviewDecisions(reportIDs: [Int], layer: String?) throws(StoreError) -> [ReviewDecision] {
    guard !reportIDs.isEmpty else { return [] }
    return try read("read review decisions") { db in
      try Self.batched(reportIDs) { batch in try Self.reviewDecisions(db, reportIDs: batch, layer: layer) }
    }
  }

  private static func reviewDecisions(_ db: Database, reportIDs: [Int], layer: String?) throws -> [ReviewDecision] {
    var sql = """
      SELECT d.* FROM reviewDecisions d LEFT JOIN annotations a ON a.id = d.annotationId
      WHERE d.reportId IN (\(Self.marks(reportIDs.count))) AND d.status = 'active'
        AND (d.annotationId IS NULL OR a.status = 'active')
      """
    var arguments = StatementArguments(reportIDs)
    if let layer {
      sql += " AND d.layer = ?"
      arguments += [layer]
    }
    return try Row.fetchAll(db, sql: sql + " ORDER BY d.id", arguments: arguments).map { row throws(StoreError) in
      let what = "a review decision"
      return ReviewDecision(
        reportID: try row.checked("reportId", what), layer: try row.checked("layer", what),
        range: TextRange(try row.checked("start", what), try row.checked("end", what)),
        outcome: ReviewDecision.Outcome(rawValue: try row.checked("decision", what)) ?? .accepted,
        annotationID: try row.checked("annotationId", what), sources: sources(try row.checked("sources", what)),
        comment: try row.checked("comment", what), reviewer: try row.checked("reviewer", what))
    }
  }

  /// Review state per report: `settled` when every layer under review is settled, `in-review`
  /// when any decision stands, else absent (unreviewed). A layer is under review on a report once a
  /// decision was taken on it, or while two or more annotators have work on it to compare; so
  /// settling one layer leaves the report in review while another still waits.
  public func reviewStates(reportIDs: [Int]) throws(StoreError) -> [Int: String] {
    try layerReviewStates(reportIDs: reportIDs).compactMapValues(ReviewStateRecord.reportState)
  }

  /// Review state per report and layer under review, layers by name. Derived from the standing
  /// decisions, so an undone decision reopens its layer.
  public func layerReviewStates(reportIDs: [Int]) throws(StoreError) -> [Int: [(
    layer: String, state: ReviewStateRecord.State
  )]] {
    guard !reportIDs.isEmpty else { return [:] }
    return try read("read review states") { db in
      var states: [Int: [String: ReviewStateRecord.State]] = [:]
      _ = try Self.batched(reportIDs) { batch in
        let marks = Self.marks(batch.count)
        // Layers two or more annotators worked on wait for review even before any decision.
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT reportId, layer FROM annotations
            WHERE reportId IN (\(marks)) AND status = 'active' AND origin != 'adjudicated'
            GROUP BY reportId, layer HAVING count(DISTINCT author) >= 2
            """, arguments: StatementArguments(batch))
        {
          let id: Int = try row.checked("reportId", "a layer under review")
          states[id, default: [:]][try row.checked("layer", "a layer under review")] = .unreviewed
        }
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT s.reportId, s.layer, s.units, \(Self.standingDecisionsSQL) AS decided
            FROM reviewState s WHERE s.reportId IN (\(marks))
            """, arguments: StatementArguments(batch))
        {
          let id: Int = try row.checked("reportId", "a review state")
          let what = "the review state of report #\(id)"
          states[id, default: [:]][try row.checked("layer", what)] = ReviewStateRecord.state(
            decided: try row.checked("decided", what), units: try row.checked("units", what))
        }
        return [Int]()
      }
      return states.mapValues { layers in layers.sorted { $0.key < $1.key }.map { (layer: $0.key, state: $0.value) } }
    }
  }

}

extension ProjectStore {
  /// Counts the decisions that stand on the report and layer of the `reviewState` row `s`: a
  /// withdrawn decision, or one whose adjudicated annotation was since deleted, does not count.
  static let standingDecisionsSQL = """
    (SELECT count(*) FROM reviewDecisions d LEFT JOIN annotations a ON a.id = d.annotationId
     WHERE d.reportId = s.reportId AND d.layer = s.layer AND d.status = 'active'
       AND (d.annotationId IS NULL OR a.status = 'active'))
    """

  /// The annotation UUIDs a review decision was taken from, as its `sources` column lists them.
  static func sources(_ text: String) -> [String] { ReviewDecision.storedSources(text) }
}
