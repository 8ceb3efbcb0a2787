import AnnotatorKit

/// One annotator's labelled span, as the review layer sees it.
public struct ReviewSpan: Hashable, Sendable {
  /// The annotation handle; links refer to spans by it.
  public var id: Int
  public var annotator: String
  public var label: String
  public var range: TextRange
  /// The further pieces of a discontinuous span, in text order; empty for most.
  public var fragments: [TextRange]
  public var attributes: [String: JSONValue]
  public var links: [ReviewLink]

  public init(
    id: Int, annotator: String, label: String, range: TextRange,
    attributes: [String: JSONValue] = [:], links: [ReviewLink] = [], fragments: [TextRange] = []
  ) {
    self.fragments = fragments
    self.id = id
    self.annotator = annotator
    self.label = label
    self.range = range
    self.attributes = attributes
    self.links = links
  }

  /// Every piece of the span, first to last.
  public var ranges: [TextRange] { [range] + fragments }

  /// Where the span's last piece ends.
  public var end: Int { fragments.last?.end ?? range.end }
}
