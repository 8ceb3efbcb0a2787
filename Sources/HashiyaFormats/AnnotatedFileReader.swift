import HashiyaStore

/// Reads one annotated file (or brat folder) of one format into reports with their annotations.
public protocol AnnotatedFileReader {
  /// Reads `path`, calling `body` with each report in file order.
  ///
  /// `layer` maps the file's labels onto a layer (`--layer`) for formats that have no layers.
  /// A record that cannot be read goes to `onBadRecord`, which throws to stop (the default import)
  /// or returns to skip it (`--skip-bad`).
  static func read(
    path: String, layer: String?, onBadRecord: (FormatError) throws -> Void, _ body: (ImportedReport) throws -> Void
  ) throws
}
