import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

extension ProjectStore {
  /// Reverts the author's latest command that is not yet undone, as a new batch of events.
  ///
  /// Undo works per user and across restarts: the stacks are derived from the event log, not kept
  /// in memory. A change someone else made since blocks the undo instead of being overwritten.
  public func undo(author: String) throws -> Reversal {
    try replayLatest(author: author, forward: false)
  }

  /// Replays the author's latest undone command, unless they changed something since.
  public func redo(author: String) throws -> Reversal {
    try replayLatest(author: author, forward: true)
  }

  /// Undoes (backward) or redoes (forward) the author's latest command that can be.
  ///
  /// The command's size is read before the transaction, whose journal depends on it
  /// (`largeWrite`); the transaction finds the command again, in case another session wrote
  /// meanwhile: from the list of commands, a lookup.
  private func replayLatest(author: String, forward: Bool) throws -> Reversal {
    let action = forward ? "redo" : "undo"
    let size = try read(action) { db in
      try Self.latestReplayable(db, author: author, forward: forward).map { try Self.replaySize(db, batch: $0) } ?? 0
    }
    return try largeWrite(action, expecting: size) { db in
      guard let batch = try Self.latestReplayable(db, author: author, forward: forward) else {
        throw StoreError.nothingTo(action: action, user: author)
      }
      return try Self.replay(db, batch: batch, action: action, author: author, forward: forward)
    }
  }

  /// The batch the author's next undo (backward) or redo (forward) replays, if any.
  private static func latestReplayable(_ db: Database, author: String, forward: Bool) throws -> String? {
    let (done, undone) = try undoStacks(db, author: author)
    return forward ? undone.last : done.last
  }

  /// How many events of `batch` a replay goes through, counted only as far as `journaledRows`:
  /// enough to tell a large change.
  private static func replaySize(_ db: Database, batch: String) throws -> Int {
    try Int.fetchOne(
      db, sql: "SELECT count(*) FROM (SELECT 1 FROM events WHERE batch = ? LIMIT ?)",
      arguments: [batch, journaledRows]) ?? 0
  }

  static let undoableEntities = EventSnapshot.undoableEntities

  /// The author's batches that can be undone (oldest first) and those that can be redone, from
  /// the commands table: one row per batch holding an undoable event (`noteCommands`).
  static func undoStacks(_ db: Database, author: String) throws -> (done: [String], undone: [String]) {
    let rows = try Row.fetchAll(
      db, sql: "SELECT batch, kind FROM commands WHERE author = ? ORDER BY firstEvent", arguments: [author])
    return EventSnapshot.undoStacks(
      try rows.map { row throws(StoreError) in
        (try row.checked(0, "a command of \(author)"), try row.checked(1, "a command of \(author)"))
      })
  }

  /// Lists the commands begun by the events after `event` that hold an undoable one, each with its
  /// author, first event and kind (`undo`, `redo` or `change`): what `EventSnapshot.undoStacks`
  /// folds. A change lists its own with its first undoable event; a merge, a copy and the upgrade
  /// list those of the events they bring.
  static func noteCommands(_ db: Database, after event: Int) throws {
    // NOT INDEXED keeps SQLite reading the events by id from `event` on: left to itself, it walks
    // the whole batch index to save sorting the groups, a second on a log of 25 million events.
    try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO commands (batch, author, firstEvent, kind) "
        + EventSnapshot.commandRows(from: "events NOT INDEXED", where: "id > ?")
    ).execute(arguments: [event])
  }

  /// Calls `body` with the undoable events of a batch a page at a time, oldest first or newest
  /// first, each page read after the last one seen: the events `body` appends belong to another batch.
  static func forEachChangePage(
    _ db: Database, batch: String, newestFirst: Bool, _ body: ([ProjectEvent]) throws -> Void
  ) throws {
    // The batch index ends in the rowid, so each page is a range of it.
    let page = try db.cachedStatement(
      sql: """
        SELECT * FROM events WHERE batch = ? AND entity IN (\(undoableEntities))
          AND id \(newestFirst ? "<" : ">") ? ORDER BY id \(newestFirst ? "DESC" : "ASC") LIMIT ?
        """)
    var bound = newestFirst ? Int.max : 0
    while true {
      let events = try Row.decodedAll(page, arguments: [batch, bound, ReversalTally.eventsPerPage], event(from:))
      try body(events)
      guard events.count == ReversalTally.eventsPerPage, let last = events.last else { return }
      bound = last.id
    }
  }

  /// Moves each event's entity from one recorded state to the other: backward for undo, forward for redo.
  private static func replay(
    _ db: Database, batch: String, action: String, author: String, forward: Bool
  ) throws -> Reversal {
    let changes = AnnotationChanges(
      db: db, author: author, batch: OrderedUUID.make(), now: try nextEventTime(db))
    var tally = ReversalTally()
    try forEachChangePage(db, batch: batch, newestFirst: !forward) { events in
      // A page's annotations are read in one query, not one each, and kept as the replay writes
      // them: only this loop changes annotations until the page ends.
      var annotations = try Self.annotations(
        db, uuids: events.filter { $0.entity == "annotation" }.compactMap(\.entityID))
      for event in events {
        tally.replaying(event)
        guard let uuid = event.entityID else { continue }
        if event.entity == "annotation" {
          guard let current = annotations[uuid] else { continue }
          guard
            let (found, replayed) = try EventSnapshot.replayed(current, by: event, forward: forward, at: changes.now)
          else {
            throw StoreError.changedSince(action: action, handle: current.id, by: try lastAuthor(db, uuid) ?? "someone")
          }
          try changes.write(replayed)
          annotations[uuid] = replayed
          try changes.appendEvent(
            action: action, entity: "annotation", id: uuid, report: replayed.reportID, before: found,
            after: EventSnapshot.of(replayed), reverts: event.id)
          tally.changed(replayed.id)
        } else if event.entity == "suggestion" {
          try replaySuggestion(db, event, forward: forward, changes: changes, action: action)
        } else if event.entity == "review-unit" {
          // A review decision only ever moves between active and withdrawn.
          let status = try event.replayedStatus(forward: forward)
          try db.execute(
            sql: "UPDATE reviewDecisions SET status = ? WHERE uuid = ?", arguments: [status.rawValue, uuid])
          try changes.appendEvent(
            action: action, entity: "review-unit", id: uuid, report: event.reportID,
            before: event.replayedStates(forward: forward).expected,
            after: EventState(["status": .string(status.rawValue)]), reverts: event.id)
        } else {
          try replayLink(db, event, uuid: uuid, forward: forward, changes: changes, action: action)
        }
      }
    }
    return tally.reversal(action: action)
  }

  /// Moves a link to the status an event recorded.
  private static func replayLink(
    _ db: Database, _ event: ProjectEvent, uuid: String, forward: Bool, changes: AnnotationChanges, action: String
  ) throws {
    // Prepared once per undo: that of `accept all` takes back thousands of links.
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT * FROM links WHERE uuid = ?"), arguments: [uuid])
    else { return }
    var link = try link(from: row)
    let before = link
    link.status = try event.replayedStatus(forward: forward)
    try db.cachedStatement(sql: "UPDATE links SET status = ? WHERE id = ?").execute(
      arguments: [link.status.rawValue, link.id])
    try changes.appendEvent(
      action: action, entity: "link", id: uuid, report: event.reportID, before: EventSnapshot.of(before),
      after: EventSnapshot.of(link), reverts: event.id)
  }

  private static func lastAuthor(_ db: Database, _ uuid: String) throws -> String? {
    try String.fetchOne(
      db,
      sql: """
        SELECT author FROM events WHERE entity = 'annotation' AND entityId = ? AND \(ProjectSchema.keyedEntities)
        ORDER BY id DESC LIMIT 1
        """, arguments: [uuid])
  }

  /// An event from a `SELECT *` row, read by position (`ProjectSchema.eventColumns`): looking
  /// columns up by name was a tenth of an undo of `accept all`.
  static func event(from row: Row) throws(StoreError) -> ProjectEvent {
    let id: Int = try row.checked(0, "an event")
    // Made only for an error: an undo of `accept all` reads tens of thousands of events.
    let what = { "event \(id)" }
    return ProjectEvent(
      id: id, uuid: try row.checked(1, what()), at: try row.checked(2, what()),
      author: try row.checked(3, what()), action: try row.checked(4, what()),
      entity: try row.checked(5, what()), entityID: try row.checked(6, what()),
      reportID: try row.checked(7, what()), before: try row.checked(8, what()),
      after: try row.checked(9, what()), reverts: try row.checked(10, what()),
      batch: try row.checked(11, what()))
  }
}
