import AnnotatorKit
import Foundation
import HashiyaStore

/// Reads an export's reports on a second thread, a batch ahead of the writer.
///
/// Reading (SQLite, decoding rows) and writing cost about the same, so on two cores an export
/// takes about the time of the slower half. Each text's offset tables are built by whichever
/// side has time: by the reader while the writer is behind, else by the writer. At most
/// `ReportHandoff.batchLimit` batches wait in between, so memory stays flat however large the
/// project.
public enum ReportPrefetch {
  /// Calls `body` on the calling thread with each selected report and its text, in id order, as
  /// `ProjectStore.forEachReport` would; an error from either side stops both.
  public static func forEachReport(
    in store: ProjectStore, _ selection: ExportSelection, _ body: (ReportBundle, ReportText) throws -> Void
  ) throws {
    let handoff = ReportHandoff()
    let reader = Thread {
      do {
        var batch: [ReportHandoff.Item] = []
        try store.forEachReport(selection) { bundle in
          batch.append((bundle, nil))
          if batch.count == ReportHandoff.batchSize {
            // The writer is behind: build the texts here rather than wait for room.
            if handoff.isFull {
              for index in batch.indices { batch[index].text = ReportText(batch[index].bundle.report.text) }
            }
            try handoff.put(batch)
            batch.removeAll(keepingCapacity: true)
          }
        }
        if !batch.isEmpty { try handoff.put(batch) }
        handoff.finish(nil)
      } catch {
        handoff.finish(error)
      }
    }
    reader.start()
    // The reader must be done with the project before this returns, however it returns.
    defer { handoff.waitUntilFinished() }
    do {
      while let batch = try handoff.take() {
        for (bundle, text) in batch { try body(bundle, text ?? ReportText(bundle.report.text)) }
      }
    } catch {
      handoff.cancel()
      throw error
    }
  }
}

/// The bounded queue between the reading thread and the writing one.
///
/// Reports are handed over in batches: one lock and at most one wake-up per batch rather than
/// per report, which on a busy machine would cost more than the reading saves.
private final class ReportHandoff: @unchecked Sendable {
  /// The text is nil when the reader left it for the writer to build.
  typealias Item = (bundle: ReportBundle, text: ReportText?)

  static let batchSize = 32
  static let batchLimit = 4

  private let condition = NSCondition()
  private var batches: [[Item]] = []
  private var finished = false
  private var failure: (any Error)?
  private var cancelled = false

  /// Whether a `put` now would wait.
  var isFull: Bool {
    condition.lock()
    defer { condition.unlock() }
    return batches.count >= Self.batchLimit
  }

  /// Blocks while the queue is full; throws once the writer has given up.
  func put(_ batch: [Item]) throws {
    condition.lock()
    defer { condition.unlock() }
    while batches.count >= Self.batchLimit && !cancelled { condition.wait() }
    if cancelled { throw CancellationError() }
    batches.append(batch)
    condition.broadcast()
  }

  /// The reader is done, after the last batch or with the error that stopped it.
  func finish(_ error: (any Error)?) {
    condition.lock()
    defer { condition.unlock() }
    finished = true
    failure = error
    condition.broadcast()
  }

  /// The next batch, nil at the end, or the reader's error.
  func take() throws -> [Item]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && !finished { condition.wait() }
    if !batches.isEmpty {
      condition.broadcast()
      return batches.removeFirst()
    }
    if let failure { throw failure }
    return nil
  }

  /// The writer failed: the reader stops at its next batch.
  func cancel() {
    condition.lock()
    defer { condition.unlock() }
    cancelled = true
    batches.removeAll()
    condition.broadcast()
  }

  func waitUntilFinished() {
    condition.lock()
    defer { condition.unlock() }
    while !finished { condition.wait() }
  }
}
