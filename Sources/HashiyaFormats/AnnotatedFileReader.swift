import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Reads one annotated file (or brat folder) of one format into reports with their annotations.
public protocol AnnotatedFileReader {
  /// Reads `path`, calling `body` with each report in file order.
  ///
  /// A record that cannot be read goes to `onBadRecord`, which throws to stop (the default import)
  /// or returns to skip it (`--skip-bad`).
  static func read(
    path: String, request: ReadRequest, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws
}

extension AnnotatedFileReader {
  /// Reads `path` with only a layer for formats without layers, and no schema of the corpus's own.
  public static func read(
    path: String, layer: String?, onBadRecord: (FormatError) throws -> Void, _ body: (ImportedReport) throws -> Void
  ) throws {
    try read(path: path, request: ReadRequest(layer: layer), onBadRecord: onBadRecord, body)
  }
}

/// What an import asks of a reader besides the file: where labels go, and what to do with the
/// layer schemas a corpus brings (brat's `annotation.conf`, a Label Studio label config, a doccano
/// label list).
public struct ReadRequest {
  /// The layer labels go to, for formats without layers (`--layer`).
  public var layer: String?
  /// The layers the session already knows (plugins, then the project file): a corpus's own schema
  /// is only used for a layer not among them.
  public var knownSchemas: [String: LayerSchema]
  /// A schema file named on the command line (`--schema`), used instead of one found beside the data.
  public var schemaPath: String?
  /// Called with the schemas a reader derived from the corpus, before the reports that use them.
  public var onSchemas: ([LayerSchema]) throws -> Void

  /// Takes from `declared` the schemas of layers `schemas` does not hold yet (which starts as the
  /// known ones): adds them there and hands them over, so each reader adopts a corpus's schemas
  /// the same way.
  func adopt(_ declared: [LayerSchema], into schemas: inout [String: LayerSchema]) throws {
    let adopted = declared.filter { schemas[$0.layer] == nil }
    guard !adopted.isEmpty else { return }
    for schema in adopted { schemas[schema.layer] = schema }
    try onSchemas(adopted)
  }

  public init(
    layer: String? = nil, knownSchemas: [String: LayerSchema] = [:], schemaPath: String? = nil,
    onSchemas: @escaping ([LayerSchema]) throws -> Void = { _ in }
  ) {
    self.layer = layer
    self.knownSchemas = knownSchemas
    self.schemaPath = schemaPath
    self.onSchemas = onSchemas
  }
}
