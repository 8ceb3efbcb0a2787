import AnnotatorKit

/// One way annotators disagree inside an alignment unit.
public enum Difference: Hashable, Sendable, CustomStringConvertible {
  /// These annotators have no span in the unit.
  case missing([String])
  /// The annotators present drew different ranges.
  case boundaries
  /// The annotators present chose different labels.
  case label
  /// Annotators who agree on the label gave this attribute different values (absent counts as a value).
  case attribute(String)
  /// Links of this type point into different units (or exist for some annotators only).
  case link(String)

  public var description: String {
    switch self {
    case .missing(let who): "missing(\(who.joined(separator: ",")))"
    case .boundaries: "boundaries"
    case .label: "label"
    case .attribute(let name): "attribute(\(name))"
    case .link(let type): "link(\(type))"
    }
  }

  public var json: JSONValue {
    switch self {
    case .missing(let who): ["kind": "missing", "annotators": .array(who.map(JSONValue.string))]
    case .boundaries: ["kind": "boundaries"]
    case .label: ["kind": "label"]
    case .attribute(let name): ["kind": "attribute", "name": .string(name)]
    case .link(let type): ["kind": "link", "type": .string(type)]
    }
  }
}
