import AnnotatorKit

/// The agreement figures for one label, each computed on a binary "this label vs not" view.
public struct LabelAgreement: Hashable, Sendable {
  public var label: String
  public var fleissKappa: AgreementFigure
  public var krippendorffAlpha: AgreementFigure
  public var pairs: [PairAgreement]

  public init(
    label: String, fleissKappa: AgreementFigure, krippendorffAlpha: AgreementFigure,
    pairs: [PairAgreement]
  ) {
    self.label = label
    self.fleissKappa = fleissKappa
    self.krippendorffAlpha = krippendorffAlpha
    self.pairs = pairs
  }

  public var json: JSONValue {
    [
      "label": .string(label),
      "fleissKappa": fleissKappa.json,
      "krippendorffAlpha": krippendorffAlpha.json,
      "pairs": .array(pairs.map(\.json)),
    ]
  }
}
