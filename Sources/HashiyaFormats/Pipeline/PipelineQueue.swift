import Foundation

/// The bounded queue between a `Pipeline`'s producing thread and its consumer.
final class PipelineQueue<Item>: @unchecked Sendable {
  /// Thrown to the producer when the consumer has given up.
  struct Stopped: Error {}

  private let condition = NSCondition()
  private let capacity: Int
  private var items: [Item] = []
  private var head = 0
  private var finished = false
  private var stopped = false
  private var failure: (any Error)?
  /// Items the consumer is done with, handed back so the producer frees them: freeing a report's
  /// many strings costs the writer time that the import waits on.
  private var spent: [Item] = []

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Whether a `put` now would wait: the consumer is behind.
  var isFull: Bool {
    condition.lock()
    defer { condition.unlock() }
    return items.count - head >= capacity
  }

  /// Adds an item, blocking while the queue is full; throws once the consumer has given up.
  ///
  /// The items the consumer has finished with are freed here, on the producing thread.
  func put(_ item: Item) throws {
    let spentItems = try enqueue(item)
    // Released here, once the lock is no longer held.
    _ = spentItems
  }

  private func enqueue(_ item: Item) throws -> [Item] {
    condition.lock()
    defer { condition.unlock() }
    while items.count - head >= capacity && !stopped { condition.wait() }
    if stopped { throw Stopped() }
    if head >= capacity {
      items.removeFirst(head)
      head = 0
    }
    items.append(item)
    condition.broadcast()
    var handedBack: [Item] = []
    swap(&handedBack, &spent)
    return handedBack
  }

  /// The next item in order; nil once the producer has finished, or its error after its last item.
  ///
  /// `done` is the item the consumer finished with, which the producer frees at its next `put`.
  func take(handingBack done: Item? = nil) throws -> Item? {
    condition.lock()
    defer { condition.unlock() }
    if let done { spent.append(done) }
    while head == items.count && !finished { condition.wait() }
    if head < items.count {
      let item = items[head]
      head += 1
      condition.broadcast()
      return item
    }
    if let failure { throw failure }
    return nil
  }

  /// The producer is done, after its last item or with the error that stopped it.
  func finish(_ error: (any Error)?) {
    condition.lock()
    defer { condition.unlock() }
    finished = true
    failure = error
    condition.broadcast()
  }

  /// The consumer failed: the producer stops at its next `put`, and waiting items are dropped.
  func stop() {
    condition.lock()
    defer { condition.unlock() }
    stopped = true
    items.removeAll()
    head = 0
    condition.broadcast()
  }

  func waitUntilFinished() {
    condition.lock()
    defer { condition.unlock() }
    while !finished { condition.wait() }
  }
}
