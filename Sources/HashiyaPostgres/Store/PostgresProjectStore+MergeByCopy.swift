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
        try Self.takeChanges(from: merged, connection)
      }
    } catch {
      throw Self.storeError(error, operation: "merge into \(path)")
    }
  }

  /// Writes the rows of `merged` that are new or differ from this project's, and removes the
  /// rows it no longer has from the tables where that is allowed.
  private static func takeChanges(from merged: any ProjectCopying, _ connection: PostgresConnection) throws {
    var current: [String: [[StoredValue]: [String: StoredValue]]] = [:]
    try dumpTables(connection) { chunk in
      let names = chunk.columns.map { $0.lowercased() }
      let key = keyColumns(chunk.table)
      for row in chunk.rows {
        let values = Dictionary(uniqueKeysWithValues: zip(names, row))
        current[chunk.table, default: [:]][key.map { values[$0] ?? .null }] = values
      }
    }
    var seen: [String: Set<[StoredValue]>] = [:]
    try merged.forEachTableChunk { chunk in
      let names = chunk.columns.map { $0.lowercased() }
      let key = keyColumns(chunk.table)
      var added: [[StoredValue]] = []
      for row in chunk.rows {
        let values = Dictionary(uniqueKeysWithValues: zip(names, row))
        let rowKey = key.map { values[$0] ?? .null }
        seen[chunk.table, default: []].insert(rowKey)
        guard let existing = current[chunk.table]?[rowKey] else {
          added.append(row)
          continue
        }
        guard existing != values else { continue }
        try update(chunk.table, key: key, rowKey: rowKey, values: values, existing: existing, connection)
      }
      guard !added.isEmpty else { return }
      let columns = chunk.columns.map { $0.lowercased() == "end" ? "\"end\"" : $0 }.joined(separator: ", ")
      _ = try connection.copyIn(
        "COPY \(chunk.table) (\(columns)) FROM STDIN", rows: added.lazy.map { $0.map(copyText) })
      if chunk.table == "reports" {
        try index(connection, TableRows(table: "reports", columns: chunk.columns, rows: added))
      }
    }
    for (table, rows) in current {
      let gone = rows.keys.filter { !(seen[table]?.contains($0) ?? false) }
      guard !gone.isEmpty else { continue }
      guard removable.contains(table) else {
        throw StoreError.damaged(what: "the merged project", reason: "it lacks \(gone.count) row(s) of \(table)")
      }
      let key = keyColumns(table)
      for rowKey in gone {
        let condition = key.indices.map { "\(column(key[$0])) = $\($0 + 1)" }.joined(separator: " AND ")
        _ = try connection.execute(
          "DELETE FROM \(table) WHERE \(condition)", rowKey.map(copyText).map { $0.map(PostgresValue.text) })
      }
    }
    try moveIdentities(connection)
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
  private static func keyColumns(_ table: String) -> [String] {
    ProjectTables.order(of: table).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
  }
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
