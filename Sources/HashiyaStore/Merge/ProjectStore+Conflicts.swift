import AnnotatorKit
import GRDB
import HashiyaModel

extension ProjectStore {
  /// Merge conflicts a lead has not settled, oldest first.
  ///
  /// A conflict is open while nobody has resolved it and the field still holds the value the
  /// merge kept: anyone changing that field again has decided it too. Both are facts every copy
  /// comes to share, so every copy lists the same open conflicts once they have merged.
  public func openConflicts() throws(StoreError) -> [MergeConflict] {
    try read("read merge conflicts") { db in
      try Row.fetchAll(db, sql: "SELECT * FROM conflicts WHERE resolvedAt IS NULL ORDER BY id").compactMap { row in
        let conflict = try Self.conflict(db, from: row)
        return try Self.isStanding(db, conflict, keptEvent: try row.checked("keptEvent", "conflict \(conflict.id)"))
          ? conflict : nil
      }
    }
  }

  /// Settles open conflict `id`: keeps the merged value, or with `takeOther` first sets the
  /// other side's value as an ordinary change of `author` (which `undo` takes back).
  @discardableResult
  public func resolveConflict(_ id: Int, takeOther: Bool, author: String) throws -> MergeConflict {
    guard let conflict = try openConflicts().first(where: { $0.id == id }) else {
      throw StoreError.noSuchConflict(id: id)
    }
    try fileChange(author: author) { changes in
      if takeOther { try changes.set(conflict.field, to: conflict.otherValue, on: conflict) }
      try changes.db.execute(
        sql: "UPDATE conflicts SET resolvedBy = ?, resolvedAt = ? WHERE id = ?",
        arguments: [author, changes.now, id])
    }
    var resolved = conflict
    resolved.resolvedBy = author
    return resolved
  }

  private static func conflict(_ db: Database, from row: Row) throws -> MergeConflict {
    let id: Int = try row.checked("id", "a conflict")
    let what = "conflict \(id)"
    let entity: String = try row.checked("entity", what)
    let uuid: String = try row.checked("entityId", what)
    let handle =
      entity == "annotation"
      ? try Int.fetchOne(db.cachedStatement(sql: "SELECT id FROM annotations WHERE uuid = ?"), arguments: [uuid])
      : nil
    return MergeConflict(
      id: id, entity: entity, entityUUID: uuid, handle: handle, field: try row.checked("field", what),
      keptValue: try row.checked("keptValue", what), keptAuthor: try row.checked("keptAuthor", what),
      otherValue: try row.checked("otherValue", what), otherAuthor: try row.checked("otherAuthor", what),
      resolvedBy: try row.checked("resolvedBy", what))
  }

  /// Whether the change the merge kept is still the latest of its field.
  private static func isStanding(_ db: Database, _ conflict: MergeConflict, keptEvent: String) throws -> Bool {
    try EntityHistory(db, entity: conflict.entity, uuid: conflict.entityUUID).latest(conflict.field)?.uuid == keptEvent
  }
}

extension AnnotationChanges {
  /// Sets one field of a conflict's annotation, link or review decision to a recorded value.
  fileprivate func set(_ field: String, to json: String?, on conflict: MergeConflict) throws {
    let value = try json.map { try JSONParser.parse($0) }
    guard conflict.entity == "annotation" else {
      let table = ProjectMerge.table(of: conflict.entity)
      let status = value?.stringValue ?? "active"
      let current = try String.fetchOne(
        db, sql: "SELECT status FROM \(table) WHERE uuid = ?", arguments: [conflict.entityUUID])
      guard let current, current != status else { return }
      try db.execute(sql: "UPDATE \(table) SET status = ? WHERE uuid = ?", arguments: [status, conflict.entityUUID])
      try appendEvent(
        action: "update", entity: conflict.entity, id: conflict.entityUUID, report: nil,
        before: ["status": .string(current)], after: ["status": .string(status)])
      return
    }
    guard let handle = conflict.handle else { throw StoreError.noSuchConflict(id: conflict.id) }
    let before = try annotation(handle)
    var after = before
    switch field {
    case "label": after.label = value?.stringValue ?? before.label
    case "status": after.status = value?.stringValue.flatMap(Annotation.Status.init) ?? before.status
    default: after.attributes[conflict.fieldName] = value
    }
    guard after != before else { return }
    after.updatedAt = now
    try write(after)
    try record("update", after, before: before, after: after)
  }
}
