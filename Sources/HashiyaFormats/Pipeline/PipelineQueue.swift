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
  func put(_ item: Item) throws {
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
  }

  /// The next item in order; nil once the producer has finished, or its error after its last item.
  func take() throws -> Item? {
    condition.lock()
    defer { condition.unlock() }
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
