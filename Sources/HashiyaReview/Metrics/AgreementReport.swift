import AnnotatorKit

/// Every agreement figure for a set of documents and annotators.
public struct AgreementReport: Hashable, Sendable {
  public var annotators: [String]
  public var documents: Int
  /// Token units seen, i.e. tokens of documents at least one annotator worked on.
  public var tokens: Int
  /// Over tokens every annotator coded.
  public var fleissKappa: AgreementFigure
  /// Over tokens at least two annotators coded.
  public var krippendorffAlpha: AgreementFigure
  /// One entry per annotator pair, in the order the annotators were given.
  public var pairs: [PairAgreement]
  /// One entry per label any annotator used, sorted by label.
  public var labels: [LabelAgreement]
  /// Attribute agreement pooled over all pairs, sorted by name.
  public var attributes: [AttributeAgreement]
  /// Link agreement pooled over all pairs.
  public var links: LinkAgreement

  public init(
    annotators: [String], documents: Int, tokens: Int, fleissKappa: AgreementFigure,
    krippendorffAlpha: AgreementFigure, pairs: [PairAgreement], labels: [LabelAgreement],
    attributes: [AttributeAgreement], links: LinkAgreement
  ) {
    self.annotators = annotators
    self.documents = documents
    self.tokens = tokens
    self.fleissKappa = fleissKappa
    self.krippendorffAlpha = krippendorffAlpha
    self.pairs = pairs
    self.labels = labels
    self.attributes = attributes
    self.links = links
  }

  public var json: JSONValue {
    [
      "annotators": .array(annotators.map(JSONValue.string)),
      "documents": .int(documents),
      "tokens": .int(tokens),
      "fleissKappa": fleissKappa.json,
      "krippendorffAlpha": krippendorffAlpha.json,
      "pairs": .array(pairs.map(\.json)),
      "labels": .array(labels.map(\.json)),
      "attributes": .array(attributes.map(\.json)),
      "links": links.json,
    ]
  }
}
