import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Reads an export's reports on a second thread, a batch ahead of the writer.
///
/// Reading (SQLite, decoding rows) and writing cost about the same, so on two cores an export
/// takes about the time of the slower half. What is left of a report once its rows are read —
/// checking a project file's text as UTF-8, then indexing it — is done by whichever side has
/// time: by the reader while the writer is behind, else by the writer. At most `batchLimit`
/// batches wait in between, so memory stays flat however large the project.
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
        func add(_ item: Item) throws {
          batch.append(item)
          guard batch.count == batchSize else { return }
          // The writer is behind: finish the reports here rather than wait for room.
          if queue.isFull {
            for index in batch.indices { try batch[index].finish() }
          }
          try queue.put(batch)
          batch.removeAll(keepingCapacity: true)
        }
        if let file = store as? ProjectStore {
          try file.forEachReportWithUncheckedText(selection) { try add(Item(bundle: $0, unchecked: $1)) }
        } else {
          try store.forEachReport(selection) { try add(Item(bundle: $0)) }
        }
        if !batch.isEmpty { try queue.put(batch) }
      },
      consume: { batch in
        for var item in batch {
          let text = try item.finish()
          let bundle = item.bundle
          // Every format promises text[start:end] == quote, and indexes the text by these offsets:
          // a row changed outside Hashiya must stop the export here rather than ship a wrong span.
          try bundle.annotations.withUnsafeBufferPointer { (annotations) throws(StoreError) in
            try Annotation.check(annotations, against: text)
          }
          try body(bundle, text)
        }
      })
  }

  /// A report on its way from the reader to the writer, finished by whichever has time.
  struct Item {
    var bundle: ReportBundle
    /// A project file's text, still to be checked and put in the report.
    var unchecked: UncheckedText?
    var text: ReportText?

    init(bundle: ReportBundle, unchecked: UncheckedText? = nil) {
      self.bundle = bundle
      self.unchecked = unchecked
    }

    /// Checks the text into the report, if it is not yet, and indexes it: a few offsets per span,
    /// so checkpoints, not tables.
    @discardableResult
    mutating func finish() throws(StoreError) -> ReportText {
      if let text { return text }
      if let unchecked {
        bundle.report.text = try unchecked.string()
        self.unchecked = nil
      }
      let made = ReportText(bundle.report.text, indexing: .checkpoints)
      text = made
      return made
    }
  }

  /// Reports are handed over in batches: one lock and at most one wake-up per batch rather than
  /// per report, which on a busy machine would cost more than the reading saves.
  static let batchSize = 32
  /// Batches waiting between the threads, at most.
  static let batchLimit = 4
}
