import AnnotatorKit

/// Schema checks for the labels and attribute values that suggesters declare or plugins return.
extension LayerSchema {
  func checkedLabel(_ label: String, field: String, reader: ManifestReader) throws(PluginError) -> String {
    do {
      return try requireLabel(label).name
    } catch {
      throw reader.error("\"\(field).label\": \(error.description)")
    }
  }

  /// Checks each given value; unlike `checkedAttributes`, required attributes may be missing
  /// and no defaults are filled in, because the person accepting a suggestion supplies them.
  func checkedSuggestionAttributes(_ object: JSONObject, label: String) throws(SchemaError) -> [String: JSONValue] {
    let labelSchema = try requireLabel(label)
    var attributes: [String: JSONValue] = [:]
    for (key, value) in object {
      guard let attribute = labelSchema.attribute(key) else {
        throw .unknownAttribute(label: label, attribute: key, known: labelSchema.attributes.map(\.name))
      }
      try attribute.check(value)
      attributes[key] = value
    }
    return attributes
  }

  /// The same check for a manifest member, reported as a manifest error naming `field`.
  func checkedSuggestionAttributes(
    _ value: JSONValue?, label: String, field: String, reader: ManifestReader
  ) throws(PluginError) -> [String: JSONValue] {
    guard let value, !value.isNull else { return [:] }
    guard let object = value.objectValue else { throw reader.error("\"\(field)\" must be an object") }
    do {
      return try checkedSuggestionAttributes(object, label: label)
    } catch {
      throw reader.error("\"\(field)\": \(error.description)")
    }
  }
}
