import AnnotatorKit

/// A small JSON Schema (draft 2020-12) validator for the subset `hashiya-export.schema.json` uses:
/// type, properties, required, additionalProperties, items, enum, const, minimum, minItems,
/// maxItems, minLength, oneOf and `$ref` to `#/$defs/…`. Other keywords are ignored, as
/// annotations (`description`, `format`) are by the standard.
struct NativeSchemaValidator {
  let root: JSONValue

  /// Every violation of `schema` (the root when nil) by `value`, each as `path: problem`.
  func errors(_ value: JSONValue, definition: String? = nil) -> [String] {
    var found: [String] = []
    let schema = definition.map { root["$defs"]?[$0] ?? .null } ?? root
    check(value, schema, path: "$", into: &found)
    return found
  }

  private func check(_ value: JSONValue, _ schema: JSONValue, path: String, into found: inout [String]) {
    if let ref = schema["$ref"]?.stringValue {
      guard ref.hasPrefix("#/$defs/"), let target = root["$defs"]?[String(ref.dropFirst(8))] else {
        found.append("\(path): unresolvable $ref \(ref)")
        return
      }
      check(value, target, path: path, into: &found)
    }
    if let types = schema["type"] {
      let allowed = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue ?? ""]
      if !allowed.contains(where: { Self.value(value, hasType: $0) }) {
        found.append("\(path): expected \(allowed.joined(separator: " or ")), got \(value)")
        return
      }
    }
    if let constant = schema["const"], !Self.equal(value, constant) {
      found.append("\(path): expected \(constant), got \(value)")
    }
    if let options = schema["enum"]?.arrayValue, !options.contains(where: { Self.equal(value, $0) }) {
      found.append("\(path): \(value) is not one of \(JSONValue.array(options))")
    }
    if let minimum = schema["minimum"]?.doubleValue, let number = value.doubleValue, number < minimum {
      found.append("\(path): \(number) is below the minimum \(minimum)")
    }
    if let minLength = schema["minLength"]?.intValue, let string = value.stringValue,
      string.unicodeScalars.count < minLength
    {
      found.append("\(path): shorter than \(minLength)")
    }
    if let options = schema["oneOf"]?.arrayValue {
      let matching = options.filter { option in
        var inner: [String] = []
        check(value, option, path: path, into: &inner)
        return inner.isEmpty
      }.count
      if matching != 1 { found.append("\(path): matches \(matching) of the oneOf schemas, not exactly one") }
    }
    if case .array(let elements) = value {
      if let minItems = schema["minItems"]?.intValue, elements.count < minItems {
        found.append("\(path): fewer than \(minItems) items")
      }
      if let maxItems = schema["maxItems"]?.intValue, elements.count > maxItems {
        found.append("\(path): more than \(maxItems) items")
      }
      if let items = schema["items"] {
        for (index, element) in elements.enumerated() { check(element, items, path: "\(path)[\(index)]", into: &found) }
      }
    }
    if case .object(let object) = value {
      for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[key] == nil {
        found.append("\(path): missing required \"\(key)\"")
      }
      let properties = schema["properties"]?.objectValue ?? [:]
      for member in object.pairs {
        if let property = properties[member.key] {
          check(member.value, property, path: "\(path).\(member.key)", into: &found)
        } else if let additional = schema["additionalProperties"] {
          if additional == .bool(false) {
            found.append("\(path): unexpected property \"\(member.key)\"")
          } else if additional.objectValue != nil {
            check(member.value, additional, path: "\(path).\(member.key)", into: &found)
          }
        }
      }
    }
  }

  private static func value(_ value: JSONValue, hasType type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
    case ("integer", .int), ("number", .int), ("number", .double): true
    case ("integer", .double(let d)): d.rounded() == d
    default: false
    }
  }

  /// JSON equality, where `1` and `1.0` are the same number.
  private static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
    if let x = a.doubleValue, let y = b.doubleValue { return x == y }
    return a == b
  }
}
