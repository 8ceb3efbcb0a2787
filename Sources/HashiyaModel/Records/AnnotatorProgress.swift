/// How far one annotator has got on one layer: assignments, annotations and suggestion decisions.
public struct AnnotatorProgress: Sendable, Equatable {
  /// A gap between two of a person's events longer than this is a pause, not work.
  public static let activityGap = 300.0

  public var annotator: String
  /// The layer; empty for an annotator whose only work is whole-report assignments.
  public var layer: String
  /// Reports assigned to the annotator on this layer or on every layer.
  public var assigned: Int
  /// Of those, the reports the annotator marked done.
  public var done: Int
  /// The annotator's active annotations on the layer.
  public var annotations: Int
  public var accepted: Int
  public var rejected: Int

  public init(
    annotator: String, layer: String, assigned: Int = 0, done: Int = 0, annotations: Int = 0, accepted: Int = 0,
    rejected: Int = 0
  ) {
    self.annotator = annotator
    self.layer = layer
    self.assigned = assigned
    self.done = done
    self.annotations = annotations
    self.accepted = accepted
    self.rejected = rejected
  }
}
