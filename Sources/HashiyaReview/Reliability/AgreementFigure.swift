import AnnotatorKit

/// A coefficient together with the number of units it rests on; `value` is nil when undefined.
///
/// "Undefined" covers every case where the formula would divide by zero or has
/// nothing to measure: no units, a single coder, or chance agreement of 1 (all
/// codes in one category, so agreement cannot be told apart from chance).
public struct AgreementFigure: Hashable, Sendable {
  public var value: Double?
  public var units: Int

  public init(value: Double?, units: Int) {
    // A non-finite value would poison JSON output and sorting; it is never a real answer here.
    self.value = value.flatMap { $0.isFinite ? $0 : nil }
    self.units = units
  }

  public static func undefined(units: Int) -> AgreementFigure {
    AgreementFigure(value: nil, units: units)
  }

  public var json: JSONValue {
    ["value": value.map(JSONValue.double) ?? .null, "units": .int(units)]
  }
}
