import AnnotatorKit

/// The members each part of a `plugin.json` may have, and the values some of them take.
///
/// A misspelt member (`sugesters`) would otherwise be ignored and the plugin would load without
/// what its author wrote, so every unknown one is refused with the nearest known name.
enum ManifestVocabulary {
  static let document = [
    "id", "version", "kind", "description", "schema", "commands", "suggesters", "command", "timeout", "batchSize",
  ]
  static let schema = ["layer", "description", "labels", "links", "withinSentence"]
  static let label = ["name", "description", "colour", "key", "attributes"]
  static let attribute = [
    "name", "type", "values", "labels", "min", "max", "required", "default", "description", "role",
  ]
  static let link = ["name", "from", "to", "description"]
  static let command = ["name", "form", "label", "keyword", "linkType", "attribute", "summary", "details"]
  static let suggester = ["type", "label", "entries", "lexiconFile", "pattern", "flags", "score", "attributes"]
  static let entry = ["text", "attributes"]
  /// The colours a label may have: the terminal's and the HTML view's.
  static let colours = ["red", "green", "yellow", "blue", "magenta", "cyan"]

  /// Refuses any member not in the vocabulary of its place, and a colour that is not one.
  static func check(_ document: JSONObject, reader: ManifestReader) throws(PluginError) {
    try members(of: document, allowed: Self.document, at: nil, reader: reader)
    if let schema = document["schema"]?.objectValue {
      try members(of: schema, allowed: Self.schema, at: "schema", reader: reader)
      for (index, label) in objects(schema["labels"]) {
        let field = "schema.labels[\(index)]"
        try members(of: label, allowed: Self.label, at: field, reader: reader)
        if let colour = label["colour"], !colours.contains(colour.stringValue ?? "") {
          let typed = colour.stringValue ?? "\(colour)"
          let hint = Spelling.nearest(to: typed, among: colours).map { "; did you mean \"\($0)\"?" } ?? ""
          throw reader.error(
            "\"\(field).colour\" must be one of \(colours.joined(separator: ", ")) (got \"\(typed)\")\(hint)")
        }
        for (number, attribute) in objects(label["attributes"]) {
          try members(of: attribute, allowed: Self.attribute, at: "\(field).attributes[\(number)]", reader: reader)
        }
      }
      for (index, link) in objects(schema["links"]) {
        try members(of: link, allowed: Self.link, at: "schema.links[\(index)]", reader: reader)
      }
    }
    for (index, command) in objects(document["commands"]) {
      try members(of: command, allowed: Self.command, at: "commands[\(index)]", reader: reader)
    }
    for (index, suggester) in objects(document["suggesters"]) {
      try members(of: suggester, allowed: Self.suggester, at: "suggesters[\(index)]", reader: reader)
      for (number, entry) in objects(suggester["entries"]) {
        try members(of: entry, allowed: Self.entry, at: "suggesters[\(index)].entries[\(number)]", reader: reader)
      }
    }
  }

  /// The objects of an array member, numbered; other values are left to the typed readers.
  private static func objects(_ value: JSONValue?) -> [(Int, JSONObject)] {
    (value?.arrayValue ?? []).enumerated().compactMap { index, item in item.objectValue.map { (index, $0) } }
  }

  private static func members(
    of object: JSONObject, allowed: [String], at field: String?, reader: ManifestReader
  ) throws(PluginError) {
    for member in object.pairs where !allowed.contains(member.key) {
      let name = ManifestReader.field(member.key, in: field)
      let hint = Spelling.nearest(to: member.key, among: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
      throw reader.error("unknown member \"\(name)\"\(hint)")
    }
  }
}
