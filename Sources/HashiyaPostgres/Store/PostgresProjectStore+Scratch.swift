import AnnotatorKit
import HashiyaModel

extension PostgresProjectStore {
  /// Runs `work` on a scratch copy of this project, made while other writers wait, then takes the
  /// copy's new and changed rows: the server's merge and conflict settling are the file's own,
  /// run this way, so the two backends cannot disagree on them.
  func throughScratchCopy<T>(_ what: String, _ work: (any ProjectStoring) throws -> T) throws -> T {
    guard let makeScratch = scratchProjects else {
      throw StoreError.unsupported(what: what, path: path)
    }
    var result: T?
    try mergeThroughCopy { current in
      let scratch = try makeScratch()
      // The scratch copy is removed only after its rows have been read back below.
      discardAfterMerge = scratch.discard
      try scratch.store.load(from: current)
      result = try work(scratch.store)
      return scratch.store
    }
    guard let result else { throw StoreError.unsupported(what: what, path: path) }
    return result
  }

  /// Merges another copy of the project, through a scratch copy of this one.
  public func merge(
    from other: any ProjectStoring, author: String, checking check: (ReportBundle) throws -> ReportBundle
  ) throws -> MergeOutcome {
    try throughScratchCopy("merging into a server project") { scratch in
      try scratch.merge(from: other, author: author, checking: check)
    }
  }

  /// Every problem with the project's rows, up to `limit`: the file's own checks (quotes against
  /// the text, layers and labels, links, the event log) run on a scratch copy of one snapshot.
  /// The server keeps its own storage sound; what it cannot vouch for is what was written.
  public func check(limit: Int) throws(StoreError) -> [ProjectProblem] {
    guard let makeScratch = scratchProjects else { throw .unsupported(what: "check", path: path) }
    do {
      let scratch = try makeScratch()
      defer { scratch.discard() }
      do {
        try scratch.store.load(from: self)
      } catch {
        // Rows the file's constraints refuse are a problem in themselves.
        return [ProjectProblem(kind: .schema, location: path, message: "its rows do not copy: \(error)")]
      }
      return try scratch.store.check(limit: limit)
    } catch let error as StoreError {
      throw error
    } catch {
      throw .database(operation: "check \(path)", message: String(describing: error))
    }
  }
}
