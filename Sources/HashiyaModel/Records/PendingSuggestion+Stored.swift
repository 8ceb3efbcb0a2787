import AnnotatorKit

/// A pending suggestion's stored JSON columns, written and read back the same on every backend.
extension PendingSuggestion {
  /// The `links` column: the targets by number, or nil without any.
  package var storedLinks: String? {
    linkTargets.isEmpty
      ? nil
      : JSONWriter.string(.array(linkTargets.map { .object(["type": .string($0.type), "to": .int($0.number)]) }))
  }

  /// The `attributes` column, keys sorted so equal attributes store equal text.
  package var storedAttributes: String {
    let attributes = suggestion.attributes
    guard !attributes.isEmpty else { return "{}" }
    // Written member by member: a run over every report stores millions, most with one member.
    var writer = JSONWriter(capacity: 64)
    writer.beginObject()
    for member in attributes.sorted(by: { $0.key < $1.key }) {
      writer.key(member.key)
      writer.value(member.value)
    }
    writer.endObject()
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// The link targets a `links` column holds.
  package static func storedLinkTargets(_ json: JSONValue?) -> [(type: String, number: Int)] {
    (json?.arrayValue ?? []).compactMap { link -> (type: String, number: Int)? in
      guard let type = link["type"]?.stringValue, let to = link["to"]?.intValue else { return nil }
      return (type, to)
    }
  }

  /// The state a candidate is in, given the verdict of its author's decision made since it was
  /// listed and the annotation an accept made.
  package static func state(verdict: String?, handle: Int?) -> State {
    switch verdict.flatMap(SuggestionDecision.Verdict.init(rawValue:)) {
    case .accepted: .accepted(handle: handle)
    case .rejected: .rejected
    case nil: .open
    }
  }
}
