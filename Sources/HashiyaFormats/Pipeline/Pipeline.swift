import AnnotatorKit
import Foundation

/// Runs a bulk command in two stages on the two cores: a producer on a second thread (reading a
/// file or the project) and a consumer on the calling thread (writing the project or a file).
///
/// Items pass through a small bounded `PipelineQueue` in order, so memory stays flat however large
/// the input. An error on either side stops both: a producer's error reaches the consumer after
/// the items produced before it, and a consumer's error stops the producer at its next item.
/// `run` returns only once the producing thread has ended. A requested `Interruption` (Ctrl-C)
/// stops both the same way, at the next item.
enum Pipeline {
  static func run<Item>(
    capacity: Int,
    produce: @escaping (PipelineQueue<Item>) throws -> Void,
    consume: (Item) throws -> Void
  ) throws {
    let queue = PipelineQueue<Item>(capacity: capacity)
    let producer = UncheckedBox(produce)
    let thread = Thread {
      // Named for profilers; Linux keeps at most 15 bytes of a thread name.
      Thread.current.name = "hashiya-reader"
      do {
        try producer.value(queue)
        queue.finish(nil)
      } catch {
        queue.finish(error)
      }
    }
    // The JSON parser recurses per nesting level; give it the main thread's room.
    thread.stackSize = 8 << 20
    thread.start()
    do {
      var item = try queue.take()
      while let current = item {
        try Interruption.check()
        try consume(current)
        item = try queue.take(handingBack: current)
      }
    } catch {
      queue.stop()
      queue.waitUntilFinished()
      throw error
    }
  }

  /// Lets a closure that the producing thread alone runs cross to it.
  private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
  }
}
