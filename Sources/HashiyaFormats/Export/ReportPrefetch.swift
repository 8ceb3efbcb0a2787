import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Reads an export's reports on a second thread, a batch ahead of the writer.
///
/// Reading (SQLite, decoding rows) and writing cost about the same, so on two cores an export
/// takes about the time of the slower half. Each text's offset tables are built by whichever
/// side has time: by the reader while the writer is behind, else by the writer. At most
/// `batchLimit` batches wait in between, so memory stays flat however large the
/// project.
public enum ReportPrefetch {
  /// Calls `body` on the calling thread with each selected report and its text, in id order, as
  /// `ProjectStoring.forEachReport` would, every annotation checked against the text; an error
  /// from either side stops both.
  public static func forEachReport(
    in store: any ProjectStoring, _ selection: ExportSelection, _ body: (ReportBundle, ReportText) throws -> Void
  ) throws {
    try Pipeline.run(
      capacity: batchLimit,
      produce: { (queue: PipelineQueue<[Item]>) in
        var batch: [Item] = []
        try store.forEachReport(selection) { bundle in
          batch.append((bundle, nil))
          if batch.count == batchSize {
            // The writer is behind: build the texts here rather than wait for room.
            if queue.isFull {
              for index in batch.indices { batch[index].text = Self.text(of: batch[index].bundle) }
            }
            try queue.put(batch)
            batch.removeAll(keepingCapacity: true)
          }
        }
        if !batch.isEmpty { try queue.put(batch) }
      },
      consume: { batch in
        for (bundle, text) in batch {
          let text = text ?? Self.text(of: bundle)
          // Every format promises text[start:end] == quote, and indexes the text by these offsets:
          // a row changed outside Hashiya must stop the export here rather than ship a wrong span.
          // Checked through a buffer, whose elements are lent in place rather than copied out.
          try bundle.annotations.withUnsafeBufferPointer { annotations in
            for index in annotations.indices { try annotations[index].check(against: text) }
          }
          try body(bundle, text)
        }
      })
  }

  /// A report's text as the formats use it: a few offsets per span, so checkpoints, not tables.
  static func text(of bundle: ReportBundle) -> ReportText {
    ReportText(bundle.report.text, indexing: .checkpoints)
  }

  /// A report, and its text when the reader built it (nil leaves it to the writer).
  typealias Item = (bundle: ReportBundle, text: ReportText?)

  /// Reports are handed over in batches: one lock and at most one wake-up per batch rather than
  /// per report, which on a busy machine would cost more than the reading saves.
  static let batchSize = 32
  /// Batches waiting between the threads, at most.
  static let batchLimit = 4
}
