import AnnotatorKit
import HashiyaModel
import HashiyaStore

extension NativeReportDecoder {
  /// `reviewState`: one entry per layer, each layer once.
  static func reviewStates(_ fields: NativeFields) throws(FormatError) -> [ReviewStateRecord] {
    var layers = Set<String>()
    var states: [ReviewStateRecord] = []
    for state in try fields.optionalObjects("reviewState", element: "review state") {
      let layer = try nonEmpty(state, "layer")
      guard layers.insert(layer).inserted else {
        throw state.fail("layer \(Excerpt.of(layer)) has a review state twice in this report")
      }
      let units = try state.int("units")
      guard units >= 0 else { throw state.fail("\"units\" must not be negative") }
      states.append(
        ReviewStateRecord(
          layer: layer, state: try state.value("state", of: ReviewStateRecord.State.self), units: units,
          updatedAt: try state.string("updatedAt")))
    }
    return states
  }

  /// `reviewDecisions`: each inside the text, its adjudicated annotation one of `annotations`
  /// (the report's annotation UUIDs), present exactly when the unit was not rejected.
  static func reviewDecisions(
    _ list: [NativeFields], offsets: ReportText, annotations: Set<String>
  ) throws(FormatError) -> [ImportedReviewDecision] {
    var seen = Set<String>()
    var decisions: [ImportedReviewDecision] = []
    for fields in list {
      let uuid = try identifier(fields)
      guard seen.insert(uuid).inserted else {
        throw fields.fail("review decision id \(Excerpt.of(uuid)) appears twice in this report")
      }
      let range = try fields.range(in: offsets)
      let outcome = try fields.value("decision", of: ReviewDecision.Outcome.self)
      let annotation = try fields.nullableString("annotation")
      switch (outcome, annotation) {
      case (.rejected, .some):
        throw fields.fail("a rejected unit has no adjudicated annotation; \"annotation\" must be null")
      case (.accepted, nil), (.edited, nil):
        throw fields.fail("an \(outcome.rawValue) unit names its adjudicated annotation; \"annotation\" is null")
      case (_, .some(let key)) where !annotations.contains(key):
        throw fields.fail("names annotation \(Excerpt.of(key)), which is not in this report")
      default: break
      }
      decisions.append(
        ImportedReviewDecision(
          uuid: uuid, layer: try nonEmpty(fields, "layer"), range: range, outcome: outcome, annotation: annotation,
          sources: try fields.strings("sources"), comment: try fields.nullableString("comment"),
          reviewer: try fields.string("reviewer"), decidedAt: try fields.string("decidedAt"),
          status: try status(fields), location: fields.location))
    }
    return decisions
  }

  /// One entry of `suggestionDecisions`, inside the text.
  static func suggestionDecision(
    _ fields: NativeFields, offsets: ReportText
  ) throws(FormatError) -> SuggestionDecisionRecord {
    SuggestionDecisionRecord(
      layer: try nonEmpty(fields, "layer"), label: try nonEmpty(fields, "label"), range: try fields.range(in: offsets),
      verdict: try fields.value("decision", of: SuggestionDecision.Verdict.self),
      origin: try fields.string("origin"), author: try fields.string("author"),
      decidedAt: try fields.string("decidedAt"))
  }

  private static func nonEmpty(_ fields: NativeFields, _ key: String) throws(FormatError) -> String {
    let value = try fields.string(key)
    if value.isEmpty { throw fields.fail("\"\(key)\" must not be empty") }
    return value
  }
}
