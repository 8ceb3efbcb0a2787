/// The parts of an event its writer chooses; id, uuid and time are filled in on append.
package struct EventDraft {
  package var author: String
  package var action: String
  package var entity: String
  package var entityID: String? = nil
  package var reportID: Int? = nil
  package var before: String? = nil
  package var after: String? = nil
  package var reverts: Int? = nil
  /// Groups the events of one command, which `undo` reverts together.
  package var batch: String

  package init(
    author: String, action: String, entity: String, entityID: String? = nil, reportID: Int? = nil,
    before: String? = nil, after: String? = nil, reverts: Int? = nil, batch: String
  ) {
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
