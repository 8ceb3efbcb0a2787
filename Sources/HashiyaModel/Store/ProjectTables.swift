/// One stored value of a project's table, as both backends hold it.
public enum StoredValue: Sendable, Hashable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case bytes([UInt8])
}

/// A chunk of one table's rows, columns named as the schema names them.
public struct TableRows: Sendable {
  public var table: String
  public var columns: [String]
  public var rows: [[StoredValue]]

  public init(table: String, columns: [String], rows: [[StoredValue]]) {
    self.table = table
    self.columns = columns
    self.rows = rows
  }
}

/// The project's tables a copy carries, parents before children. The search index is left
/// out: each backend builds its own from the reports it receives.
public enum ProjectTables {
  public static let copied = [
    "meta", "reports", "reportTokens", "reviewState", "plugins", "annotations", "links", "reviews", "reviewDecisions",
    "suggestionDecisions", "events", "conflicts", "team", "assignments", "assignmentRemovals", "pendingSuggestions",
  ]

  /// The order a table's rows are handed over in, the same on both backends: by id where
  /// there is one (a log's events before those that revert them), else by the table's key.
  public static func order(of table: String) -> String {
    switch table {
    case "meta": "key"
    case "team": "name"
    case "reportTokens": "reportId"
    case "reviewState": "reportId, layer"
    case "assignments", "assignmentRemovals": "reportId, layer, annotator"
    case "pendingSuggestions": "author, number"
    default: "id"
    }
  }

  /// `meta` keys that belong to one backend and never travel: a server's version and role names.
  public static let backendMetaKeys: Set<String> = ["schemaVersion", "annotatorRole", "leadRole"]

  /// How many rows a chunk holds at most: a copy's memory is bounded by a chunk.
  public static let chunkSize = 2_000
}

/// Copying a whole project between backends, table by table: a clone for offline work, a file
/// moved to a server, or a server read for a merge. Rows keep their ids, UUIDs and times, and
/// the project keeps its uid, so copies of it merge as copies.
public protocol ProjectCopying {
  /// Calls `body` with the project's rows, table by table in `ProjectTables.copied` order, a
  /// chunk at a time, all from one consistent snapshot.
  func forEachTableChunk(_ body: (TableRows) throws -> Void) throws
  /// Fills this project, which must be empty, with the rows `source` hands over, in one
  /// transaction: all of them or, on any error, none. Builds the search index from the reports.
  func load(from source: any ProjectCopying) throws
}
