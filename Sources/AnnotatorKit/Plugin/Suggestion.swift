/// A candidate annotation proposed by an annotator, with why and how sure.
public struct Suggestion: Sendable, Equatable {
  /// A link from this suggestion to another suggestion of the same batch.
  public struct Link: Sendable, Equatable {
    public var type: String
    /// Index of the target in the same `suggest` result.
    public var target: Int

    public init(type: String, target: Int) {
      self.type = type
      self.target = target
    }
  }

  public var label: String
  public var range: TextRange
  public var attributes: [String: JSONValue]
  /// 0…1, higher is surer.
  public var score: Double
  /// A short reason a person can check, e.g. `reporting verb "أكد" before a quoted name`.
  public var explanation: String
  public var links: [Link]

  public init(
    label: String, range: TextRange, attributes: [String: JSONValue] = [:], score: Double,
    explanation: String, links: [Link] = []
  ) {
    self.label = label
    self.range = range
    self.attributes = attributes
    self.score = score
    self.explanation = explanation
    self.links = links
  }
}
