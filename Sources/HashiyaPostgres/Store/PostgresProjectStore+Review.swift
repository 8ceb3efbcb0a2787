import AnnotatorKit
import HashiyaModel

/// Reviews and adjudication on a server, read as on a file: review state is derived from the
/// decisions that stand, so an undone decision reopens its layer.
extension PostgresProjectStore {
  /// Verdicts on the given annotations, oldest first.
  public func reviews(annotationIDs: [Int]) throws(StoreError) -> [Review] {
    guard !annotationIDs.isEmpty else { return [] }
    return try read("read reviews") { connection in
      try connection.rows(
        "SELECT * FROM reviews WHERE annotationId = ANY($1::bigint[]) ORDER BY id", [.ints(annotationIDs)]
      ).map(PostgresRecords.review)
    }
  }

  /// The comments on one annotation, oldest first: its review decision's and reviewers' approve
  /// and flag comments; `kind` is the decision or verdict.
  public func comments(onAnnotation id: Int) throws(StoreError) -> [(
    kind: String, author: String, at: String, comment: String
  )] {
    try read("read the comments on #\(id)") { connection in
      try connection.rows(
        """
        SELECT kind, author, at, comment FROM (
          SELECT decision AS kind, reviewer AS author, decidedAt AS at, comment FROM reviewDecisions
          WHERE annotationId = $1 AND status = 'active' AND comment IS NOT NULL AND comment != ''
          UNION ALL
          SELECT verdict, reviewer, createdAt, comment FROM reviews
          WHERE annotationId = $1 AND comment IS NOT NULL AND comment != ''
        ) c
        ORDER BY at COLLATE "C", kind COLLATE "C"
        """, [.int(id)]
      ).map { row throws(StoreError) in
        let what = "a comment on #\(id)"
        return (
          kind: try row.text(0, what), author: try row.text(1, what), at: try row.text(2, what),
          comment: try row.text(3, what)
        )
      }
    }
  }

  /// Units already settled on these reports for a layer; a decision whose adjudicated annotation
  /// was since undone no longer counts.
  public func reviewDecisions(reportIDs: [Int], layer: String?) throws(StoreError) -> [ReviewDecision] {
    guard !reportIDs.isEmpty else { return [] }
    return try read("read review decisions") { connection in
      try connection.rows(
        """
        SELECT \(PostgresRecords.reviewDecisionColumns)
        FROM reviewDecisions d LEFT JOIN annotations a ON a.id = d.annotationId
        WHERE d.reportId = ANY($1::bigint[]) AND d.status = 'active' AND (d.annotationId IS NULL OR a.status = 'active')
          AND ($2::text IS NULL OR d.layer = $2)
        ORDER BY d.id
        """, [.ints(reportIDs), .optional(layer)]
      ).map { row throws(StoreError) in try PostgresRecords.reviewDecisionRecord(row).decision }
    }
  }

  /// Review state per report: `settled` when every layer under review is settled, `in-review`
  /// when any decision stands, else absent (unreviewed).
  public func reviewStates(reportIDs: [Int]) throws(StoreError) -> [Int: String] {
    try layerReviewStates(reportIDs: reportIDs).compactMapValues(ReviewStateRecord.reportState)
  }

  /// Review state per report and layer under review, layers by name. A layer is under review on
  /// a report once a decision was taken on it, or while two or more annotators have work on it.
  public func layerReviewStates(reportIDs: [Int]) throws(StoreError) -> [Int: [(
    layer: String, state: ReviewStateRecord.State
  )]] {
    guard !reportIDs.isEmpty else { return [:] }
    return try read("read review states") { connection in
      var states: [Int: [String: ReviewStateRecord.State]] = [:]
      // Layers two or more annotators worked on wait for review even before any decision.
      for row in try connection.rows(
        """
        SELECT reportId, layer FROM annotations
        WHERE reportId = ANY($1::bigint[]) AND status = 'active' AND origin != 'adjudicated'
        GROUP BY reportId, layer HAVING count(DISTINCT author) >= 2
        """, [.ints(reportIDs)])
      {
        states[try row.int(0, "a layer under review"), default: [:]][try row.text(1, "a layer under review")] =
          .unreviewed
      }
      for row in try connection.rows(
        """
        SELECT s.reportId, s.layer, s.units, \(Self.standingDecisionsSQL) AS decided
        FROM reviewState s WHERE s.reportId = ANY($1::bigint[])
        """, [.ints(reportIDs)])
      {
        let id = try row.int(0, "a review state")
        let what = "the review state of report #\(id)"
        states[id, default: [:]][try row.text(1, what)] = ReviewStateRecord.state(
          decided: try row.int(3, what), units: try row.int(2, what))
      }
      return states.mapValues { layers in layers.sorted { $0.key < $1.key }.map { (layer: $0.key, state: $0.value) } }
    }
  }

  /// Counts the decisions that stand on the report and layer of the `reviewState` row `s`: a
  /// withdrawn decision, or one whose adjudicated annotation was since deleted, does not count.
  static let standingDecisionsSQL = """
    (SELECT count(*) FROM reviewDecisions d LEFT JOIN annotations a ON a.id = d.annotationId
     WHERE d.reportId = s.reportId AND d.layer = s.layer AND d.status = 'active'
       AND (d.annotationId IS NULL OR a.status = 'active'))
    """
}
