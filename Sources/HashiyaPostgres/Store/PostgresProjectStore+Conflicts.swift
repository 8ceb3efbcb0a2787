import AnnotatorKit
import HashiyaModel

/// What a server does not do itself.
extension PostgresProjectStore {
  /// A server's copy is made by `save --copy`, which copies table by table into a new file.
  public func saveCopy(to path: String) throws(StoreError) {
    throw .unsupported(what: "saving a copy here (save --copy makes one)", path: self.path)
  }

  /// Merge conflicts a lead has not settled: whether each still stands is read from the event
  /// log by the file's own rules, on a scratch copy, and only when there are open rows at all.
  public func openConflicts() throws(StoreError) -> [MergeConflict] {
    let open = try read("read merge conflicts") { connection in
      try connection.int("SELECT count(*) FROM conflicts WHERE resolvedAt IS NULL") ?? 0
    }
    guard open > 0 else { return [] }
    guard let makeScratch = scratchProjects else { throw .unsupported(what: "merge conflicts", path: path) }
    do {
      let scratch = try makeScratch()
      defer { scratch.discard() }
      try scratch.store.load(from: self)
      return try scratch.store.openConflicts()
    } catch let error as StoreError {
      throw error
    } catch {
      throw .database(operation: "read merge conflicts", message: String(describing: error))
    }
  }

  /// Settles a conflict as the file does, through a scratch copy of this project.
  @discardableResult
  public func resolveConflict(_ id: Int, takeOther: Bool, author: String) throws -> MergeConflict {
    try throughScratchCopy("merge conflicts") { scratch in
      try scratch.resolveConflict(id, takeOther: takeOther, author: author)
    }
  }
}
