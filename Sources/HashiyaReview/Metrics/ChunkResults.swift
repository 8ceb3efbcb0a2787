import Foundation

/// Slots that concurrent workers fill with their partial tallies, one slot per chunk.
///
/// A lock rather than `Mutex` because the package still supports macOS 13,
/// where `Synchronization` is unavailable.
final class ChunkResults: @unchecked Sendable {
  private var slots: [AgreementAccumulator?]
  private let lock = NSLock()

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func store(_ partial: AgreementAccumulator, at index: Int) {
    lock.lock()
    slots[index] = partial
    lock.unlock()
  }

  /// The filled slots in chunk order, so merging is deterministic.
  func take() -> [AgreementAccumulator] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
