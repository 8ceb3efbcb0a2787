import HashiyaModel
import HashiyaStore

extension AgreementMetrics {
  /// Agreement per layer (by name) on a project's annotations: `layer` alone, or every layer
  /// annotated; without `annotators`, everyone who annotated it. Adjudicated annotations are left
  /// out. Reports are read and tallied a chunk at a time, their tokens as import recorded them;
  /// the tallies are sums, so memory follows the chunk rather than the project and the figures
  /// are those of comparing every document at once.
  public static func compute(
    store: any ProjectStoring, reportIDs: [Int], layer: String?, annotators: [String]?
  ) throws -> [(layer: String, report: AgreementReport)] {
    try compute(
      store: store, reportIDs: reportIDs, layer: layer, annotators: annotators,
      chunkSize: ReviewDocuments.comparedChunkSize)
  }

  /// `compute(store:reportIDs:layer:annotators:)` reading `chunkSize` reports at a time.
  static func compute(
    store: any ProjectStoring, reportIDs: [Int], layer: String?, annotators: [String]?, chunkSize: Int
  ) throws -> [(layer: String, report: AgreementReport)] {
    let layers = layer.map { [$0] }
    let combinations = try store.comparedLabels(reportIDs: reportIDs, layers: layers)
    var seen: Set<String> = []
    let people = (annotators ?? Array(Set(combinations.map(\.author))).sorted()).filter { seen.insert($0).inserted }
    var labels: [String: Set<String>] = [:]
    for combination in combinations where seen.contains(combination.author) {
      labels[combination.layer, default: []].insert(combination.label)
    }
    let compared = layer.map { [$0] } ?? labels.keys.sorted()
    var blanks: [String: AgreementAccumulator] = [:]
    for name in compared { blanks[name] = blank(annotators: people, labels: (labels[name] ?? []).sorted()) }
    let tallies = ChunkTallies(blanks: blanks, layers: compared)
    do {
      try ReviewDocuments.forEachComparableChunk(
        store: store, reportIDs: reportIDs, layers: layers, people: people, chunkSize: chunkSize
      ) { tallies.add($0) }
    } catch {
      _ = tallies.finish()
      throw error
    }
    let totals = tallies.finish()
    return compared.compactMap { name in
      totals[name].map { (name, report($0, annotators: people, labels: (labels[name] ?? []).sorted())) }
    }
  }
}
