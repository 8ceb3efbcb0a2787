import AnnotatorKit

/// A typed span on a report, as stored; `id` is the handle people type (`#12`).
public struct Annotation: Sendable, Equatable {
  /// Whether an annotation counts, or is a tombstone kept for history.
  public enum Status: String, Sendable, CaseIterable {
    case active, deleted
  }

  public var id: Int
  public var uuid: String
  public var reportID: Int
  public var layer: String
  public var label: String
  public var range: TextRange
  /// The exact text the span covered when it was made; every read checks it against the report.
  public var quote: String
  /// The span's further pieces when it is discontinuous (a quote split by «قال»); empty for most.
  public var fragments: [SpanFragment]
  public var attributes: JSONObject
  public var author: String
  /// `manual`, `suggested:PLUGIN@VERSION`, `imported` or `adjudicated`.
  public var origin: String
  public var status: Status
  public var createdAt: String
  public var updatedAt: String
  /// For an adjudicated annotation, the UUIDs of the annotations it was taken from.
  public var provenance: [String]

  public init(
    id: Int, uuid: String, reportID: Int, layer: String, label: String, range: TextRange, quote: String,
    attributes: JSONObject, author: String, origin: String, status: Status, createdAt: String, updatedAt: String,
    provenance: [String] = [], fragments: [SpanFragment] = []
  ) {
    self.fragments = fragments
    self.provenance = provenance
    self.id = id
    self.uuid = uuid
    self.reportID = reportID
    self.layer = layer
    self.label = label
    self.range = range
    self.quote = quote
    self.attributes = attributes
    self.author = author
    self.origin = origin
    self.status = status
    self.createdAt = createdAt
    self.updatedAt = updatedAt
  }
}
