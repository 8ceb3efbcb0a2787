import AnnotatorKit
import Foundation
import HashiyaModel

extension PostgresAnnotatedInserter {
  /// Adds a report's links, reviews, review decisions, review states and suggestion decisions,
  /// once its annotations are written, as a file's import does: a record whose UUID is here
  /// already is left as it is, and the later of two review or suggestion states wins.
  func addLinksAndReviews(_ imported: ImportedReport, reportID: Int, handles: [String: Int]) throws {
    func handle(_ key: String, _ location: String) throws -> Int {
      if let known = handles[key] { return known }
      if let existing = try connection.int("SELECT id FROM annotations WHERE uuid = $1", [.text(key)]) {
        return existing
      }
      throw StoreError.unknownAnnotationKey(key, location: location)
    }
    for link in imported.links {
      if let uuid = link.uuid, try exists("links", uuid) {
        outcome.alreadyPresent += 1
        continue
      }
      _ = try connection.execute(
        "INSERT INTO links (uuid, type, fromId, toId, author, status, createdAt) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        [
          .text(link.uuid ?? UUID().uuidString.lowercased()), .text(link.type),
          .int(try handle(link.from, imported.location)), .int(try handle(link.to, imported.location)),
          .text(link.author ?? author), .text(link.status.rawValue), .text(link.createdAt ?? now),
        ])
      outcome.links += 1
    }
    for review in imported.reviews {
      if let uuid = review.uuid, try exists("reviews", uuid) {
        outcome.alreadyPresent += 1
        continue
      }
      _ = try connection.execute(
        "INSERT INTO reviews (uuid, annotationId, reviewer, verdict, comment, createdAt) VALUES ($1, $2, $3, $4, $5, $6)",
        [
          .text(review.uuid ?? UUID().uuidString.lowercased()), .int(try handle(review.annotation, imported.location)),
          .text(review.reviewer), .text(review.verdict.rawValue), .optional(review.comment),
          .text(review.createdAt ?? now),
        ])
      outcome.reviews += 1
    }
    try addReviewWork(imported, reportID: reportID, handle: handle)
  }

  private func addReviewWork(
    _ imported: ImportedReport, reportID: Int, handle: (String, String) throws -> Int
  ) throws {
    var decisions: [JSONValue] = []
    for decision in imported.reviewDecisions {
      if try exists("reviewDecisions", decision.uuid) {
        outcome.alreadyPresent += 1
        continue
      }
      _ = try connection.execute(
        """
        INSERT INTO reviewDecisions (uuid, reportId, layer, start, "end", decision, annotationId, sources, comment,
          reviewer, decidedAt, status)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
        """,
        [
          .text(decision.uuid), .int(reportID), .text(decision.layer), .int(decision.range.start),
          .int(decision.range.end), .text(decision.outcome.rawValue),
          try decision.annotation.map { .int(try handle($0, decision.location)) },
          .text(JSONWriter.string(.array(decision.sources.map(JSONValue.string)))), .optional(decision.comment),
          .text(decision.reviewer), .text(decision.decidedAt), .text(decision.status.rawValue),
        ])
      outcome.reviewDecisions += 1
      decisions.append(.string(decision.uuid))
    }
    var layers: [JSONValue] = []
    for state in imported.reviewStates {
      // The later of the two states wins, whichever side it comes from.
      let changed = try connection.rows(
        """
        INSERT INTO reviewState (reportId, layer, state, units, updatedAt) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (reportId, layer) DO UPDATE SET state = excluded.state, units = excluded.units,
          updatedAt = excluded.updatedAt
        WHERE excluded.updatedAt > reviewState.updatedAt RETURNING 1
        """,
        [.int(reportID), .text(state.layer), .text(state.state.rawValue), .int(state.units), .text(state.updatedAt)])
      if !changed.isEmpty {
        outcome.reviewStates += 1
        layers.append(.string(state.layer))
      }
    }
    var suggestions: [JSONValue] = []
    for decision in imported.suggestionDecisions {
      let changed = try connection.rows(
        """
        INSERT INTO suggestionDecisions (reportId, layer, label, start, "end", decision, origin, author, decidedAt)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (reportId, layer, label, start, "end", author) DO UPDATE SET decision = excluded.decision,
          origin = excluded.origin, author = excluded.author, decidedAt = excluded.decidedAt
        WHERE excluded.decidedAt > suggestionDecisions.decidedAt RETURNING 1
        """,
        [
          .int(reportID), .text(decision.layer), .text(decision.label), .int(decision.range.start),
          .int(decision.range.end), .text(decision.verdict.rawValue), .optional(decision.origin),
          .text(decision.author), .text(decision.decidedAt),
        ])
      if !changed.isEmpty {
        outcome.suggestionDecisions += 1
        suggestions.append(.string("\(decision.layer)/\(decision.label)@\(decision.range)"))
      }
    }
    guard
      let event = EventDraft.importedReviewWork(
        reportID: reportID, source: imported.location, decisions: decisions, states: layers, suggestions: suggestions,
        author: author, batch: batch)
    else { return }
    try PostgresProjectStore.appendEvent(connection, event, at: nextEventTime())
  }

  private func exists(_ table: String, _ uuid: String) throws -> Bool {
    try !connection.rows("SELECT 1 FROM \(table) WHERE uuid = $1", [.text(uuid)]).isEmpty
  }
}
