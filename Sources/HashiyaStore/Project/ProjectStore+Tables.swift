import AnnotatorKit
import Foundation
import GRDB
import HashiyaModel

extension ProjectStore: ProjectCopying {
  /// Hands over the file's rows table by table, from one read transaction.
  public func forEachTableChunk(_ body: (TableRows) throws -> Void) throws {
    try database.read { db in
      for table in ProjectTables.copied {
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(table) ORDER BY \(ProjectTables.order(of: table))")
        var chunk = TableRows(table: table, columns: [], rows: [])
        while let row = try cursor.next() {
          if chunk.columns.isEmpty { chunk.columns = Array(row.columnNames) }
          if table == "meta", let key = row[0] as String?, ProjectTables.backendMetaKeys.contains(key) { continue }
          chunk.rows.append(row.databaseValues.map(Self.storedValue))
          if chunk.rows.count == ProjectTables.chunkSize {
            try body(chunk)
            chunk.rows.removeAll(keepingCapacity: true)
          }
        }
        if !chunk.rows.isEmpty { try body(chunk) }
      }
    }
  }

  /// Fills this new, empty file with `source`'s rows in one transaction, then indexes its reports.
  ///
  /// Written as a large import is, out of the write-ahead log: every page is new, so the journal
  /// has nothing to keep, and the copy is written once rather than twice.
  public func load(from source: any ProjectCopying) throws {
    try bulkWrite("copy the project", expecting: Self.journaledRows) { db in
      let reports = try Int.fetchOne(db, sql: "SELECT count(*) FROM reports") ?? 0
      let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0
      guard reports == 0, events == 0 else {
        throw StoreError.cannotOpen(path: path, reason: "a copy goes only into an empty project")
      }
      try source.forEachTableChunk { chunk in
        if chunk.table == "meta" {
          // The copy is the same project: it takes the original's identity.
          for row in chunk.rows {
            try db.execute(
              sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
              arguments: StatementArguments(row.map(Self.databaseValue)))
          }
          return
        }
        let columns = chunk.columns.map { $0 == "end" ? "\"end\"" : $0 }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: chunk.columns.count).joined(separator: ", ")
        let insert = try db.cachedStatement(sql: "INSERT INTO \(chunk.table) (\(columns)) VALUES (\(marks))")
        for row in chunk.rows {
          try insert.execute(arguments: StatementArguments(row.map(Self.databaseValue)))
        }
        if chunk.table == "reports" { try Self.index(db, chunk) }
      }
      // Derived from the log, as the search index is from the reports: no copy carries it.
      try Self.noteCommands(db, after: 0)
    }
  }

  /// Adds the search rows of a chunk of copied reports, as an import would have.
  private static func index(_ db: Database, _ chunk: TableRows) throws {
    guard let id = chunk.columns.firstIndex(where: { $0.lowercased() == "id" }),
      let title = chunk.columns.firstIndex(where: { $0.lowercased() == "title" }),
      let text = chunk.columns.firstIndex(where: { $0.lowercased() == "text" })
    else { throw StoreError.damaged(what: "the copied reports", reason: "they lack an id, title or text") }
    let insert = try db.cachedStatement(
      sql: "INSERT INTO reports_fts (rowid, title, body, clitics) VALUES (?, ?, ?, ?)")
    for row in chunk.rows {
      guard case .integer(let reportID) = row[id], case .text(let reportTitle) = row[title],
        case .text(let reportText) = row[text]
      else { throw StoreError.damaged(what: "a copied report", reason: "its id, title or text has the wrong type") }
      let prepared = PreparedReport(NewReport(title: reportTitle, text: reportText, language: ""))
      try insert.execute(arguments: [
        reportID, String(decoding: prepared.indexTitle, as: UTF8.self),
        String(decoding: prepared.indexText, as: UTF8.self), String(decoding: prepared.indexClitics, as: UTF8.self),
      ])
    }
  }

  static func storedValue(_ value: DatabaseValue) -> StoredValue {
    switch value.storage {
    case .null: .null
    case .int64(let number): .integer(number)
    case .double(let number): .real(number)
    case .string(let text): .text(text)
    case .blob(let data): .bytes(Array(data))
    }
  }

  static func databaseValue(_ value: StoredValue) -> DatabaseValue {
    switch value {
    case .null: .null
    case .integer(let number): number.databaseValue
    case .real(let number): number.databaseValue
    case .text(let text): text.databaseValue
    case .bytes(let bytes): Data(bytes).databaseValue
    }
  }
}
