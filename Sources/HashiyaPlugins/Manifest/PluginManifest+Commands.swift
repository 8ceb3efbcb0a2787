import AnnotatorKit

/// Reading the `commands` member: each command must fit the schema and leave core commands alone.
extension PluginManifest {
  static func commands(
    _ document: JSONObject, schema: LayerSchema, reservedNames: Set<String>, reader: ManifestReader
  ) throws(PluginError) -> [AnnotatorCommand] {
    var commands: [AnnotatorCommand] = []
    for (index, value) in (try reader.optionalArray(document, "commands") ?? []).enumerated() {
      let field = "commands[\(index)]"
      let object = try reader.object(value, field)
      let name = try reader.string(object, "name", in: field)
      guard !name.contains(where: \.isWhitespace), !name.hasPrefix("#"), !name.hasPrefix("\"") else {
        throw reader.error("\"\(field).name\" must be a single word (got \"\(name)\")")
      }
      guard !reservedNames.contains(name) else {
        throw reader.error("command \"\(name)\" clashes with a command that already exists; choose another name")
      }
      guard !commands.contains(where: { $0.name == name }) else {
        throw reader.error("command \"\(name)\" is declared twice")
      }
      let form = try Self.form(object, field: field, schema: schema, reader: reader)
      commands.append(
        AnnotatorCommand(
          name: name, form: form, summary: try reader.optionalString(object, "summary", in: field) ?? "",
          details: try reader.optionalString(object, "details", in: field) ?? ""))
    }
    return commands
  }

  private static func form(
    _ object: JSONObject, field: String, schema: LayerSchema, reader: ManifestReader
  ) throws(PluginError) -> AnnotatorCommand.Form {
    let formName = try reader.string(object, "form", in: field)
    let label = try reader.string(object, "label", in: field)
    guard let labelSchema = schema.label(label) else {
      let problem = SchemaError.unknownLabel(layer: schema.layer, label: label, known: schema.labels.map(\.name))
      throw reader.error("\"\(field).label\": \(problem)")
    }
    switch formName {
    case "span":
      return .span(label: label)
    case "spanLinkedTo":
      let keyword = try reader.string(object, "keyword", in: field)
      let linkType = try reader.string(object, "linkType", in: field)
      guard let link = schema.linkType(linkType) else {
        let problem = SchemaError.unknownLinkType(
          layer: schema.layer, type: linkType, known: schema.linkTypes.map(\.name))
        throw reader.error("\"\(field).linkType\": \(problem)")
      }
      guard link.from.contains(label) else {
        throw reader.error("\"\(field)\": a \(linkType) link cannot start at a \(label)")
      }
      return .spanLinkedTo(label: label, keyword: keyword, linkType: linkType)
    case "spanWithText":
      let attribute = try reader.string(object, "attribute", in: field)
      guard let attributeSchema = labelSchema.attribute(attribute) else {
        let problem = SchemaError.unknownAttribute(
          label: label, attribute: attribute, known: labelSchema.attributes.map(\.name))
        throw reader.error("\"\(field).attribute\": \(problem)")
      }
      guard attributeSchema.kind == .text else {
        throw reader.error(
          "\"\(field).attribute\": \(label).\(attribute) must have type \"text\" to take the command's text")
      }
      return .spanWithText(label: label, attribute: attribute)
    default:
      throw reader.error(
        "\"\(field).form\" must be \"span\", \"spanLinkedTo\" or \"spanWithText\" (got \"\(formName)\")")
    }
  }
}
