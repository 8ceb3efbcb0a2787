import AnnotatorKit

/// A plugin a session can use — built in, or loaded from a folder — for `plugins` and `plugin info`.
public struct LoadedPlugin: Sendable {
  public let annotator: any Annotator
  public let kind: PluginKind
  /// The plugin folder, or `built-in`.
  public let source: String
  public let description: String

  /// A plugin described by a `plugin.json`.
  public init(annotator: any Annotator, manifest: PluginManifest) {
    self.annotator = annotator
    self.kind = manifest.kind
    self.source = manifest.folder
    self.description = manifest.description
  }

  /// A Swift annotator compiled into Hashiya.
  public init(builtin annotator: any Annotator) {
    self.annotator = annotator
    self.kind = .builtin
    self.source = "built-in"
    self.description = annotator.schema.description
  }

  public var id: String { annotator.id }
  public var version: String { annotator.version }
}
