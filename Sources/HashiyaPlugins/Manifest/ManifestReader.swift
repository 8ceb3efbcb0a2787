import AnnotatorKit

/// Typed access to the members of a manifest document, throwing errors that name the file and the field.
///
/// Fields are spelled as paths (`suggesters[1].pattern`) so an author can find the offending spot
/// without a line number, which the JSON parser cannot give for a value that parsed fine.
struct ManifestReader {
  let path: String

  func error(_ problem: String) -> PluginError { .manifest(path: path, problem: problem) }

  func object(_ value: JSONValue?, _ field: String) throws(PluginError) -> JSONObject {
    guard let object = value?.objectValue else { throw error("\"\(field)\" must be an object") }
    return object
  }

  func string(_ object: JSONObject, _ key: String, in parent: String? = nil) throws(PluginError) -> String {
    guard let value = try optionalString(object, key, in: parent), !value.isEmpty else {
      throw error("\"\(Self.field(key, in: parent))\" must be a non-empty string")
    }
    return value
  }

  func optionalString(_ object: JSONObject, _ key: String, in parent: String? = nil) throws(PluginError) -> String? {
    guard let value = object[key], !value.isNull else { return nil }
    guard let string = value.stringValue else {
      throw error("\"\(Self.field(key, in: parent))\" must be a string")
    }
    return string
  }

  func optionalArray(_ object: JSONObject, _ key: String, in parent: String? = nil) throws(PluginError) -> [JSONValue]?
  {
    guard let value = object[key], !value.isNull else { return nil }
    guard let array = value.arrayValue else { throw error("\"\(Self.field(key, in: parent))\" must be an array") }
    return array
  }

  func optionalNumber(_ object: JSONObject, _ key: String, in parent: String? = nil) throws(PluginError) -> Double? {
    guard let value = object[key], !value.isNull else { return nil }
    guard let number = value.doubleValue, number.isFinite else {
      throw error("\"\(Self.field(key, in: parent))\" must be a number")
    }
    return number
  }

  /// A score in 0…1, or `fallback` when the member is absent.
  func score(_ object: JSONObject, in parent: String, default fallback: Double) throws(PluginError) -> Double {
    guard let score = try optionalNumber(object, "score", in: parent) else { return fallback }
    guard (0...1).contains(score) else { throw error("\"\(parent).score\" must be between 0 and 1") }
    return score
  }

  static func field(_ key: String, in parent: String?) -> String {
    parent.map { "\($0).\(key)" } ?? key
  }
}
