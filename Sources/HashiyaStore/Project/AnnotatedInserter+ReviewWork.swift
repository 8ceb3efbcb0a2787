import AnnotatorKit
import GRDB
import HashiyaModel

extension AnnotatedInserter {
  /// Restores a report's review work after its annotations: review decisions by UUID (one the
  /// project already has is left as it is), the review state of each layer and the suggestion
  /// decisions, each taken only when newer than what the project holds for the same layer or span.
  ///
  /// What changed is one event per report, as the annotations of an import are.
  func addReviewWork(_ imported: ImportedReport, reportID: Int, handles: [String: Int]) throws {
    guard !imported.reviewDecisions.isEmpty || !imported.reviewStates.isEmpty || !imported.suggestionDecisions.isEmpty
    else { return }
    var decisions: [JSONValue] = []
    for decision in imported.reviewDecisions {
      if try exists("reviewDecisions", decision.uuid) {
        outcome.alreadyPresent += 1
        continue
      }
      let annotationID = try decision.annotation.map {
        try localID($0, handles: handles, location: decision.location)
      }
      try db.cachedStatement(
        sql: """
          INSERT INTO reviewDecisions (uuid, reportId, layer, start, "end", decision, annotationId, sources, comment,
            reviewer, decidedAt, status)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        decision.uuid, reportID, decision.layer, decision.range.start, decision.range.end,
        decision.outcome.rawValue, annotationID, JSONWriter.string(.array(decision.sources.map(JSONValue.string))),
        decision.comment, decision.reviewer, decision.decidedAt, decision.status.rawValue,
      ])
      outcome.reviewDecisions += 1
      decisions.append(.string(decision.uuid))
    }
    var layers: [JSONValue] = []
    for state in imported.reviewStates {
      // The later of the two states wins, whichever side it comes from.
      try db.cachedStatement(
        sql: """
          INSERT INTO reviewState (reportId, layer, state, units, updatedAt) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(reportId, layer) DO UPDATE SET state = excluded.state, units = excluded.units,
            updatedAt = excluded.updatedAt
          WHERE excluded.updatedAt > reviewState.updatedAt
          """
      ).execute(arguments: [reportID, state.layer, state.state.rawValue, state.units, state.updatedAt])
      if db.changesCount > 0 {
        outcome.reviewStates += 1
        layers.append(.string(state.layer))
      }
    }
    var suggestions: [JSONValue] = []
    for decision in imported.suggestionDecisions {
      try db.cachedStatement(
        sql: """
          INSERT INTO suggestionDecisions (reportId, layer, label, start, "end", decision, origin, author, decidedAt)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          ON CONFLICT(reportId, layer, label, start, "end", author) DO UPDATE SET decision = excluded.decision,
            origin = excluded.origin, author = excluded.author, decidedAt = excluded.decidedAt
          WHERE excluded.decidedAt > suggestionDecisions.decidedAt
          """
      ).execute(arguments: [
        reportID, decision.layer, decision.label, decision.range.start, decision.range.end,
        decision.verdict.rawValue, decision.origin, decision.author, decision.decidedAt,
      ])
      if db.changesCount > 0 {
        outcome.suggestionDecisions += 1
        suggestions.append(.string("\(decision.layer)/\(decision.label)@\(decision.range)"))
      }
    }
    guard
      let event = EventDraft.importedReviewWork(
        reportID: reportID, source: imported.location, decisions: decisions, states: layers, suggestions: suggestions,
        author: author, batch: batch)
    else { return }
    try ProjectStore.appendEvent(db, event)
  }
}
