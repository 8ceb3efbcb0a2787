import Dispatch
import Foundation

/// Maps independent items on all cores, keeping their order; for CPU-bound work such as suggesting.
public enum ParallelMap {
  public static func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Output)
    -> [Output]
  {
    guard items.count > 1 else { return items.map(transform) }
    let results = ResultSlots<Output>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
      results.set(index, transform(items[index]))
    }
    return results.values()
  }
}

/// Slots written once each from several threads, read after they all finished.
private final class ResultSlots<Output: Sendable>: @unchecked Sendable {
  private var slots: [Output?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Output) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [Output] { slots.map { $0! } }
}
