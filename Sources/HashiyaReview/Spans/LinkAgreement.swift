import AnnotatorKit

/// How often matched span pairs carry the same links.
///
/// Two spans' links agree when, for every link, the type is the same and the
/// target of one is matched to the target of the other; a link to an
/// unmatched span never agrees. Pairs where neither span has a link are not
/// counted, so `pairs` is the number of pairs where links were at stake.
public struct LinkAgreement: Hashable, Sendable {
  public var agreeing: Int
  public var pairs: Int

  public init(agreeing: Int, pairs: Int) {
    self.agreeing = agreeing
    self.pairs = pairs
  }

  /// Share of pairs whose links agree; nil when no matched pair has a link.
  public var fraction: Double? { pairs > 0 ? Double(agreeing) / Double(pairs) : nil }

  static func + (lhs: LinkAgreement, rhs: LinkAgreement) -> LinkAgreement {
    LinkAgreement(agreeing: lhs.agreeing + rhs.agreeing, pairs: lhs.pairs + rhs.pairs)
  }

  public var json: JSONValue {
    ["agreeing": .int(agreeing), "n": .int(pairs), "fraction": fraction.map(JSONValue.double) ?? .null]
  }
}
