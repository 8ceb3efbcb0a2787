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

  /// Maps the items as `map` does while one core runs `job`, which the others do not wait for
  /// before starting on the items: a serial step (writing the previous results) then costs no
  /// time of its own as long as the items take longer.
  public static func map<Item: Sendable, Output: Sendable, JobOutput: Sendable>(
    _ items: [Item], alongside job: @Sendable () -> JobOutput, _ transform: @Sendable (Item) -> Output
  ) -> (outputs: [Output], job: JobOutput) {
    let results = ResultSlots<Output>(count: items.count)
    let jobResult = ResultSlots<JobOutput>(count: 1)
    // Iterations are handed out in order, so the job starts first, on whichever thread is free.
    DispatchQueue.concurrentPerform(iterations: items.count + 1) { index in
      if index == 0 {
        jobResult.set(0, job())
      } else {
        results.set(index - 1, transform(items[index - 1]))
      }
    }
    return (results.values(), jobResult.values()[0])
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

  /// Every slot's value; all were set by the time this is called.
  func values() -> [Output] { slots.compactMap { $0 } }
}
