import AnnotatorKit
import Foundation
import GRDB

extension AnnotationChanges {
  /// Records a reviewer's verdict on one annotation (`approve #ID`, `flag #ID "why"`).
  @discardableResult
  public func review(_ annotationID: Int, verdict: Review.Verdict, comment: String?) throws -> Review {
    let annotation = try annotation(annotationID)
    let uuid = UUID().uuidString.lowercased()
    try db.execute(
      sql: "INSERT INTO reviews (uuid, annotationId, reviewer, verdict, comment, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [uuid, annotationID, author, verdict.rawValue, comment, now])
    let review = Review(
      id: Int(db.lastInsertedRowID), uuid: uuid, annotationID: annotationID, reviewer: author, verdict: verdict,
      comment: comment, createdAt: now)
    try appendEvent(
      action: verdict.rawValue, entity: "review", id: uuid, report: annotation.reportID, before: nil,
      after: .object([
        "annotation": .string(annotation.uuid), "verdict": .string(verdict.rawValue),
        "comment": comment.map(JSONValue.string) ?? .null,
      ]))
    return review
  }

  /// Records how a unit of the review queue was settled.
  public func recordReviewDecision(_ decision: ReviewDecision) throws {
    let uuid = UUID().uuidString.lowercased()
    try db.execute(
      sql: """
        INSERT INTO reviewDecisions (uuid, reportId, layer, start, "end", decision, annotationId, sources, comment,
          reviewer, decidedAt)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        uuid, decision.reportID, decision.layer, decision.range.start, decision.range.end, decision.outcome.rawValue,
        decision.annotationID, JSONWriter.string(.array(decision.sources.map(JSONValue.string))), decision.comment,
        author, now,
      ])
    try appendEvent(
      action: decision.outcome.rawValue, entity: "review-unit", id: uuid, report: decision.reportID, before: nil,
      after: .object([
        "layer": .string(decision.layer), "start": .int(decision.range.start), "end": .int(decision.range.end),
        "annotation": decision.annotationID.map(JSONValue.int) ?? .null,
        "sources": .array(decision.sources.map(JSONValue.string)),
      ]))
  }
}

extension ProjectStore {
  /// Verdicts on the given annotations, oldest first.
  public func reviews(annotationIDs: [Int]) throws(StoreError) -> [Review] {
    guard !annotationIDs.isEmpty else { return [] }
    return try read("read reviews") { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM reviews WHERE annotationId IN (\(Self.marks(annotationIDs.count))) ORDER BY id",
        arguments: StatementArguments(annotationIDs)
      ).map(Self.review(from:))
    }
  }

  /// Units already settled on these reports for a layer; a decision whose adjudicated annotation
  /// was since undone no longer counts.
  public func reviewDecisions(reportIDs: [Int], layer: String?) throws(StoreError) -> [ReviewDecision] {
    guard !reportIDs.isEmpty else { return [] }
    return try read("read review decisions") { db in
      var sql = """
        SELECT d.* FROM reviewDecisions d LEFT JOIN annotations a ON a.id = d.annotationId
        WHERE d.reportId IN (\(Self.marks(reportIDs.count))) AND (d.annotationId IS NULL OR a.status = 'active')
        """
      var arguments = StatementArguments(reportIDs)
      if let layer {
        sql += " AND d.layer = ?"
        arguments += [layer]
      }
      return try Row.fetchAll(db, sql: sql + " ORDER BY d.id", arguments: arguments).map { row in
        ReviewDecision(
          reportID: row["reportId"], layer: row["layer"], range: TextRange(row["start"], row["end"]),
          outcome: ReviewDecision.Outcome(rawValue: row["decision"]) ?? .accepted, annotationID: row["annotationId"],
          sources: ((try? JSONParser.parse(row["sources"] as String))?.arrayValue ?? []).compactMap(\.stringValue),
          comment: row["comment"], reviewer: row["reviewer"])
      }
    }
  }

  /// Records where a report stands in review for a layer.
  public func setReviewState(reportID: Int, layer: String, state: String) throws {
    try write("record review state") { db in
      try db.execute(
        sql: """
          INSERT INTO reviewState (reportId, layer, state, updatedAt) VALUES (?, ?, ?, ?)
          ON CONFLICT(reportId, layer) DO UPDATE SET state = excluded.state, updatedAt = excluded.updatedAt
          """, arguments: [reportID, layer, state, Timestamp.now()])
    }
  }

  /// Review state per report: `settled` when every layer under review is settled, `in-review` when
  /// any is, else nothing (unreviewed).
  public func reviewStates(reportIDs: [Int]) throws(StoreError) -> [Int: String] {
    guard !reportIDs.isEmpty else { return [:] }
    return try read("read review states") { db in
      var states: [Int: String] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT reportId, min(state = 'settled') AS allSettled FROM reviewState
          WHERE reportId IN (\(Self.marks(reportIDs.count))) GROUP BY reportId
          """, arguments: StatementArguments(reportIDs))
      {
        states[row["reportId"]] = (row["allSettled"] as Int) == 1 ? "settled" : "in-review"
      }
      return states
    }
  }
}
