import Dispatch
import HashiyaStore

extension AgreementMetrics {
  /// Agreement per layer (by name) on a project's annotations: `layer` alone, or every layer
  /// annotated; without `annotators`, everyone who annotated it. Adjudicated annotations are left
  /// out. Reports are read and tallied a chunk at a time, their tokens as import recorded them;
  /// the tallies are sums, so memory follows the chunk rather than the project and the figures
  /// are those of comparing every document at once.
  public static func compute(
    store: ProjectStore, reportIDs: [Int], layer: String?, annotators: [String]?
  ) throws -> [(layer: String, report: AgreementReport)] {
    try compute(
      store: store, reportIDs: reportIDs, layer: layer, annotators: annotators,
      chunkSize: ReviewDocuments.comparedChunkSize)
  }

  /// `compute(store:reportIDs:layer:annotators:)` reading `chunkSize` reports at a time.
  static func compute(
    store: ProjectStore, reportIDs: [Int], layer: String?, annotators: [String]?, chunkSize: Int
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
    var totals = blanks
    try ReviewDocuments.forEachComparableChunk(
      store: store, reportIDs: reportIDs, layers: layers, people: people, chunkSize: chunkSize
    ) { documents in
      tally(documents, layers: compared, blanks: blanks, into: &totals)
    }
    return compared.compactMap { name in
      totals[name].map { (name, report($0, annotators: people, labels: (labels[name] ?? []).sorted())) }
    }
  }

  /// Documents tallied per layer together at a time, across the cores: small enough that a
  /// chunk of reports gives every core work, large enough that merging tallies costs little.
  static let pieceSize = 128

  /// Adds one chunk's `documents` to `totals`, each layer's pieces on whichever core is free.
  private static func tally(
    _ documents: [ReviewDocument], layers: [String], blanks: [String: AgreementAccumulator],
    into totals: inout [String: AgreementAccumulator]
  ) {
    var pieces: [(layer: String, blank: AgreementAccumulator, documents: ArraySlice<ReviewDocument>)] = []
    for layer in layers {
      guard let blank = blanks[layer] else { continue }
      let here = documents.filter { $0.layer == layer }
      for start in stride(from: 0, to: here.count, by: pieceSize) {
        pieces.append((layer, blank, here[start..<min(start + pieceSize, here.count)]))
      }
    }
    let work = pieces
    let results = ChunkResults(count: work.count)
    DispatchQueue.concurrentPerform(iterations: work.count) { index in
      var partial = work[index].blank
      for document in work[index].documents { partial.add(document) }
      results.store(partial, at: index)
    }
    // Every slot is filled, so the partials line up with the pieces; merged in order, so the
    // sums never depend on which core finished first.
    for (piece, partial) in zip(work, results.take()) { totals[piece.layer]?.merge(partial) }
  }
}
