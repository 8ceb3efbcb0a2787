import AnnotatorKit

/// An annotation reduced to what comparing annotators needs: no quote, timestamps or provenance.
public struct AnnotationSpan: Sendable, Equatable {
  /// The handle, as on `Annotation`.
  public var id: Int
  public var reportID: Int
  public var layer: String
  public var label: String
  public var range: TextRange
  /// The further pieces of a discontinuous span, in order; empty for most.
  public var fragments: [TextRange] = []
  public var attributes: JSONObject
  public var author: String

  public init(
    id: Int, reportID: Int, layer: String, label: String, range: TextRange, attributes: JSONObject, author: String
  ) {
    self.id = id
    self.reportID = reportID
    self.layer = layer
    self.label = label
    self.range = range
    self.attributes = attributes
    self.author = author
  }

  /// The parts of a full annotation that comparing uses.
  public init(_ annotation: Annotation) {
    self.init(
      id: annotation.id, reportID: annotation.reportID, layer: annotation.layer, label: annotation.label,
      range: annotation.range, attributes: annotation.attributes, author: annotation.author)
    fragments = annotation.fragments.map(\.range)
  }
}
