import AnnotatorKit

/// A suggestion decision as events record it, the same on every backend: the candidate's key
/// with the verdict, so undo, redo and merge restore it without reading anything else.
extension SuggestionDecision {
  /// The event id of a decision on this candidate, `layer/label@start..end`.
  package var eventID: String { "\(layer)/\(label)@\(range)" }

  /// A decision as an event's `before` or `after`, written straight to text: `accept all` logs
  /// one for every candidate.
  package static func eventState(_ decision: SuggestionDecision, verdict: String, origin: String) -> EventState {
    let capacity = 96 + decision.layer.utf8.count + decision.label.utf8.count + origin.utf8.count
    return EventState.object(capacity: capacity) { writer in
      writer.field("layer", decision.layer)
      writer.field("label", decision.label)
      writer.field("start", decision.range.start)
      writer.field("end", decision.range.end)
      writer.field("decision", verdict)
      writer.field("origin", origin)
    }
  }

  /// The candidate a decision state names.
  package static func key(_ state: JSONValue?) -> (layer: String, label: String, range: TextRange)? {
    guard let state, let layer = state["layer"]?.stringValue, let label = state["label"]?.stringValue,
      let start = state["start"]?.intValue, let end = state["end"]?.intValue, start <= end
    else { return nil }
    return (layer, label, TextRange(start, end))
  }

  /// The candidate an older event names only in its id, `layer/label@start..end`.
  package static func key(entityID: String) -> (layer: String, label: String, range: TextRange)? {
    guard let at = entityID.lastIndex(of: "@"), let slash = entityID[..<at].firstIndex(of: "/") else { return nil }
    let bounds = entityID[entityID.index(after: at)...].split(separator: ".", omittingEmptySubsequences: true)
    guard bounds.count == 2, let start = Int(bounds[0]), let end = Int(bounds[1]), start <= end else { return nil }
    return (
      String(entityID[..<slash]), String(entityID[entityID.index(after: slash)..<at]), TextRange(start, end)
    )
  }

  /// The decision a replay of a `suggestion` event moves its candidate to, forward for a redo and
  /// backward for an undo; events written before decisions carried their verdict were all rejections.
  package static func replayed(
    _ event: ProjectEvent, forward: Bool
  ) throws(JSONParseError) -> (candidate: SuggestionDecision, origin: String, restore: Bool)? {
    let texts = event.replayedTexts(forward: forward)
    let expected = try JSONParser.parse(recorded: texts.expected)
    let target = try JSONParser.parse(recorded: texts.target)
    guard let reportID = event.reportID,
      let key = key(target ?? expected) ?? event.entityID.flatMap(key(entityID:))
    else { return nil }
    var candidate = SuggestionDecision(
      reportID: reportID, layer: key.layer, label: key.label, range: key.range, verdict: .rejected)
    guard let target else { return (candidate, "", false) }
    candidate.verdict =
      target["decision"]?.stringValue.flatMap(Verdict.init(rawValue:))
      ?? (event.action == "accept" ? .accepted : .rejected)
    return (candidate, target["origin"]?.stringValue ?? "", true)
  }
}
