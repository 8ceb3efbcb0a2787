import AnnotatorKit
import Foundation

/// Runs a bulk command in two stages on the two cores: a producer on a second thread (reading a
/// file or the project) and a consumer on the calling thread (writing the project or a file).
///
/// Items pass through a small bounded `PipelineQueue` in order, so memory stays flat however large
/// the input. An error on either side stops both: a producer's error reaches the consumer after
/// the items produced before it, and a consumer's error stops the producer at its next item.
/// `run` returns only once the producer has ended and let go of what it captured. A requested
/// `Interruption` (Ctrl-C) stops both the same way, at the next item.
enum Pipeline {
  static func run<Item>(
    capacity: Int,
    produce: @escaping (PipelineQueue<Item>) throws -> Void,
    consume: (Item) throws -> Void
  ) throws {
    let queue = PipelineQueue<Item>(capacity: capacity)
    let producer = ProducerSlot(produce)
    let thread = Thread {
      // Named for profilers; Linux keeps at most 15 bytes of a thread name.
      Thread.current.name = "hashiya-reader"
      queue.finish(producer.run(queue))
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

  /// Hands the producer to its thread, which runs it once and lets go of it before it reports
  /// the end.
  ///
  /// The thread object keeps its block, and with it this slot, until the thread has exited, after
  /// `run` may have returned. Were the producer kept too, so would be what it captured: a project
  /// released that late is closed after the program exits, if at all, and leaves its write-ahead
  /// log behind.
  private final class ProducerSlot<Item>: @unchecked Sendable {
    private var produce: ((PipelineQueue<Item>) throws -> Void)?

    init(_ produce: @escaping (PipelineQueue<Item>) throws -> Void) { self.produce = produce }

    /// Runs the producer and drops it; returns the error that stopped it, if any.
    func run(_ queue: PipelineQueue<Item>) -> (any Error)? {
      guard let produce else { return nil }
      self.produce = nil
      do {
        try produce(queue)
        return nil
      } catch {
        return error
      }
    }
  }
}
