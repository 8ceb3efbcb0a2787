import AnnotatorKit

/// A verdict as its event records it, the same on every backend.
extension Review {
  /// The `after` of a verdict's event: the annotation by UUID, the verdict and the comment.
  package static func eventState(annotationUUID: String, verdict: Verdict, comment: String?) -> JSONValue {
    .object([
      "annotation": .string(annotationUUID), "verdict": .string(verdict.rawValue),
      "comment": comment.map(JSONValue.string) ?? .null,
    ])
  }
}
