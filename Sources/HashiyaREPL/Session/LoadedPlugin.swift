import AnnotatorKit

/// An annotator the session can use, with where it came from.
public struct LoadedPlugin: Sendable {
  public var annotator: any Annotator
  /// `builtin`, `manifest` or `process`.
  public var kind: String
  /// The folder it was loaded from, or `built-in`.
  public var source: String

  public init(annotator: any Annotator, kind: String, source: String) {
    self.annotator = annotator
    self.kind = kind
    self.source = source
  }
}

/// A plugin folder that could not be loaded, and why.
public struct PluginLoadFailure: Sendable, Equatable {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}
