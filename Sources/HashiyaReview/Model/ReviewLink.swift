/// A typed link from one span to another span of the same annotator.
public struct ReviewLink: Hashable, Sendable {
  public var type: String
  /// The handle (`ReviewSpan.id`) of the linked span.
  public var target: Int

  public init(type: String, target: Int) {
    self.type = type
    self.target = target
  }
}
