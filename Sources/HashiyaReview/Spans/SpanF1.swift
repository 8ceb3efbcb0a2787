import AnnotatorKit

/// Precision, recall and F1 of one annotator's spans measured against another's.
///
/// The second annotator plays reference: precision is the share of the
/// first's spans that found a match, recall the share of the second's. The
/// ratios are nil when their denominator is 0; F1 is nil only when neither
/// annotator has a span (it is 0 when they have spans but none match).
public struct SpanF1: Hashable, Sendable {
  public var matched: Int
  public var inFirst: Int
  public var inSecond: Int

  public init(matched: Int, inFirst: Int, inSecond: Int) {
    self.matched = matched
    self.inFirst = inFirst
    self.inSecond = inSecond
  }

  public var precision: Double? { inFirst > 0 ? Double(matched) / Double(inFirst) : nil }
  public var recall: Double? { inSecond > 0 ? Double(matched) / Double(inSecond) : nil }
  /// 2·matched / (inFirst + inSecond), which equals the harmonic mean whenever both ratios exist.
  public var f1: Double? {
    inFirst + inSecond > 0 ? 2 * Double(matched) / Double(inFirst + inSecond) : nil
  }

  static func + (lhs: SpanF1, rhs: SpanF1) -> SpanF1 {
    SpanF1(
      matched: lhs.matched + rhs.matched, inFirst: lhs.inFirst + rhs.inFirst,
      inSecond: lhs.inSecond + rhs.inSecond)
  }

  public var json: JSONValue {
    [
      "matched": .int(matched), "inFirst": .int(inFirst), "inSecond": .int(inSecond),
      "precision": precision.map(JSONValue.double) ?? .null,
      "recall": recall.map(JSONValue.double) ?? .null,
      "f1": f1.map(JSONValue.double) ?? .null,
    ]
  }
}
