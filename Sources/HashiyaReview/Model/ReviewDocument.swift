import AnnotatorKit

/// One report's spans in one layer, from every annotator, plus the word tokens metrics count in.
public struct ReviewDocument: Sendable {
  public var reportID: Int
  public var layer: String
  /// The report's word tokens in text order; the units of token-level agreement.
  public var tokens: [TextRange]
  public var spans: [ReviewSpan]
  /// Who worked on this report. Nil means every annotator under review did.
  ///
  /// Span data alone cannot tell "annotated, found nothing" from "never
  /// opened the report"; this list is how a caller says which. Anyone with a
  /// span in the report counts as having worked on it whether listed or not.
  public var annotators: [String]?

  public init(
    reportID: Int, layer: String, tokens: [TextRange], spans: [ReviewSpan],
    annotators: [String]? = nil
  ) {
    self.reportID = reportID
    self.layer = layer
    self.tokens = tokens
    self.spans = spans
    self.annotators = annotators
  }
}
