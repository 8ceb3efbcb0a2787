import AnnotatorKit
import GRDB
import HashiyaModel

/// The review work of the selected reports — review decisions, review state, suggestion
/// decisions — read by three cursors ordered by report, alongside the export's other cursors.
///
/// Each table is read once for the whole export rather than queried per report, so reports without
/// review work cost nothing. The selection's layers apply to all three; its authors to a review
/// decision's reviewer and a suggestion decision's author; without `includeDeleted`, withdrawn
/// decisions stay out, as tombstoned annotations do.
struct ReviewWorkRows {
  private var decisions: ReportRows<ReviewDecisionRecord>
  private var states: ReportRows<ReviewStateRecord>
  private var suggestions: ReportRows<SuggestionDecisionRecord>

  init(_ db: Database, _ selection: ExportSelection) throws {
    let (decisionFilter, decisionArguments) = ProjectStore.filter(selection, author: "reviewer")
    decisions = try ReportRows(
      db,
      sql: """
        SELECT reportId, uuid, layer, start, "end", decision, annotationId, sources, comment, reviewer, decidedAt,
          status
        FROM reviewDecisions \(decisionFilter) ORDER BY reportId, id
        """, arguments: decisionArguments, reportColumn: 0, decode: Self.decision(from:))
    let (stateFilter, stateArguments) = ProjectStore.filter(
      selection, column: { "s." + $0 }, author: nil, status: false)
    states = try ReportRows(
      db,
      sql: """
        SELECT s.reportId, s.layer, s.units, s.updatedAt, \(ProjectStore.standingDecisionsSQL) AS decided
        FROM reviewState s \(stateFilter) ORDER BY s.reportId, s.layer
        """, arguments: stateArguments, reportColumn: 0, decode: Self.state(from:))
    let (suggestionFilter, suggestionArguments) = ProjectStore.filter(selection, author: "author", status: false)
    suggestions = try ReportRows(
      db,
      sql: """
        SELECT reportId, layer, label, start, "end", decision, origin, author, decidedAt
        FROM suggestionDecisions \(suggestionFilter) ORDER BY reportId, layer, label, start, "end"
        """, arguments: suggestionArguments, reportColumn: 0, decode: Self.suggestion(from:))
  }

  /// Fills `bundle`'s review work from the rows of its report.
  mutating func take(into bundle: inout ReportBundle) throws {
    let id = bundle.report.id
    bundle.reviewDecisions = try decisions.take(reportID: id)
    bundle.reviewStates = try states.take(reportID: id)
    bundle.suggestionDecisions = try suggestions.take(reportID: id)
  }

  // Each decoder makes its row's name, for an error message, only when a check fails.
  private static func decision(from row: some CheckedRow) throws -> ReviewDecisionRecord {
    let uuid: String = try row.checked(1, "a review decision")
    func what() -> String { "review decision \(uuid)" }
    return ReviewDecisionRecord(
      uuid: uuid,
      decision: ReviewDecision(
        reportID: try row.checked(0, what()), layer: try row.checked(2, what()),
        range: TextRange(try row.checked(3, what()), try row.checked(4, what())),
        outcome: try row.checked(5, as: ReviewDecision.Outcome.self, what()), annotationID: try row.checked(6, what()),
        sources: ProjectStore.sources(try row.checked(7, what())), comment: try row.checked(8, what()),
        reviewer: try row.checked(9, what())),
      decidedAt: try row.checked(10, what()), status: try row.checked(11, as: Annotation.Status.self, what()))
  }

  private static func state(from row: some CheckedRow) throws -> ReviewStateRecord {
    let report: Int = try row.checked(0, "a review state")
    let layer: String = try row.checked(1, "a review state of report #\(report)")
    func what() -> String { "the review state of report #\(report), layer \(layer)" }
    let units: Int = try row.checked(2, what())
    // The state is derived from the decisions that stand, as `reports` shows it.
    return ReviewStateRecord(
      layer: layer, state: ReviewStateRecord.state(decided: try row.checked(4, what()), units: units), units: units,
      updatedAt: try row.checked(3, what()))
  }

  private static func suggestion(from row: some CheckedRow) throws -> SuggestionDecisionRecord {
    let report: Int = try row.checked(0, "a suggestion decision")
    func what() -> String { "a suggestion decision on report #\(report)" }
    return SuggestionDecisionRecord(
      layer: try row.checked(1, what()), label: try row.checked(2, what()),
      range: TextRange(try row.checked(3, what()), try row.checked(4, what())),
      verdict: try row.checked(5, as: SuggestionDecision.Verdict.self, what()), origin: try row.checked(6, what()),
      author: try row.checked(7, what()), decidedAt: try row.checked(8, what()))
  }
}
