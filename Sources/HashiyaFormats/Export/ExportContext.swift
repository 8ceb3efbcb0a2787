import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// What every exporter needs to know besides the reports: the project, the layers, the options.
public struct ExportContext: Sendable {
  /// Which offset units to write besides Unicode scalars.
  public enum Offsets: String, Sendable {
    /// Code points only (`start`/`end`).
    case scalar
    /// Also `utf16` and `utf8` offset pairs.
    case all
  }

  public var projectUID: String
  /// The project file's name, e.g. `team.hashiya`.
  public var projectName: String
  public var exportedAt: String
  public var exportedBy: String
  /// The schemas of the layers being exported.
  public var schemas: [LayerSchema]
  public var offsets: Offsets
  /// Only adjudicated annotations are exported (`--gold`).
  public var gold: Bool
  /// Context length, in scalars, of a quote's `prefix` and `suffix`.
  public var contextLength: Int
  /// The project file, which no export may overwrite; nil when exporting outside a project.
  public var projectPath: String?

  public init(
    projectUID: String, projectName: String, exportedAt: String, exportedBy: String, schemas: [LayerSchema],
    offsets: Offsets = .scalar, gold: Bool = false, contextLength: Int = 32, projectPath: String? = nil
  ) {
    self.projectUID = projectUID
    self.projectName = projectName
    self.exportedAt = exportedAt
    self.exportedBy = exportedBy
    self.schemas = schemas
    self.offsets = offsets
    self.gold = gold
    self.contextLength = contextLength
    self.projectPath = projectPath
  }

  /// The name of the attribute that plays `role` on `annotation`'s label, as its layer's schema
  /// declares: exporters find a note or its language this way, never by a plugin's names.
  public func attributeName(playing role: AttributeSchema.Role, in annotation: Annotation) -> String? {
    schema(of: annotation)?.attributeName(playing: role, label: annotation.label)
  }

  /// The schema of `annotation`'s layer, when the export knows it.
  func schema(of annotation: Annotation) -> LayerSchema? {
    schemas.first { $0.layer == annotation.layer }
  }
}
