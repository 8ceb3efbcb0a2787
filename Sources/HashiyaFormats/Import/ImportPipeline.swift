import Foundation

/// Runs an import's reading and checking on a second thread while the calling thread writes, so
/// parsing and the database each keep a core busy.
///
/// Items pass through a small bounded queue in file order. An error on either side stops both:
/// a reading error reaches the writer after the items read before it, and a writing error stops
/// the reader at its next item. `run` returns only once the reading thread has ended.
enum ImportPipeline {
  static func run<Item>(
    capacity: Int = 32,
    produce: @escaping (_ emit: (Item) throws -> Void) throws -> Void,
    consume: (Item) throws -> Void
  ) throws {
    let queue = Handoff<Item>(capacity: capacity)
    let producer = UncheckedBox(produce)
    let thread = Thread {
      Thread.current.name = "import-reader"
      do {
        try producer.value { try queue.put($0) }
        queue.finish(nil)
      } catch {
        queue.finish(error)
      }
    }
    // The JSON parser recurses per nesting level; give it the main thread's room.
    thread.stackSize = 8 << 20
    thread.start()
    do {
      while let item = try queue.take() { try consume(item) }
    } catch {
      queue.stop()
      queue.waitUntilFinished()
      throw error
    }
  }

  /// Lets a closure that the reading thread alone runs cross to it.
  private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }

  /// The bounded queue between the reading thread and the writer.
  private final class Handoff<Element>: @unchecked Sendable {
    /// Thrown to the reader when the writer has given up.
    struct Stopped: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var items: [Element] = []
    private var head = 0
    private var finished = false
    private var stopped = false
    private var failure: (any Error)?

    init(capacity: Int) {
      self.capacity = capacity
    }

    func put(_ item: Element) throws {
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

    /// The next item in order; nil once the reader has finished, or its error after its last item.
    func take() throws -> Element? {
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

    func finish(_ error: (any Error)?) {
      condition.lock()
      finished = true
      failure = error
      condition.broadcast()
      condition.unlock()
    }

    func stop() {
      condition.lock()
      stopped = true
      condition.broadcast()
      condition.unlock()
    }

    func waitUntilFinished() {
      condition.lock()
      while !finished { condition.wait() }
      condition.unlock()
    }
  }
}
