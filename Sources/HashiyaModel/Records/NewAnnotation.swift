import AnnotatorKit

/// An annotation about to be written; the store assigns its handle, UUID and times.
public struct NewAnnotation: Sendable {
  public var reportID: Int
  public var layer: String
  public var label: String
  public var range: TextRange
  public var quote: String
  /// The span's further pieces, for a discontinuous span.
  public var fragments: [SpanFragment]
  public var attributes: JSONObject
  public var origin: String
  /// UUIDs of the annotations an adjudicated annotation was taken from.
  public var provenance: [String]

  public init(
    reportID: Int, layer: String, label: String, range: TextRange, quote: String, attributes: JSONObject = [:],
    origin: String = "manual", provenance: [String] = [], fragments: [SpanFragment] = []
  ) {
    self.fragments = fragments
    self.provenance = provenance
    self.reportID = reportID
    self.layer = layer
    self.label = label
    self.range = range
    self.quote = quote
    self.attributes = attributes
    self.origin = origin
  }
}
