import AnnotatorKit

/// Typed access to a native record's members, failing with the record's location and the field.
struct NativeFields {
  let members: JSONObject
  let location: String

  init(_ object: JSONObject, location: String) {
    self.members = object
    self.location = location
  }

  /// Whether the member is present and not `null`.
  func has(_ key: String) -> Bool {
    guard let value = members[key] else { return false }
    return !value.isNull
  }

  /// Reads a member that must exist; `null` counts as missing.
  func required(_ key: String) throws(FormatError) -> JSONValue {
    guard let value = members[key], !value.isNull else { throw missing(key) }
    return value
  }

  func string(_ key: String) throws(FormatError) -> String {
    guard let value = try required(key).stringValue else { throw wrongType(key, "a string") }
    return value
  }

  /// A member that must be present, but may be `null`.
  func nullableString(_ key: String) throws(FormatError) -> String? {
    guard let value = members[key] else { throw missing(key) }
    if value.isNull { return nil }
    guard let string = value.stringValue else { throw wrongType(key, "a string or null") }
    return string
  }

  /// A member that may be absent or `null`.
  func optionalString(_ key: String) throws(FormatError) -> String? {
    guard let value = members[key], !value.isNull else { return nil }
    guard let string = value.stringValue else { throw wrongType(key, "a string") }
    return string
  }

  /// A string member naming one case of `type`: a verdict, a status, a decision.
  func value<Value: RawRepresentable & CaseIterable>(
    _ key: String, of type: Value.Type
  ) throws(FormatError) -> Value where Value.RawValue == String {
    let name = try string(key)
    guard let value = Value(rawValue: name) else {
      let allowed = type.allCases.map(\.rawValue).joined(separator: ", ")
      throw fail("\"\(key)\" is \"\(Excerpt.of(name))\", not one of \(allowed)")
    }
    return value
  }

  func int(_ key: String) throws(FormatError) -> Int {
    guard let value = try required(key).intValue else { throw wrongType(key, "an integer") }
    return value
  }

  func bool(_ key: String) throws(FormatError) -> Bool {
    guard let value = try required(key).boolValue else { throw wrongType(key, "true or false") }
    return value
  }

  func array(_ key: String) throws(FormatError) -> [JSONValue] {
    guard let value = try required(key).arrayValue else { throw wrongType(key, "an array") }
    return value
  }

  func object(_ key: String) throws(FormatError) -> JSONObject {
    guard let value = try required(key).objectValue else { throw wrongType(key, "an object") }
    return value
  }

  /// A member object, read with the same location.
  func nested(_ key: String) throws(FormatError) -> NativeFields {
    NativeFields(try object(key), location: location)
  }

  /// An optional `[start, end]` pair of integers.
  func offsetPair(_ key: String) throws(FormatError) -> (Int, Int)? {
    guard let value = members[key], !value.isNull else { return nil }
    guard let pair = value.arrayValue, pair.count == 2, let start = pair[0].intValue, let end = pair[1].intValue
    else { throw wrongType(key, "a pair of integers [start, end]") }
    return (start, end)
  }

  /// An array member of strings, such as a list of UUIDs.
  func strings(_ key: String) throws(FormatError) -> [String] {
    var result: [String] = []
    for value in try array(key) {
      guard let string = value.stringValue, !string.isEmpty else { throw wrongType(key, "an array of UUID strings") }
      result.append(string)
    }
    return result
  }

  /// The code-point range `start`..`end`, which must be non-empty and inside `text`.
  func range(in text: ReportText) throws(FormatError) -> TextRange {
    let start = try int("start")
    let end = try int("end")
    guard end > start else { throw fail("\"end\" (\(end)) must be greater than \"start\" (\(start))") }
    guard TextRange(start, end).fits(in: text.count) else {
      throw fail("offsets \(start)..\(end) are outside the text (\(text.count) code points)")
    }
    return TextRange(start, end)
  }

  /// Like `objects`, but an absent or `null` member is an empty array: a member later versions
  /// of the format added, which older exports lack.
  func optionalObjects(_ key: String, element: String) throws(FormatError) -> [NativeFields] {
    has(key) ? try objects(key, element: element) : []
  }

  /// Each element of an array member as an object, located by position (`annotation 2`).
  func objects(_ key: String, element: String) throws(FormatError) -> [NativeFields] {
    var result: [NativeFields] = []
    for (index, value) in try array(key).enumerated() {
      let elementLocation = "\(location) \(element) \(index + 1)"
      guard let object = value.objectValue else {
        throw FormatError(location: elementLocation, reason: "must be an object")
      }
      result.append(NativeFields(object, location: elementLocation))
    }
    return result
  }

  func fail(_ reason: String) -> FormatError {
    FormatError(location: location, reason: reason)
  }

  private func missing(_ key: String) -> FormatError {
    fail("missing \"\(key)\"")
  }

  private func wrongType(_ key: String, _ expected: String) -> FormatError {
    fail("\"\(key)\" must be \(expected)")
  }
}
