import AnnotatorKit
import Foundation

/// Label Studio's labelling config (the XML `<View>`), written from layer schemas and read back into them.
///
/// Each layer is a `<Labels>` control named after it, so a span's `from_name` names its layer. Each
/// attribute is a per-region control named `LAYER.LABEL.ATTRIBUTE` and shown for its label: an
/// enumeration or a boolean a `<Choices>`, text a `<TextArea>`, a number a `<Number>`; reference
/// attributes have no control. Link types are `<Relations>`, which Label Studio does not tie to
/// labels, so read back each joins any two labels of a layer. On import, a per-region control named
/// otherwise gives an attribute of its own name to the labels its `whenLabelValue` lists (all when
/// none); a control that is not per region classifies a whole task and is not read.
enum LabelStudioConfig {
  /// The config's name beside a Label Studio file, where export writes it and import looks for it.
  static let fileName = "label_config.xml"
  /// The name of the `<Text>` object every control labels.
  static let textName = "text"

  /// The control name of `attribute` of `label` in `layer`.
  static func controlName(layer: String, label: String, attribute: String) -> String {
    "\(layer).\(label).\(attribute)"
  }

  /// The attribute a per-region result of control `name` sets on a span of `label` in `layer`.
  static func attributeName(control name: String, layer: String, label: String) -> String {
    let prefix = "\(layer).\(label)."
    return name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
  }

  /// The config for `schemas`.
  static func text(for schemas: [LayerSchema]) -> String {
    func quoted(_ value: String) -> String { "\"\(HTMLEscaping.escape(value))\"" }
    var lines = ["<View>", "  <Text name=\(quoted(textName)) value=\"$\(textName)\"/>"]
    for schema in schemas {
      lines.append("  <Labels name=\(quoted(schema.layer)) toName=\(quoted(textName))>")
      for label in schema.labels {
        let hotkey = label.key.map { " hotkey=\(quoted($0))" } ?? ""
        lines.append("    <Label value=\(quoted(label.name)) background=\(quoted(label.colour))\(hotkey)/>")
      }
      lines.append("  </Labels>")
    }
    for schema in schemas {
      for label in schema.labels {
        for attribute in label.attributes {
          let common =
            "name=\(quoted(controlName(layer: schema.layer, label: label.name, attribute: attribute.name))) "
            + "toName=\(quoted(textName)) perRegion=\"true\" visibleWhen=\"region-selected\" "
            + "whenLabelValue=\(quoted(label.name))" + (attribute.required ? " required=\"true\"" : "")
          switch attribute.kind {
          case .enumeration(let values):
            lines.append("  <Choices \(common) choice=\"single\">")
            lines += values.map { "    <Choice value=\(quoted($0))/>" }
            lines.append("  </Choices>")
          case .boolean:
            lines.append("  <Choices \(common) choice=\"single\">")
            lines += ["true", "false"].map { "    <Choice value=\"\($0)\"/>" }
            lines.append("  </Choices>")
          case .text:
            lines.append("  <TextArea \(common)/>")
          case .number(let min, let max, let integer):
            let bounds = [("min", min), ("max", max)].compactMap { name, bound in
              bound.map { " \(name)=\(quoted(number($0)))" }
            }
            lines.append("  <Number \(common)\(bounds.joined())\(integer ? " step=\"1\"" : "")/>")
          case .reference:
            continue
          }
        }
      }
    }
    let relations = schemas.flatMap { $0.linkTypes.map(\.name) }
    if !relations.isEmpty {
      lines.append("  <Relations>")
      var seen: Set<String> = []
      for relation in relations where seen.insert(relation).inserted {
        lines.append("    <Relation value=\(quoted(relation))/>")
      }
      lines.append("  </Relations>")
    }
    lines.append("</View>")
    return lines.joined(separator: "\n") + "\n"
  }

  /// A bound as Label Studio writes numbers: whole numbers without a fraction.
  private static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
  }

  /// The schemas the config file at `path` declares, one per `<Labels>` control.
  static func schemas(path: String) throws(FormatError) -> [LayerSchema] {
    let name = (path as NSString).lastPathComponent
    return try schemas(xml: try ExchangeSupport.readText(path: path), name: name)
  }

  /// The schemas config text `xml` (from the file `name`) declares, one per `<Labels>` control.
  static func schemas(xml: String, name: String) throws(FormatError) -> [LayerSchema] {
    let root = try XMLTree.parse(xml, name: name)
    guard root.name == "View" else {
      throw FormatError(location: name, reason: "a Label Studio label config starts with <View>, not <\(root.name)>")
    }
    let description = "From the Label Studio label config \(name)."
    var schemas: [LayerSchema] = []
    for control in root.all(named: "Labels") {
      guard let layer = control.attributes["name"], !layer.isEmpty else {
        throw FormatError(location: name, reason: "a <Labels> control has no name")
      }
      guard !schemas.contains(where: { $0.layer == layer }) else {
        throw FormatError(location: name, reason: "two <Labels> controls are named \(Excerpt.of(layer))")
      }
      var labels: [LabelSchema] = []
      for label in control.all(named: "Label") {
        guard let value = label.attributes["value"], !value.isEmpty else {
          throw FormatError(location: name, reason: "a <Label> of \(Excerpt.of(layer)) has no value")
        }
        guard !labels.contains(where: { $0.name == value }) else { continue }
        let background = label.attributes["background"]?.lowercased()
        let named = HTMLColour.palette.first { $0.name == background }?.name
        let hotkey = label.attributes["hotkey"].flatMap { $0.count == 1 ? $0 : nil }
        labels.append(
          LabelSchema(
            name: value, description: description, colour: named ?? DoccanoLabelList.colourName(hex: background),
            key: hotkey))
      }
      schemas.append(LayerSchema(layer: layer, description: description, labels: labels))
    }
    let perRegion = root.all {
      ["Choices", "TextArea", "Number"].contains($0.name) && $0.attributes["perRegion"] == "true"
    }
    for control in perRegion {
      try addAttribute(control, to: &schemas, file: name)
    }
    let relations = root.all(named: "Relation").compactMap { $0.attributes["value"] }.filter { !$0.isEmpty }
    for index in schemas.indices {
      let names = schemas[index].labels.map(\.name)
      var seen: Set<String> = []
      schemas[index].linkTypes = relations.filter { seen.insert($0).inserted }.map {
        LinkTypeSchema(name: $0, from: names, to: names, description: description)
      }
    }
    return schemas
  }

  /// Adds the attribute a per-region control declares to the labels it is shown for.
  private static func addAttribute(_ control: XMLTree, to schemas: inout [LayerSchema], file: String)
    throws(FormatError)
  {
    guard let controlName = control.attributes["name"], !controlName.isEmpty else {
      throw FormatError(location: file, reason: "a <\(control.name)> control has no name")
    }
    let shownFor = (control.attributes["whenLabelValue"] ?? "").split(separator: ",").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let kind: AttributeSchema.Kind
    switch control.name {
    case "Choices":
      let values = control.all(named: "Choice").compactMap { $0.attributes["value"] }
      if values == ["true", "false"] {
        kind = .boolean
      } else {
        kind = control.attributes["choice"] == "multiple" ? .text : .enumeration(values)
      }
    case "Number":
      kind = .number(
        min: control.attributes["min"].flatMap(Double.init), max: control.attributes["max"].flatMap(Double.init),
        integer: control.attributes["step"] == "1")
    default:
      kind = .text
    }
    // A control named LAYER.LABEL.ATTRIBUTE (as Hashiya writes them) is that label's; any other is an
    // attribute of its own name for the labels it is shown for.
    let owners = schemas.flatMap { schema in
      schema.labels.compactMap { label in
        controlName.hasPrefix("\(schema.layer).\(label.name).") ? (schema.layer, label.name) : nil
      }
    }
    for layerIndex in schemas.indices {
      for labelIndex in schemas[layerIndex].labels.indices {
        let layer = schemas[layerIndex].layer
        let label = schemas[layerIndex].labels[labelIndex]
        let applies =
          owners.isEmpty
          ? shownFor.isEmpty || shownFor.contains(label.name) : owners.contains { $0 == (layer, label.name) }
        let name = attributeName(control: controlName, layer: layer, label: label.name)
        guard applies, label.attribute(name) == nil else { continue }
        schemas[layerIndex].labels[labelIndex].attributes.append(
          AttributeSchema(name: name, kind: kind, required: control.attributes["required"] == "true"))
      }
    }
  }
}
