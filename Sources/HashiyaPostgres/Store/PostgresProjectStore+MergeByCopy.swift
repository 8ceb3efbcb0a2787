import AnnotatorKit
import Foundation
import HashiyaModel

extension PostgresProjectStore {
  /// The tables a merge may write, locked against other writers while it runs.
  private static let mergedTables = [
    "meta", "reports", "reports_fts", "reportTokens", "reviewState", "plugins", "annotations", "links", "reviews",
    "reviewDecisions", "suggestionDecisions", "events", "conflicts", "team", "assignments", "assignmentRemovals",
    "pendingSuggestions",
  ]

  /// Tables whose rows a merge may remove: an assignment taken back, suggestions settled.
  private static let removable: Set<String> = ["assignments", "pendingSuggestions"]

  /// Merges by way of a copy: `merge` receives this project as it stands, copies it, merges the
  /// other copy into that with the file's own convergent merge, and hands the result back; the
  /// result's new and changed rows are then written here, all in one transaction.
  ///
  /// Other writers wait while it runs (readers do not), so nothing lands between the snapshot
  /// and the write-back. Only a lead may: an annotator's view of a blind layer is partial.
  public func mergeThroughCopy(_ merge: (_ current: any ProjectCopying) throws -> any ProjectCopying) throws {
    lock.lock()
    defer {
      discardAfterMerge?()
      discardAfterMerge = nil
      lock.unlock()
    }
    do {
      try connection.transaction {
        guard try connection.rows("SELECT hashiya_is_lead()").first?.bool(0, "a lead check") == true else {
          throw StoreError.unsupported(what: "a merge by someone who does not lead the team", path: path)
        }
        _ = try connection.execute(
          "LOCK TABLE \(Self.mergedTables.joined(separator: ", ")) IN SHARE ROW EXCLUSIVE MODE")
        let merged = try merge(TransactionSnapshot(connection: connection))
        // The merge's events follow the log's, as a file's merge appends them: their commands
        // are listed from the last event before it.
        let last = try connection.int("SELECT coalesce(max(id), 0) FROM events") ?? 0
        try Self.takeChanges(from: merged, connection)
        _ = try connection.execute("SELECT hashiya_note_commands_after($1)", [.int(last)])
      }
    } catch {
      throw Self.storeError(error, operation: "merge into \(path)")
    }
  }

  /// Writes the rows of `merged` that are new or differ from this project's, and removes the
  /// rows it no longer has from the tables where that is allowed.
  ///
  /// Both sides are read in the order of each table's key, so the two are walked side by side a
  /// chunk at a time and memory never holds a table, however large the project.
  private static func takeChanges(from merged: any ProjectCopying, _ connection: PostgresConnection) throws {
    var current: CurrentRows?
    /// Settles the rows of the current table the merged side did not have, up to `key` or all.
    func settleGone(before key: [StoredValue]?) throws {
      guard let rows = current else { return }
      while let row = try rows.peek(), key.map({ Self.compare(row.key, $0) < 0 }) ?? true {
        guard removable.contains(rows.table) else {
          throw StoreError.damaged(what: "the merged project", reason: "it lacks a row of \(rows.table)")
        }
        let condition = rows.keyColumns.indices.map { "\(column(rows.keyColumns[$0])) = $\($0 + 1)" }
          .joined(separator: " AND ")
        _ = try connection.execute(
          "DELETE FROM \(rows.table) WHERE \(condition)", row.key.map(copyText).map { $0.map(PostgresValue.text) })
        rows.advance()
      }
    }
    /// Moves the walk on to `table` (nil: past the last), once the rows of the tables before it
    /// are settled; a table the merged side sends no chunk of has lost all its rows.
    var nextTable = ProjectTables.copied.startIndex
    func walk(to table: String?) throws {
      while true {
        try settleGone(before: nil)
        try current?.close()
        current = nil
        guard nextTable < ProjectTables.copied.endIndex else { return }
        let next = ProjectTables.copied[nextTable]
        nextTable += 1
        current = try CurrentRows(table: next, connection)
        if next == table { return }
      }
    }
    try merged.forEachTableChunk { chunk in
      if current?.table != chunk.table { try walk(to: chunk.table) }
      guard let rows = current else { return }
      let names = chunk.columns.map { $0.lowercased() }
      let positions = rows.keyColumns.map { key in names.firstIndex(of: key) }
      var added: [[StoredValue]] = []
      for row in chunk.rows {
        let rowKey = positions.map { $0.map { row[$0] } ?? .null }
        try settleGone(before: rowKey)
        guard let existing = try rows.peek(), Self.compare(existing.key, rowKey) == 0 else {
          added.append(row)
          continue
        }
        rows.advance()
        let values = Dictionary(uniqueKeysWithValues: zip(names, row))
        guard existing.values != values else { continue }
        try update(
          chunk.table, key: rows.keyColumns, rowKey: rowKey, values: values, existing: existing.values, connection)
      }
      guard !added.isEmpty else { return }
      let columns = chunk.columns.map { $0.lowercased() == "end" ? "\"end\"" : $0 }.joined(separator: ", ")
      _ = try connection.copyIn(
        "COPY \(chunk.table) (\(columns)) FROM STDIN", rows: added.lazy.map { $0.map(copyText) })
      if chunk.table == "reports" {
        try index(connection, TableRows(table: "reports", columns: chunk.columns, rows: added))
      }
    }
    try walk(to: nil)
    try moveIdentities(connection)
  }

  /// How two keys compare in the order both sides list rows in: numbers by value, texts by
  /// their UTF-8 bytes (SQLite's `BINARY`, PostgreSQL's `"C"`), a missing value first.
  static func compare(_ left: [StoredValue], _ right: [StoredValue]) -> Int {
    for (a, b) in zip(left, right) {
      let order: Int
      switch (a, b) {
      case (.integer(let x), .integer(let y)): order = x < y ? -1 : x > y ? 1 : 0
      case (.text(let x), .text(let y)): order = byteOrder(x, y)
      case (.null, .null): order = 0
      case (.null, _): order = -1
      case (_, .null): order = 1
      default:
        // Key columns hold whole numbers or texts; anything else only needs a consistent order.
        order = byteOrder(String(describing: a), String(describing: b))
      }
      if order != 0 { return order }
    }
    return 0
  }

  private static func byteOrder(_ x: String, _ y: String) -> Int {
    x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : y.utf8.lexicographicallyPrecedes(x.utf8) ? 1 : 0
  }

  private static func update(
    _ table: String, key: [String], rowKey: [StoredValue], values: [String: StoredValue],
    existing: [String: StoredValue], _ connection: PostgresConnection
  ) throws {
    let changed = values.keys.filter { !key.contains($0) && values[$0] != existing[$0] }.sorted()
    let assignments = changed.indices.map { "\(column(changed[$0])) = $\($0 + 1)" }.joined(separator: ", ")
    let condition = key.indices.map { "\(column(key[$0])) = $\($0 + 1 + changed.count)" }.joined(separator: " AND ")
    let parameters = (changed.map { values[$0] ?? .null } + rowKey).map(copyText).map { $0.map(PostgresValue.text) }
    _ = try connection.execute("UPDATE \(table) SET \(assignments) WHERE \(condition)", parameters)
  }

  /// A column's name in a statement: `end` is a reserved word.
  private static func column(_ name: String) -> String { name == "end" ? "\"end\"" : name }

  /// The lower-cased columns that name a row of `table`.
  fileprivate static func keyColumns(_ table: String) -> [String] {
    ProjectTables.order(of: table).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
  }
}

/// One table of this project as the merge's transaction saw it before writing, read through a
/// cursor in key order a chunk at a time.
private final class CurrentRows {
  let table: String
  /// The lower-cased columns that name a row.
  let keyColumns: [String]
  private let connection: PostgresConnection
  private let types: [(name: String, type: String)]
  private var buffered: [(key: [StoredValue], values: [String: StoredValue])] = []
  private var next = 0
  private var exhausted = false

  init(table: String, _ connection: PostgresConnection) throws {
    self.table = table
    self.connection = connection
    keyColumns = PostgresProjectStore.keyColumns(table)
    types = try PostgresProjectStore.columnTypes(of: table, connection)
    let order = keyColumns.map { key in
      let type = types.first { $0.name == key }?.type ?? ""
      // Texts in byte order, as the project file lists them.
      return type == "text" ? "\(key) COLLATE \"C\"" : key
    }
    _ = try connection.execute(
      "DECLARE current_rows NO SCROLL CURSOR FOR SELECT * FROM \(table) ORDER BY \(order.joined(separator: ", "))")
  }

  /// The next row not yet walked past, or nil at the end.
  func peek() throws -> (key: [StoredValue], values: [String: StoredValue])? {
    if next == buffered.count {
      buffered = []
      next = 0
      // A chunk may hold only rows that are left out; the next one is read then.
      while buffered.isEmpty && !exhausted {
        let rows = try connection.rows("FETCH \(ProjectTables.chunkSize) FROM current_rows")
        exhausted = rows.isEmpty
        for row in rows {
          guard let stored = try PostgresProjectStore.storedRow(row, of: table, types: types) else { continue }
          let values = Dictionary(uniqueKeysWithValues: zip(types.map { $0.name.lowercased() }, stored))
          buffered.append((keyColumns.map { values[$0] ?? .null }, values))
        }
      }
      if buffered.isEmpty { return nil }
    }
    return buffered[next]
  }

  func advance() { next += 1 }

  func close() throws { _ = try connection.execute("CLOSE current_rows") }
}

/// This project as the running transaction sees it, for a merge to copy.
private struct TransactionSnapshot: ProjectCopying {
  let connection: PostgresConnection

  func forEachTableChunk(_ body: (TableRows) throws -> Void) throws {
    try PostgresProjectStore.dumpTables(connection, body)
  }

  func load(from source: any ProjectCopying) throws {
    throw StoreError.unsupported(what: "loading into a snapshot", path: "a merge's snapshot")
  }
}
