import AnnotatorKit

/// A review decision's stored `sources` column and its event, the same on every backend.
extension ReviewDecision {
  /// The annotation UUIDs a `sources` column lists.
  package static func storedSources(_ text: String) -> [String] {
    ((try? JSONParser.parse(text))?.arrayValue ?? []).compactMap(\.stringValue)
  }

  /// The `sources` column for this decision.
  package var storedSources: String { JSONWriter.string(.array(sources.map(JSONValue.string))) }

  /// The `after` of the event that records this decision, standing.
  package var eventState: JSONValue {
    .object([
      "layer": .string(layer), "start": .int(range.start), "end": .int(range.end),
      "annotation": annotationID.map(JSONValue.int) ?? .null, "sources": .array(sources.map(JSONValue.string)),
      "status": "active",
    ])
  }
}
