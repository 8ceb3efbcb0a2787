import AnnotatorKit

/// A review decision's stored `sources` column, read the same on every backend.
extension ReviewDecision {
  /// The annotation UUIDs a `sources` column lists.
  package static func storedSources(_ text: String) -> [String] {
    ((try? JSONParser.parse(text))?.arrayValue ?? []).compactMap(\.stringValue)
  }

  /// The `sources` column for this decision.
  package var storedSources: String { JSONWriter.string(.array(sources.map(JSONValue.string))) }
}
