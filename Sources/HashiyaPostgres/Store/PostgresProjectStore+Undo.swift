import AnnotatorKit
import HashiyaModel

extension PostgresProjectStore {
  /// Reverts the author's latest command not yet undone, as a new batch of events.
  ///
  /// As on a file, the stacks come from the list of the author's commands, and a change a
  /// teammate made since blocks the undo instead of being overwritten: each annotation is read
  /// locked, as an edit reads it, so a teammate's edit racing the undo either lands first and is
  /// seen, or waits for it. One user's undos and redos take turns (a lock on their name), so two
  /// of their sessions never revert the same command twice.
  public func undo(author: String) throws -> Reversal {
    try replayLatest(author: author, action: "undo")
  }

  /// Replays the author's latest undone command, unless they changed something since.
  public func redo(author: String) throws -> Reversal {
    try replayLatest(author: author, action: "redo")
  }

  private func replayLatest(author: String, action: String) throws -> Reversal {
    var activity: PostgresActivity?
    let reversal = try replayLatest(author: author, action: action, activity: &activity)
    announce(activity)
    return reversal
  }

  private func replayLatest(author: String, action: String, activity: inout PostgresActivity?) throws -> Reversal {
    lock.lock()
    defer { lock.unlock() }
    do {
      return try connection.transaction {
        _ = try connection.execute("SELECT pg_advisory_xact_lock(hashtext($1))", [.text("undo:" + author)])
        // The author's commands, as each change, merge and copy lists them (`PostgresSchema.commandList`).
        let batches = try connection.rows(
          "SELECT batch, kind FROM commands WHERE author = $1 ORDER BY firstEvent", [.text(author)]
        ).map { row throws(StoreError) in
          (batch: try row.text(0, "a command of \(author)"), action: try row.text(1, "a command of \(author)"))
        }
        let (done, undone) = EventSnapshot.undoStacks(batches)
        let forward = action == "redo"
        guard let batch = forward ? undone.last : done.last else {
          throw StoreError.nothingTo(action: action, user: author)
        }
        return try replay(batch: batch, action: action, author: author, forward: forward, activity: &activity)
      }
    } catch {
      throw Self.storeError(error, operation: action)
    }
  }

  /// Calls `body` with each undoable event of a batch, oldest first or newest first, fetched a
  /// page at a time from a cursor inside the caller's transaction: an undo of `accept all` over a
  /// large project reverts millions, which must not all be held at once.
  private func forEachChangeEvent(batch: String, newestFirst: Bool, _ body: (ProjectEvent) throws -> Void) throws {
    // The cursor reads the batch as it was when declared, whatever `body` appends.
    _ = try connection.execute(
      """
      DECLARE replayed_events NO SCROLL CURSOR FOR
        SELECT * FROM events WHERE batch = $1 AND entity IN (\(EventSnapshot.undoableEntities))
        ORDER BY id \(newestFirst ? "DESC" : "ASC")
      """, [.text(batch)])
    while true {
      let rows = try connection.rows("FETCH \(ReversalTally.eventsPerPage) FROM replayed_events")
      for row in rows { try body(try PostgresRecords.event(row)) }
      if rows.count < ReversalTally.eventsPerPage { break }
    }
    _ = try connection.execute("CLOSE replayed_events")
  }

  /// Moves each event's entity from one recorded state to the other.
  private func replay(
    batch: String, action: String, author: String, forward: Bool, activity: inout PostgresActivity?
  ) throws -> Reversal {
    let changes = PostgresAnnotationChanges(
      connection: connection, author: author, batch: OrderedUUID.make(), now: try Self.nextEventTime(connection))
    var tally = ReversalTally()
    try forEachChangeEvent(batch: batch, newestFirst: !forward) { event in
      tally.replaying(event)
      guard let uuid = event.entityID else { return }
      switch event.entity {
      case "annotation":
        guard
          let current = try connection.rows("SELECT * FROM annotations WHERE uuid = $1 FOR UPDATE", [.text(uuid)])
            .first.map(PostgresRecords.annotation)
        else { return }
        guard let (found, replayed) = try EventSnapshot.replayed(current, by: event, forward: forward, at: changes.now)
        else {
          let last = try connection.rows(
            "SELECT author FROM events WHERE entity = 'annotation' AND entityId = $1 ORDER BY id DESC LIMIT 1",
            [.text(uuid)]
          ).first?.optionalText(0)
          throw StoreError.changedSince(action: action, handle: current.id, by: last ?? "someone")
        }
        try changes.write(replayed)
        try changes.appendEvent(
          action: action, entity: "annotation", id: uuid, report: replayed.reportID, before: found,
          after: EventSnapshot.of(replayed), reverts: event.id)
        tally.changed(replayed.id)
        changes.activity.count(action, report: replayed.reportID)
      case "link":
        guard let row = try connection.rows("SELECT * FROM links WHERE uuid = $1 FOR UPDATE", [.text(uuid)]).first
        else {
          return
        }
        var link = try PostgresRecords.link(row)
        let before = link
        link.status = try event.replayedStatus(forward: forward)
        _ = try connection.execute(
          "UPDATE links SET status = $1 WHERE id = $2", [.text(link.status.rawValue), .int(link.id)])
        try changes.appendEvent(
          action: action, entity: "link", id: uuid, report: event.reportID, before: EventSnapshot.of(before),
          after: EventSnapshot.of(link), reverts: event.id)
      case "suggestion":
        try Self.replaySuggestion(connection, event, forward: forward, changes: changes, action: action)
      case "review-unit":
        // A review decision only ever moves between active and withdrawn.
        let status = try event.replayedStatus(forward: forward)
        _ = try connection.execute(
          "UPDATE reviewDecisions SET status = $1 WHERE uuid = $2", [.text(status.rawValue), .text(uuid)])
        try changes.appendEvent(
          action: action, entity: "review-unit", id: uuid, report: event.reportID,
          before: event.replayedStates(forward: forward).expected,
          after: EventState(["status": .string(status.rawValue)]), reverts: event.id)
      default:
        throw StoreError.unsupported(what: "undoing a \(event.entity) change", path: path)
      }
    }
    // Teammates hear of an undo as of any change, once it commits.
    activity = changes.activity
    return tally.reversal(action: action)
  }
}
