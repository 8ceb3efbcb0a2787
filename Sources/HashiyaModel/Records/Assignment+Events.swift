import AnnotatorKit

extension Assignment {
  /// The event log's name for one assignment: the report's global uid, the layer and the
  /// annotator, the same in every copy of the project.
  package static func eventKey(uid: String, layer: String, annotator: String) -> String {
    JSONWriter.string(.array([.string(uid), .string(layer), .string(annotator)]))
  }

  /// The snapshot an event keeps of an assignment: when it was done, or null while open.
  package static func doneState(_ doneAt: String?) -> String {
    JSONWriter.string(.object(["doneAt": doneAt.map(JSONValue.string) ?? .null]))
  }

  /// What an `unassign` event keeps of an assignment it removed.
  package func removalSnapshot(uid: String) -> JSONValue {
    .object([
      "report": .string(uid), "layer": .string(layer), "annotator": .string(annotator),
      "doneAt": doneAt.map(JSONValue.string) ?? .null,
    ])
  }
}
