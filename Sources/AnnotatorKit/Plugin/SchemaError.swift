/// Why an annotation or a schema document does not fit a layer's schema.
public enum SchemaError: Error, Equatable, CustomStringConvertible {
  case unknownLabel(layer: String, label: String, known: [String])
  case unknownAttribute(label: String, attribute: String, known: [String])
  case wrongType(attribute: String, value: String, expected: String)
  case notInEnumeration(attribute: String, value: String, allowed: [String])
  case outOfRange(attribute: String, value: String, range: String)
  case missingRequired(label: String, attribute: String)
  case unknownLinkType(layer: String, type: String, known: [String])
  case linkNotAllowed(type: String, from: String, to: String)
  /// A schema document (plugin.json, the project file) that cannot be read.
  case malformed(String)

  public var description: String {
    switch self {
    case .unknownLabel(let layer, let label, let known):
      return "layer \(layer) has no label \"\(Excerpt.of(label))\" (labels: \(known.joined(separator: ", ")))"
    case .unknownAttribute(let label, let attribute, let known):
      let list = known.isEmpty ? "it has none" : "attributes: " + known.joined(separator: ", ")
      return "\(label) has no attribute \"\(Excerpt.of(attribute))\" (\(list))"
    case .wrongType(let attribute, let value, let expected):
      return "\(attribute)=\(Excerpt.of(value)): expected \(expected)"
    case .notInEnumeration(let attribute, let value, let allowed):
      return "\(attribute)=\(Excerpt.of(value)): must be one of \(allowed.joined(separator: ", "))"
    case .outOfRange(let attribute, let value, let range):
      return "\(attribute)=\(Excerpt.of(value)): must be within \(range)"
    case .missingRequired(let label, let attribute):
      return "\(label) needs \(attribute)=…"
    case .unknownLinkType(let layer, let type, let known):
      return "layer \(layer) has no link type \"\(Excerpt.of(type))\" (link types: \(known.joined(separator: ", ")))"
    case .linkNotAllowed(let type, let from, let to):
      return "a \(type) link cannot go from a \(from) to a \(to)"
    case .malformed(let reason):
      return "malformed schema: \(reason)"
    }
  }
}
