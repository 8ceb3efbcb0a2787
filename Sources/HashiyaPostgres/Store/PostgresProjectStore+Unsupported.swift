import AnnotatorKit
import HashiyaModel

/// What a server project cannot do yet: each says so by name and changes nothing, rather than
/// pretending. The list shrinks as the server catches up with the file.
extension PostgresProjectStore {
  private func unsupported(_ what: String) -> StoreError { .unsupported(what: what, path: path) }

  /// A server's copy is made by `save --copy`, which copies table by table into a new file.
  public func saveCopy(to path: String) throws(StoreError) { throw unsupported("saving a copy here") }

  public func openConflicts() throws(StoreError) -> [MergeConflict] { [] }
  @discardableResult
  public func resolveConflict(_ id: Int, takeOther: Bool, author: String) throws -> MergeConflict {
    throw unsupported("merge conflicts")
  }
}

extension PostgresProjectStore: ProjectStoring {
  /// The project's identity, the same in every copy of it.
  public func projectUID() throws(StoreError) -> String {
    try read("read the project's identity") { connection in
      guard let uid = try connection.rows("SELECT value FROM meta WHERE key = 'uid'").first?.optionalText(0) else {
        throw StoreError.damaged(what: "the project", reason: "it has no uid in meta")
      }
      return uid
    }
  }
}
