import AnnotatorKit
import HashiyaModel
import HashiyaStore

extension NativeReportEncoder {
  /// Writes `reviewDecisions`, `reviewState` and `suggestionDecisions`, always present (empty
  /// when there are none), as an annotation's `links` and `reviews` are.
  func writeReviewWork(_ bundle: ReportBundle, location: String, into writer: inout JSONWriter) throws(FormatError) {
    writer.key("reviewDecisions")
    writer.beginArray()
    for record in bundle.reviewDecisions {
      let decision = record.decision
      var annotation: String?
      if let handle = decision.annotationID {
        guard let index = indexByHandle[handle] else {
          throw FormatError(
            location: location, reason: "review decision \(record.uuid) adjudicated #\(handle), which is not exported")
        }
        annotation = bundle.annotations[index].uuid
      }
      writer.beginObject()
      writer.field("id", record.uuid)
      writer.field("layer", decision.layer)
      writer.field("start", decision.range.start)
      writer.field("end", decision.range.end)
      writer.field("decision", decision.outcome.rawValue)
      writer.field("annotation", annotation)
      writer.key("sources")
      writer.beginArray()
      for uuid in decision.sources { writer.string(uuid) }
      writer.endArray()
      writer.field("comment", decision.comment)
      writer.field("reviewer", decision.reviewer)
      writer.field("decidedAt", record.decidedAt)
      writer.field("status", record.status.rawValue)
      writer.endObject()
    }
    writer.endArray()
    writer.key("reviewState")
    writer.beginArray()
    for state in bundle.reviewStates {
      writer.beginObject()
      writer.field("layer", state.layer)
      writer.field("state", state.state.rawValue)
      writer.field("units", state.units)
      writer.field("updatedAt", state.updatedAt)
      writer.endObject()
    }
    writer.endArray()
    writer.key("suggestionDecisions")
    writer.beginArray()
    for decision in bundle.suggestionDecisions {
      writer.beginObject()
      writer.field("layer", decision.layer)
      writer.field("label", decision.label)
      writer.field("start", decision.range.start)
      writer.field("end", decision.range.end)
      writer.field("decision", decision.verdict.rawValue)
      writer.field("origin", decision.origin)
      writer.field("author", decision.author)
      writer.field("decidedAt", decision.decidedAt)
      writer.endObject()
    }
    writer.endArray()
  }
}
