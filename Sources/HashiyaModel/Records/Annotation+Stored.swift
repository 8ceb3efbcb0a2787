import AnnotatorKit

/// Reading an annotation's stored JSON columns back, the same on every backend: anything that is
/// not what Hashiya writes is damage, named, never a crash or a silent default.
extension Annotation {
  /// The provenance list a stored `provenance` text holds (none for NULL).
  package static func storedProvenance(_ text: String?, of what: @autoclosure () -> String) throws(StoreError)
    -> [String]
  {
    guard let text else { return [] }
    guard let list = (try? JSONParser.parse(text))?.arrayValue else {
      throw .damaged(what: what(), reason: "its provenance is not a JSON array")
    }
    return list.compactMap(\.stringValue)
  }

  /// The pieces after `first` that a stored `fragments` text holds (none for NULL); anything
  /// that is not pieces of one span in text order is damage.
  package static func storedFragments(
    _ text: String?, after first: TextRange, of what: @autoclosure () -> String
  ) throws(StoreError) -> [SpanFragment] {
    guard let text else { return [] }
    guard let parsed = (try? JSONParser.parse(text)).flatMap(SpanFragment.parse),
      SpanFragment.problem(first: first, rest: parsed.map(\.range)) == nil
    else {
      throw .damaged(what: what(), reason: "its fragments are not pieces of one span in text order")
    }
    return parsed
  }

  /// A stored attributes text as an object; anything else is damage, not an empty object.
  package static func storedAttributes(_ text: String, of what: @autoclosure () -> String) throws(StoreError)
    -> JSONObject
  {
    guard let object = (try? JSONParser.parse(text))?.objectValue else {
      throw .damaged(what: what(), reason: "its attributes are not a JSON object")
    }
    return object
  }
}
