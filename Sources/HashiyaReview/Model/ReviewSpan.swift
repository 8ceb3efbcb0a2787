import AnnotatorKit

/// One annotator's labelled span, as the review layer sees it.
public struct ReviewSpan: Hashable, Sendable {
  /// The annotation handle; links refer to spans by it.
  public var id: Int
  public var annotator: String
  public var label: String
  public var range: TextRange
  public var attributes: [String: JSONValue]
  public var links: [ReviewLink]

  public init(
    id: Int, annotator: String, label: String, range: TextRange,
    attributes: [String: JSONValue] = [:], links: [ReviewLink] = []
  ) {
    self.id = id
    self.annotator = annotator
    self.label = label
    self.range = range
    self.attributes = attributes
    self.links = links
  }
}
