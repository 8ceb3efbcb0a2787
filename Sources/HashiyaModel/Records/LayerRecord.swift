/// A layer's schema as the project file recorded it, so the layer stays readable without its plugin.
public struct LayerRecord: Sendable, Equatable {
  public var id: String
  public var version: String
  /// `builtin`, `manifest` or `process`.
  public var kind: String
  /// The schema document (JSON text).
  public var schemaJSON: String

  public init(id: String, version: String, kind: String, schemaJSON: String) {
    self.id = id
    self.version = version
    self.kind = kind
    self.schemaJSON = schemaJSON
  }
}
