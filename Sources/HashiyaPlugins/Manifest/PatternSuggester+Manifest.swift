import AnnotatorKit

/// Building a regex suggester from its manifest member.
extension PatternSuggester {
  init(_ object: JSONObject, field: String, schema: LayerSchema, reader: ManifestReader) throws(PluginError) {
    let label = try schema.checkedLabel(try reader.string(object, "label", in: field), field: field, reader: reader)
    let pattern = try reader.string(object, "pattern", in: field)
    let flags = try reader.optionalString(object, "flags", in: field) ?? ""
    let regex: BoundedRegex
    let matchesEmpty: Bool
    do throws(RegexError) {
      regex = try BoundedRegex(pattern, flags: flags)
      matchesEmpty = try regex.matchesEmptyString()
    } catch .unknownFlag(_, let flag) {
      throw reader.error("\"\(field).flags\": unknown flag \"\(flag)\" (use i, m, s, x)")
    } catch {
      throw reader.error("\"\(field).pattern\" /\(Excerpt.of(pattern))/ is not a valid regular expression: \(error)")
    }
    // An empty match would make an empty span, which no annotation can have.
    if matchesEmpty {
      throw reader.error("\"\(field).pattern\" /\(Excerpt.of(pattern))/ matches the empty string")
    }
    self.init(
      label: label, regex: regex, score: try reader.score(object, in: field, default: 0.7),
      attributes: try schema.checkedSuggestionAttributes(
        object["attributes"], label: label, field: "\(field).attributes", reader: reader))
  }
}
