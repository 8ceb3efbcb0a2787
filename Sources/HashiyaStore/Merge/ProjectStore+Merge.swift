import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

extension ProjectStore {
  /// Brings a teammate's project in as a three-way merge of the two event logs, field by field.
  ///
  /// Reports are matched by uid and text; annotations, links, reviews and review decisions by
  /// UUID; review states and suggestion decisions by what they are about. The other file's
  /// events join the log, and each field they touched takes the value of its latest change in
  /// the merged log; a field both sides changed differently since they parted is a conflict,
  /// decided the same way on every machine and recorded for a lead. The result depends only on
  /// what the two files hold, so merges in any order give the same project, and twice is once.
  ///
  /// `other` is read one report at a time. `check` returns a report's bundle without the
  /// annotations that must not come in; those stay out with their links, reviews and events.
  public func merge(
    from other: any ProjectStoring, author: String, checking check: (ReportBundle) throws -> ReportBundle = { $0 }
  ) throws -> MergeOutcome {
    // The other copy's review work, events, assignments and team are read with SQL: a server
    // project is first copied into a file of its own, which goes once the merge is done.
    guard let other = other as? ProjectStore else {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hashiya-merge-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
      defer { try? FileManager.default.removeItem(at: folder) }
      let copy = try ProjectStore.open(path: folder.appendingPathComponent("server.hashiya").path)
      try copy.load(from: other)
      return try mergeFile(copy, named: other.path, author: author, checking: check)
    }
    return try mergeFile(other, named: other.path, author: author, checking: check)
  }

  private func mergeFile(
    _ other: ProjectStore, named source: String, author: String, checking check: (ReportBundle) throws -> ReportBundle
  ) throws -> MergeOutcome {
    let layers = try other.layerRecords()
    return try write("merge \(source)") { db in
      let merge = try ProjectMerge(db: db, author: author)
      try merge.mergeLayers(layers)
      try other.forEachReport(ExportSelection(includeDeleted: true)) { bundle in
        try merge.add(bundle, check: check)
      }
      try other.read("read \(other.path)") { their in
        try merge.mergeReviewWork(from: their)
        try merge.appendEvents(from: their)
        try merge.noteCommands()
        try ProjectMerge.mergeAssignments(into: db, from: their)
        try merge.replayTouched(against: their)
        try merge.mergeConflicts(from: their)
        try ProjectMerge.mergeTeam(into: db, from: their)
      }
      try Self.settleSuggestionDecisions(db)
      try merge.recordMerge(source: source)
      return merge.outcome
    }
  }
}
