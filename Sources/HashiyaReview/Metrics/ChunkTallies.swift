import Dispatch

/// Agreement tallies per layer, to which chunks of documents are added on another thread while
/// the caller reads the next chunk: reading is serial, tallying uses every core, and on few
/// cores the two overlap instead of taking turns.
///
/// At most one chunk is tallied at a time, so at most two are in memory. `add` and `finish`
/// are called from one thread; each waits for the chunk before, which is what orders the
/// background thread's writes to `totals` before anything reads them.
final class ChunkTallies: @unchecked Sendable {
  /// Documents tallied per layer together at a time, across the cores: small enough that a
  /// chunk of reports gives every core work, large enough that merging tallies costs little.
  static let pieceSize = 128

  private let blanks: [String: AgreementAccumulator]
  private let layers: [String]
  private var totals: [String: AgreementAccumulator]
  private let running = DispatchGroup()

  /// `blanks` holds the empty tallies of each of `layers`.
  init(blanks: [String: AgreementAccumulator], layers: [String]) {
    self.blanks = blanks
    self.layers = layers
    totals = blanks
  }

  /// Starts tallying `documents` once the chunk before is done.
  func add(_ documents: [ReviewDocument]) {
    running.wait()
    DispatchQueue.global().async(group: running) { self.tally(documents) }
  }

  /// The totals, once every chunk added is tallied.
  func finish() -> [String: AgreementAccumulator] {
    running.wait()
    return totals
  }

  /// Adds one chunk's `documents` to `totals`, each layer's pieces on whichever core is free.
  private func tally(_ documents: [ReviewDocument]) {
    var pieces: [(layer: String, blank: AgreementAccumulator, documents: ArraySlice<ReviewDocument>)] = []
    for layer in layers {
      guard let blank = blanks[layer] else { continue }
      let here = documents.filter { $0.layer == layer }
      for start in stride(from: 0, to: here.count, by: Self.pieceSize) {
        pieces.append((layer, blank, here[start..<min(start + Self.pieceSize, here.count)]))
      }
    }
    let partials = AgreementMetrics.tallies(pieces.map { ($0.blank, $0.documents) })
    for (piece, partial) in zip(pieces, partials) { totals[piece.layer]?.merge(partial) }
  }
}
