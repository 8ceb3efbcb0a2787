import AnnotatorKit

/// Agreement between two annotators: token-level kappa, span F1, attributes and links.
///
/// Inside a `LabelAgreement` every figure is restricted to that label: kappa
/// is over "this label vs anything else" per token, and spans, attributes and
/// links come from spans with that label only.
public struct PairAgreement: Hashable, Sendable {
  public var first: String
  public var second: String
  /// Cohen's kappa over tokens of documents both annotators worked on.
  public var cohenKappa: AgreementFigure
  /// Same range and same label.
  public var exact: SpanF1
  /// Overlapping ranges and the same label, matched one-to-one.
  public var overlap: SpanF1
  /// Per attribute name, over overlap-matched pairs; sorted by name.
  public var attributes: [AttributeAgreement]
  /// Over overlap-matched pairs.
  public var links: LinkAgreement

  public init(
    first: String, second: String, cohenKappa: AgreementFigure, exact: SpanF1, overlap: SpanF1,
    attributes: [AttributeAgreement], links: LinkAgreement
  ) {
    self.first = first
    self.second = second
    self.cohenKappa = cohenKappa
    self.exact = exact
    self.overlap = overlap
    self.attributes = attributes
    self.links = links
  }

  public var json: JSONValue {
    [
      "first": .string(first), "second": .string(second),
      "cohenKappa": cohenKappa.json,
      "exact": exact.json, "overlap": overlap.json,
      "attributes": .array(attributes.map(\.json)),
      "links": links.json,
    ]
  }
}
