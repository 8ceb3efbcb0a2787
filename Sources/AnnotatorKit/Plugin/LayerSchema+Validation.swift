/// Checking attribute values against a layer's schema.
extension LayerSchema {
  /// The label's schema, or an error listing the layer's labels.
  public func requireLabel(_ name: String) throws(SchemaError) -> LabelSchema {
    guard let label = label(name) else {
      throw .unknownLabel(layer: layer, label: name, known: labels.map(\.name))
    }
    return label
  }

  /// Attribute values typed at the prompt (`check=4 type=statistical`) as typed JSON values.
  public func parseAttributes(_ raw: [(key: String, value: String)], label: String) throws(SchemaError) -> [String:
    JSONValue]
  {
    let schema = try requireLabel(label)
    var values: [String: JSONValue] = [:]
    for (key, text) in raw {
      values[key] = try schema.requireAttribute(key).parse(text)
    }
    return values
  }

  /// Checks `values` for `label` and fills in defaults; throws on the first problem.
  public func checkedAttributes(_ values: [String: JSONValue], label: String) throws(SchemaError) -> [String: JSONValue]
  {
    let schema = try requireLabel(label)
    var result = values
    for key in values.keys.sorted() { _ = try schema.requireAttribute(key) }
    for attribute in schema.attributes {
      if let value = values[attribute.name], value != .null {
        try attribute.check(value)
      } else if let defaultValue = attribute.defaultValue {
        result[attribute.name] = defaultValue
      } else if attribute.required {
        throw .missingRequired(label: label, attribute: attribute.name)
      } else {
        result.removeValue(forKey: attribute.name)
      }
    }
    return result
  }

  /// Checks attribute values as a file states them (an import): each attribute the label declares
  /// must hold a value of its type; `null` stands for no value. Unlike `checkedAttributes` it
  /// neither fills in defaults nor asks for required ones, and it keeps attributes the schema does
  /// not know (a file written under another version of the plugin may carry them), so what is
  /// imported is what the file said.
  public func checkValues(_ values: JSONObject, label: String) throws(SchemaError) {
    let schema = try requireLabel(label)
    for (key, value) in values where value != .null {
      try schema.attribute(key)?.check(value)
    }
  }

  /// Checks that a link of `type` may join a `from` label to a `to` label.
  public func checkLink(_ type: String, from: String, to: String) throws(SchemaError) {
    guard let link = linkType(type) else {
      throw .unknownLinkType(layer: layer, type: type, known: linkTypes.map(\.name))
    }
    guard link.from.contains(from), link.to.contains(to) else {
      throw .linkNotAllowed(type: type, from: from, to: to)
    }
  }
}

extension LabelSchema {
  /// The attribute's schema, or an error listing the label's attributes.
  public func requireAttribute(_ key: String) throws(SchemaError) -> AttributeSchema {
    guard let attribute = attribute(key) else {
      throw .unknownAttribute(label: name, attribute: key, known: attributes.map(\.name))
    }
    return attribute
  }
}

extension AttributeSchema {
  /// The typed value of `text` as typed at the prompt.
  public func parse(_ text: String) throws(SchemaError) -> JSONValue {
    let value: JSONValue
    switch kind {
    case .enumeration, .text:
      value = .string(text)
    case .number(_, _, let integer):
      if integer, let n = Int(text) {
        value = .int(n)
      } else if !integer, let d = Double(text), d.isFinite {
        value = d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .double(d)
      } else {
        throw .wrongType(attribute: name, value: text, expected: integer ? "a whole number" : "a number")
      }
    case .boolean:
      switch text.lowercased() {
      case "true", "yes", "1": value = .bool(true)
      case "false", "no", "0": value = .bool(false)
      default: throw .wrongType(attribute: name, value: text, expected: "true or false")
      }
    case .reference:
      guard let handle = Handle.parse(text) else {
        throw .wrongType(attribute: name, value: text, expected: "an annotation handle like #12")
      }
      value = .int(handle)
    }
    try check(value)
    return value
  }

  /// Throws if `value` does not fit this attribute.
  public func check(_ value: JSONValue) throws(SchemaError) {
    let shown = JSONWriter.string(value)
    switch kind {
    case .enumeration(let allowed):
      guard let s = value.stringValue else { throw .wrongType(attribute: name, value: shown, expected: "a string") }
      guard allowed.contains(s) else { throw .notInEnumeration(attribute: name, value: s, allowed: allowed) }
    case .text:
      guard value.stringValue != nil else { throw .wrongType(attribute: name, value: shown, expected: "text") }
    case .number(let min, let max, let integer):
      guard let d = value.doubleValue else { throw .wrongType(attribute: name, value: shown, expected: "a number") }
      if integer && d != d.rounded() { throw .wrongType(attribute: name, value: shown, expected: "a whole number") }
      if let min, d < min { throw .outOfRange(attribute: name, value: shown, range: Self.range(min, max)) }
      if let max, d > max { throw .outOfRange(attribute: name, value: shown, range: Self.range(min, max)) }
    case .boolean:
      guard value.boolValue != nil else { throw .wrongType(attribute: name, value: shown, expected: "true or false") }
    case .reference:
      guard let n = value.intValue, n > 0 else {
        throw .wrongType(attribute: name, value: shown, expected: "an annotation handle")
      }
    }
  }

  private static func range(_ min: Double?, _ max: Double?) -> String {
    func show(_ d: Double?) -> String {
      guard let d else { return "" }
      return d == d.rounded() ? String(Int(d)) : String(d)
    }
    return "\(show(min))…\(show(max))"
  }
}
