/// The JSON form of a schema, as in `plugin.json` and the project file's `plugins` table.
extension LayerSchema {
  public var json: JSONValue {
    var object: JSONObject = [
      "layer": .string(layer), "description": .string(description),
      "labels": .array(labels.map(\.json)),
      "links": .array(
        linkTypes.map { link in
          .object([
            "name": .string(link.name), "from": .array(link.from.map(JSONValue.string)),
            "to": .array(link.to.map(JSONValue.string)), "description": .string(link.description),
          ])
        }),
    ]
    // Written only when set, so schemas stored before it existed compare equal to today's.
    if withinSentence { object["withinSentence"] = .bool(true) }
    return .object(object)
  }

  /// Reads a schema document; `layer` fills in when the document does not name its layer.
  public init(json: JSONValue, layer defaultLayer: String? = nil) throws(SchemaError) {
    guard case .object(let object) = json else { throw .malformed("the schema must be an object") }
    guard let layer = object["layer"]?.stringValue ?? defaultLayer, !layer.isEmpty else {
      throw .malformed("\"layer\" is missing")
    }
    guard let labelValues = object["labels"]?.arrayValue, !labelValues.isEmpty else {
      throw .malformed("\"labels\" must be a non-empty array")
    }
    var labels: [LabelSchema] = []
    for value in labelValues { labels.append(try LabelSchema(json: value)) }
    var links: [LinkTypeSchema] = []
    for value in object["links"]?.arrayValue ?? [] {
      guard let name = value["name"]?.stringValue else { throw .malformed("a link type needs a \"name\"") }
      let from = try Self.strings(value["from"], "from of link \(name)")
      let to = try Self.strings(value["to"], "to of link \(name)")
      for label in from + to where !labels.contains(where: { $0.name == label }) {
        throw .malformed("link \(name) names an unknown label \"\(label)\"")
      }
      links.append(
        LinkTypeSchema(name: name, from: from, to: to, description: value["description"]?.stringValue ?? ""))
    }
    let names = labels.map(\.name)
    if Set(names).count != names.count { throw .malformed("label names must be unique") }
    for label in labels {
      for role in label.eventRoles ?? [] where !role.labels.allSatisfy(names.contains) {
        throw .malformed("role \(label.name).\(role.name) names an unknown label")
      }
    }
    var withinSentence = false
    if let value = object["withinSentence"] {
      guard case .bool(let flag) = value else { throw .malformed("\"withinSentence\" must be true or false") }
      withinSentence = flag
    }
    self.init(
      layer: layer, description: object["description"]?.stringValue ?? "", labels: labels, linkTypes: links,
      withinSentence: withinSentence)
  }

  static func strings(_ value: JSONValue?, _ what: String) throws(SchemaError) -> [String] {
    guard let array = value?.arrayValue else { throw .malformed("\(what) must be an array of strings") }
    var strings: [String] = []
    for item in array {
      guard let s = item.stringValue else { throw .malformed("\(what) must be an array of strings") }
      strings.append(s)
    }
    return strings
  }
}

extension LabelSchema {
  var json: JSONValue {
    var object: JSONObject = [
      "name": .string(name), "description": .string(description), "colour": .string(colour),
    ]
    if let key { object["key"] = .string(key) }
    object["attributes"] = .array(attributes.map(\.json))
    // Written only for event types, so schemas stored before events existed read back unchanged.
    if let eventRoles {
      object["eventRoles"] = .array(
        eventRoles.map { role in
          var member: JSONObject = ["name": .string(role.name), "labels": .array(role.labels.map(JSONValue.string))]
          if role.cardinality != .one { member["cardinality"] = .string(role.cardinality.rawValue) }
          return .object(member)
        })
    }
    return .object(object)
  }

  init(json: JSONValue) throws(SchemaError) {
    guard let name = json["name"]?.stringValue, !name.isEmpty else { throw .malformed("a label needs a \"name\"") }
    var attributes: [AttributeSchema] = []
    for value in json["attributes"]?.arrayValue ?? [] {
      attributes.append(try AttributeSchema(json: value, label: name))
    }
    var eventRoles: [EventRoleSchema]?
    if let values = json["eventRoles"] {
      guard let array = values.arrayValue else { throw .malformed("\"eventRoles\" of \(name) must be an array") }
      var roles: [EventRoleSchema] = []
      for value in array { roles.append(try EventRoleSchema(json: value, label: name)) }
      eventRoles = roles
    }
    self.init(
      name: name, description: json["description"]?.stringValue ?? "", colour: json["colour"]?.stringValue ?? "cyan",
      key: json["key"]?.stringValue, attributes: attributes, eventRoles: eventRoles)
  }
}

extension EventRoleSchema {
  init(json: JSONValue, label: String) throws(SchemaError) {
    guard let name = json["name"]?.stringValue, !name.isEmpty else {
      throw .malformed("an event role of \(label) needs a \"name\"")
    }
    let labels = try LayerSchema.strings(json["labels"], "labels of role \(label).\(name)")
    let mark = json["cardinality"]?.stringValue ?? ""
    guard let cardinality = Cardinality(rawValue: mark) else {
      throw .malformed("role \(label).\(name) has cardinality \"\(mark)\", not one of ?, *, +")
    }
    self.init(name: name, labels: labels, cardinality: cardinality)
  }
}

extension AttributeSchema {
  var json: JSONValue {
    var object: JSONObject = ["name": .string(name)]
    switch kind {
    case .enumeration(let values):
      object["type"] = "enum"
      object["values"] = .array(values.map(JSONValue.string))
    case .text:
      object["type"] = "text"
    case .number(let min, let max, let integer):
      object["type"] = integer ? "integer" : "number"
      if let min { object["min"] = .double(min) }
      if let max { object["max"] = .double(max) }
    case .boolean:
      object["type"] = "boolean"
    case .reference(let labels):
      object["type"] = "reference"
      object["labels"] = .array(labels.map(JSONValue.string))
    }
    object["required"] = .bool(required)
    if let defaultValue { object["default"] = defaultValue }
    object["description"] = .string(description)
    if let role { object["role"] = .string(role.rawValue) }
    return .object(object)
  }

  init(json: JSONValue, label: String) throws(SchemaError) {
    guard let name = json["name"]?.stringValue, !name.isEmpty else {
      throw .malformed("an attribute of \(label) needs a \"name\"")
    }
    let kind: Kind
    switch json["type"]?.stringValue {
    case "enum":
      let values = try LayerSchema.strings(json["values"], "values of \(label).\(name)")
      if values.isEmpty { throw .malformed("\(label).\(name) needs at least one value") }
      kind = .enumeration(values)
    case "text": kind = .text
    case "number", "integer":
      kind = .number(
        min: json["min"]?.doubleValue, max: json["max"]?.doubleValue, integer: json["type"]?.stringValue == "integer")
    case "boolean": kind = .boolean
    case "reference":
      kind = .reference(
        labels: json["labels"] == nil ? [] : try LayerSchema.strings(json["labels"], "labels of \(label).\(name)"))
    case let other:
      throw .malformed(
        "\(label).\(name) has unknown type \(other.map { "\"\($0)\"" } ?? "(none)") (enum, text, number, integer, boolean, reference)"
      )
    }
    var role: Role?
    if let value = json["role"] {
      guard let text = value.stringValue, let known = Role(rawValue: text) else {
        throw .malformed(
          "\(label).\(name) has unknown role \(value) (\(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      guard known != .note || kind == .text else { throw .malformed("\(label).\(name): a note attribute is text") }
      role = known
    }
    self.init(
      name: name, kind: kind, required: json["required"]?.boolValue ?? false, defaultValue: json["default"],
      description: json["description"]?.stringValue ?? "", role: role)
  }
}
