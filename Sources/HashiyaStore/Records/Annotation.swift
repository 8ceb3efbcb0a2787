import AnnotatorKit

/// A typed span on a report, as stored; `id` is the handle people type (`#12`).
public struct Annotation: Sendable, Equatable {
  /// Whether an annotation counts, or is a tombstone kept for history.
  public enum Status: String, Sendable {
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
  public var attributes: JSONObject
  public var author: String
  /// `manual`, `suggested:PLUGIN@VERSION`, `imported` or `adjudicated`.
  public var origin: String
  public var status: Status
  public var createdAt: String
  public var updatedAt: String
}
