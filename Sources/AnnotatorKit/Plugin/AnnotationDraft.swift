/// An annotation as an annotator validates it: label, span and attribute values.
public struct AnnotationDraft: Sendable, Equatable {
  public var label: String
  public var range: TextRange
  public var attributes: [String: JSONValue]

  public init(label: String, range: TextRange, attributes: [String: JSONValue] = [:]) {
    self.label = label
    self.range = range
    self.attributes = attributes
  }
}
