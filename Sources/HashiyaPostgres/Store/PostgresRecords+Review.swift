import AnnotatorKit
import HashiyaModel

/// The review tables' records, read by position like the other records.
extension PostgresRecords {
  /// A review from a `SELECT *` row of `reviews`.
  static func review(_ row: PostgresRow) throws(StoreError) -> Review {
    let id = try row.int(0, "a review")
    let what = "review \(id)"
    return Review(
      id: id, uuid: try row.text(1, what), annotationID: try row.int(2, what), reviewer: try row.text(3, what),
      verdict: try row.value(4, as: Review.Verdict.self, what), comment: row.optionalText(5),
      createdAt: try row.text(6, what))
  }

  /// The columns `reviewDecisionRecord` reads, `d.` naming `reviewDecisions`.
  static let reviewDecisionColumns = """
    d.reportId, d.uuid, d.layer, d.start, d."end", d.decision, d.annotationId, d.sources, d.comment, d.reviewer,
    d.decidedAt, d.status
    """

  /// A review decision with its identity, time and status, from `reviewDecisionColumns`.
  static func reviewDecisionRecord(_ row: PostgresRow) throws(StoreError) -> ReviewDecisionRecord {
    let uuid = try row.text(1, "a review decision")
    let what = "review decision \(uuid)"
    return ReviewDecisionRecord(
      uuid: uuid,
      decision: ReviewDecision(
        reportID: try row.int(0, what), layer: try row.text(2, what),
        range: TextRange(try row.int(3, what), try row.int(4, what)),
        outcome: try row.value(5, as: ReviewDecision.Outcome.self, what), annotationID: try row.optionalInt(6, what),
        sources: ReviewDecision.storedSources(try row.text(7, what)), comment: row.optionalText(8),
        reviewer: try row.text(9, what)),
      decidedAt: try row.text(10, what), status: try row.value(11, as: Annotation.Status.self, what))
  }

  /// The columns `suggestionDecisionRecord` reads, after the report's id.
  static let suggestionDecisionColumns = "reportId, layer, label, start, \"end\", decision, origin, author, decidedAt"

  /// A suggestion decision with its author, origin and time, from `suggestionDecisionColumns`.
  static func suggestionDecisionRecord(_ row: PostgresRow) throws(StoreError) -> SuggestionDecisionRecord {
    let what = "a suggestion decision on report #\(row.optionalText(0) ?? "?")"
    return SuggestionDecisionRecord(
      layer: try row.text(1, what), label: try row.text(2, what),
      range: TextRange(try row.int(3, what), try row.int(4, what)),
      verdict: try row.value(5, as: SuggestionDecision.Verdict.self, what), origin: try row.text(6, what),
      author: try row.text(7, what), decidedAt: try row.text(8, what))
  }

  /// A decision as the review queue and `suggest` need it, from `suggestionDecisionColumns`.
  static func suggestionDecision(_ row: PostgresRow) throws(StoreError) -> SuggestionDecision {
    let record = try suggestionDecisionRecord(row)
    return SuggestionDecision(
      reportID: try row.int(0, "a suggestion decision"), layer: record.layer, label: record.label,
      range: record.range, verdict: record.verdict)
  }

  /// A candidate of `PostgresProjectStore.pendingSelect`, with its state.
  static func pendingSuggestion(_ row: PostgresRow) throws(StoreError) -> PendingSuggestion {
    let number = try row.int(0, "a pending suggestion")
    let what = "pending suggestion \(number)"
    let attributes = try Annotation.storedAttributes(try row.text(8, what), of: what)
    let links: JSONValue?
    do {
      links = try row.optionalText(12).map { try JSONParser.parse($0) }
    } catch {
      throw .damaged(what: what, reason: "its links do not parse")
    }
    guard let score = Double(try row.text(9, what)) else {
      throw .damaged(what: what, reason: "its score is not a number")
    }
    let verdict = row.optionalText(13)
    return PendingSuggestion(
      number: number, reportID: try row.int(1, what), layer: try row.text(2, what), origin: try row.text(11, what),
      suggestion: Suggestion(
        label: try row.text(3, what), range: TextRange(try row.int(4, what), try row.int(5, what)),
        attributes: Dictionary(attributes.pairs, uniquingKeysWith: { $1 }), score: score,
        explanation: try row.text(10, what)),
      quote: try row.text(6, what), location: try row.text(7, what),
      linkTargets: PendingSuggestion.storedLinkTargets(links),
      decided: PendingSuggestion.state(verdict: verdict, handle: try row.optionalInt(14, what)))
  }
}
