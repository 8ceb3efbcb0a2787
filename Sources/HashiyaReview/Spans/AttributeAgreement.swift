import AnnotatorKit

/// How often matched, same-label span pairs agree on one attribute.
///
/// Only pairs where at least one span sets the attribute count toward `pairs`;
/// a value on one side and none on the other is a disagreement.
public struct AttributeAgreement: Hashable, Sendable {
  public var name: String
  public var agreeing: Int
  public var pairs: Int

  public init(name: String, agreeing: Int, pairs: Int) {
    self.name = name
    self.agreeing = agreeing
    self.pairs = pairs
  }

  /// Share of pairs that agree; nil when no pair carries the attribute.
  public var fraction: Double? { pairs > 0 ? Double(agreeing) / Double(pairs) : nil }

  public var json: JSONValue {
    [
      "name": .string(name), "agreeing": .int(agreeing), "n": .int(pairs),
      "fraction": fraction.map(JSONValue.double) ?? .null,
    ]
  }
}
