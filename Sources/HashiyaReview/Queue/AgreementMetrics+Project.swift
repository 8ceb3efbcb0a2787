import HashiyaStore

extension AgreementMetrics {
  /// Agreement per layer (by name) on a project's annotations: `layer` alone, or every layer
  /// annotated; without `annotators`, everyone who annotated it. Adjudicated annotations are left
  /// out, and reports are read in chunks, so memory follows the chunk rather than the project.
  public static func compute(
    store: ProjectStore, reportIDs: [Int], layer: String?, annotators: [String]?
  ) throws -> [(layer: String, report: AgreementReport)] {
    let built = try ReviewDocuments.comparable(
      store: store, reportIDs: reportIDs, layers: layer.map { [$0] }, annotators: annotators)
    let layers = layer.map { [$0] } ?? Array(Set(built.documents.map(\.layer))).sorted()
    return layers.map { layer in
      (layer, compute(built.documents.filter { $0.layer == layer }, annotators: built.annotators))
    }
  }
}
