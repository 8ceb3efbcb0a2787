import AnnotatorKit

/// Building a regex suggester from its manifest member.
extension PatternSuggester {
  init(_ object: JSONObject, field: String, schema: LayerSchema, reader: ManifestReader) throws(PluginError) {
    let label = try schema.checkedLabel(try reader.string(object, "label", in: field), field: field, reader: reader)
    let pattern = try reader.string(object, "pattern", in: field)
    let flags = try reader.optionalString(object, "flags", in: field) ?? ""
    if let unknown = flags.first(where: { !Self.knownFlags.contains($0) }) {
      throw reader.error("\"\(field).flags\": unknown flag \"\(unknown)\" (use i, m, s, x)")
    }
    let regex: Regex<AnyRegexOutput>
    do {
      regex = try Self.compile(pattern, flags: flags)
    } catch {
      throw reader.error("\"\(field).pattern\" /\(pattern)/ is not a valid regular expression: \(error)")
    }
    // An empty match would make an empty span, which no annotation can have.
    if (try? regex.wholeMatch(in: "")) != nil {
      throw reader.error("\"\(field).pattern\" /\(pattern)/ matches the empty string")
    }
    self.init(
      label: label, pattern: pattern, flags: flags, score: try reader.score(object, in: field, default: 0.7),
      attributes: try schema.checkedSuggestionAttributes(
        object["attributes"], label: label, field: "\(field).attributes", reader: reader))
  }
}
