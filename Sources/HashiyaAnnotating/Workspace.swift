import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// A project as one person works on it: the store, the layers they have, and who they are.
///
/// This is what every front end shares below its own state (the prompt's current report, a web
/// page's selection): annotations are written through `change(writingTo:_:)` and drafted by
/// `AnnotationWriter`, reviews settled by `Adjudicator`, so none of them copies the write path.
public final class Workspace {
  public let store: any ProjectStoring
  public let catalog: LayerCatalog
  /// Who writes: the author of every change made here.
  public let user: String

  public init(store: any ProjectStoring, catalog: LayerCatalog, user: String) {
    self.store = store
    self.catalog = catalog
    self.user = user
  }

  /// Runs one command's changes as one transaction of the store, first recording the schemas of
  /// the plugin layers it writes to that this workspace has not recorded yet: the file never
  /// holds a layer's annotations without its schema, nor a schema for a write that failed.
  ///
  /// `rows` is how many rows the command expects to change (`accept all` of a long list), which a
  /// store may write a large change by.
  @discardableResult
  public func change<T>(
    writingTo layers: [String], expecting rows: Int = 0, _ body: (any AnnotationChanging) throws -> T
  ) throws -> T {
    let records = Set(layers).sorted().compactMap { catalog.unrecordedSchema(of: $0) }
    let result = try store.change(author: user, expecting: rows) { changes in
      for record in records { try changes.register(record) }
      return try body(changes)
    }
    catalog.noteRecorded(records.map(\.id))
    return result
  }

  /// What this workspace's user may see and change, read afresh: a lead may change the team or
  /// the blind setting at any time, from another session too.
  public func access() throws -> TeamAccess {
    try store.access(for: user)
  }

  /// Refuses what only leads may see (agreement, diff, review) to an annotator.
  @discardableResult
  public func requireLead(_ action: String) throws -> TeamAccess {
    let access = try access()
    guard access.isLead else { throw TeamError.leadsOnly(action: action, user: user) }
    return access
  }

  /// The schema of `layer`, from its plugin or else from the project file.
  public func schema(_ layer: String) throws -> LayerSchema {
    try catalog.schema(layer, store: store)
  }

  /// Stops the plugin processes this workspace started.
  public func shutdown() {
    catalog.shutdown()
  }
}
