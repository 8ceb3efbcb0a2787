/// One entry of the append-only event log: who changed what, when, before and after.
public struct ProjectEvent: Sendable, Equatable {
  public var id: Int
  public var uuid: String
  public var at: String
  public var author: String
  public var action: String
  public var entity: String
  public var entityID: String?
  public var reportID: Int?
  /// JSON text of the state before the change, if any.
  public var before: String?
  /// JSON text of the state after the change, if any.
  public var after: String?
  /// The event this one undoes, if it is an undo.
  public var reverts: Int?
  /// The command this event belongs to; `undo` reverts a whole batch.
  public var batch: String

  /// Makes the value from its fields.
  public init(
    id: Int, uuid: String, at: String, author: String, action: String, entity: String, entityID: String?,
    reportID: Int?, before: String?, after: String?, reverts: Int?, batch: String
  ) {
    self.id = id
    self.uuid = uuid
    self.at = at
    self.author = author
    self.action = action
    self.entity = entity
    self.entityID = entityID
    self.reportID = reportID
    self.before = before
    self.after = after
    self.reverts = reverts
    self.batch = batch
  }
}
