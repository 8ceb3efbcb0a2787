import AnnotatorKit

/// The events an import of annotated files records, the same on every backend.
extension EventDraft {
  /// The reports an import added, in one event.
  package static func importedReports(_ ids: [Int], author: String, batch: String) -> EventDraft {
    EventDraft(
      author: author, action: "import", entity: "reports",
      after: JSONWriter.string(.object(["reports": .array(ids.map { .int($0) })])), batch: batch)
  }

  /// A layer schema an imported file carried, recorded as the project's.
  package static func importedLayer(_ layer: String, schemaJSON: String, author: String, batch: String)
    -> EventDraft
  {
    EventDraft(author: author, action: "register", entity: "layer", entityID: layer, after: schemaJSON, batch: batch)
  }

  /// The review work an import recorded for one report; nil when it recorded none.
  package static func importedReviewWork(
    reportID: Int, source: String, decisions: [JSONValue], states: [JSONValue], suggestions: [JSONValue],
    author: String, batch: String
  ) -> EventDraft? {
    guard !decisions.isEmpty || !states.isEmpty || !suggestions.isEmpty else { return nil }
    return EventDraft(
      author: author, action: "import", entity: "review-work", reportID: reportID,
      after: JSONWriter.string(
        .object([
          "source": .string(source), "reviewDecisions": .array(decisions), "reviewState": .array(states),
          "suggestionDecisions": .array(suggestions),
        ])),
      batch: batch)
  }
}
