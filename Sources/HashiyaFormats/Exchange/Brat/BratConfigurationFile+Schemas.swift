import AnnotatorKit

/// The layer schemas an `annotation.conf` declares, for a layer no plugin or project file knows.
extension BratConfigurationFile {
  /// Label → layer: the `# layer:` comment above the type, else `defaultLayer`. A label declared
  /// under two layers is left out, so that it takes `--layer`.
  func layers(default defaultLayer: String?) -> [String: String] {
    var map: [String: String] = [:]
    var ambiguous: Set<String> = []
    for type in types {
      guard let layer = type.layer ?? defaultLayer else { continue }
      if let known = map[type.name], known != layer { ambiguous.insert(type.name) }
      map[type.name] = layer
    }
    for label in ambiguous { map[label] = nil }
    return map
  }

  /// One schema per layer the types go to: entity and event types become labels, relations and
  /// event roles link types, attributes typed attributes of the labels they apply to, and every
  /// label gets a note attribute for brat's `AnnotatorNotes`.
  func schemas(default defaultLayer: String) -> [LayerSchema] {
    var order: [String] = []
    var members: [String: [TypeDeclaration]] = [:]
    for type in types {
      let layer = type.layer ?? defaultLayer
      if members[layer] == nil { order.append(layer) }
      if members[layer]?.contains(where: { $0.name == type.name }) != true { members[layer, default: []].append(type) }
    }
    return order.map { layer in schema(layer, members[layer] ?? []) }
  }

  private static let colours = ["cyan", "magenta", "yellow", "green", "blue", "red"]

  private func schema(_ layer: String, _ declared: [TypeDeclaration]) -> LayerSchema {
    let names = Set(declared.map(\.name))
    let inLayer = { (types: [String]) in types.filter(names.contains) }
    var links: [LinkTypeSchema] = []
    func addLink(_ name: String, from: [String], to: [String]) {
      guard !from.isEmpty, !to.isEmpty else { return }
      if let index = links.firstIndex(where: { $0.name == name }) {
        links[index].from += from.filter { !links[index].from.contains($0) }
        links[index].to += to.filter { !links[index].to.contains($0) }
      } else {
        links.append(LinkTypeSchema(name: name, from: from, to: to))
      }
    }
    for relation in relations { addLink(relation.name, from: inLayer(relation.from), to: inLayer(relation.to)) }
    let labels = declared.enumerated().map { index, type in
      let roles = type.roles.map { roles in
        roles.map { EventRoleSchema(name: $0.role, labels: inLayer($0.types), cardinality: $0.cardinality) }
      }
      for role in roles ?? [] { addLink(role.name, from: [type.name], to: role.labels) }
      return LabelSchema(
        name: type.name, description: "", colour: Self.colours[index % Self.colours.count],
        attributes: labelAttributes(type.name), eventRoles: roles)
    }
    return LayerSchema(
      layer: layer, description: "Read from brat's annotation.conf.", labels: labels, linkTypes: links)
  }

  private func labelAttributes(_ label: String) -> [AttributeSchema] {
    var result = attributes.filter { $0.targets.contains(label) }.map { attribute in
      AttributeSchema(name: attribute.name, kind: kind(of: attribute))
    }
    let taken = Set(result.map(\.name))
    let note = noteAttributes[label] ?? (taken.contains("note") ? "AnnotatorNotes" : "note")
    if let index = result.firstIndex(where: { $0.name == note }) {
      result[index].kind = .text
      result[index].role = .note
    } else {
      result.append(AttributeSchema(name: note, kind: .text, role: .note))
    }
    return result
  }

  /// The kind a Hashiya comment names, else a flag without values or a choice among them.
  private func kind(of attribute: Attribute) -> AttributeSchema.Kind {
    switch attributeKinds[attribute.name] {
    case "text": return .text
    case "integer": return .number(min: nil, max: nil, integer: true)
    case "number": return .number(min: nil, max: nil, integer: false)
    case "reference": return .reference(labels: [])
    default: return attribute.values.isEmpty ? .boolean : .enumeration(attribute.values)
    }
  }
}
