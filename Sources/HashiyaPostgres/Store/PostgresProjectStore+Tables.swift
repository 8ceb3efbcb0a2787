import AnnotatorKit
import Foundation
import HashiyaModel

extension PostgresProjectStore: ProjectCopying {
  /// Hands over the server's rows table by table, from one repeatable-read snapshot, through a
  /// cursor per table so memory holds a chunk at a time.
  public func forEachTableChunk(_ body: (TableRows) throws -> Void) throws {
    lock.lock()
    defer { lock.unlock() }
    do {
      try connection.transaction(isolation: .repeatableRead) { try Self.dumpTables(connection, body) }
    } catch {
      throw Self.storeError(error, operation: "read the project for a copy")
    }
  }

  /// The tables' rows, chunk by chunk, inside the caller's transaction.
  static func dumpTables(_ connection: PostgresConnection, _ body: (TableRows) throws -> Void) throws {
    for table in ProjectTables.copied {
      let types = try columnTypes(of: table, connection)
      _ = try connection.execute(
        "DECLARE copied NO SCROLL CURSOR FOR SELECT * FROM \(table) ORDER BY \(ProjectTables.order(of: table))")
      while true {
        let rows = try connection.rows("FETCH \(ProjectTables.chunkSize) FROM copied")
        if rows.isEmpty { break }
        var chunk = TableRows(table: table, columns: types.map(\.0), rows: [])
        for row in rows {
          guard let values = try storedRow(row, of: table, types: types) else { continue }
          chunk.rows.append(values)
        }
        if !chunk.rows.isEmpty { try body(chunk) }
      }
      _ = try connection.execute("CLOSE copied")
    }
  }

  /// A row of `table` as stored values, column by column; nil for a row a copy leaves out (a
  /// setting only this server has).
  static func storedRow(_ row: PostgresRow, of table: String, types: [(name: String, type: String)]) throws
    -> [StoredValue]?
  {
    if table == "meta", let key = row.optionalText(0), ProjectTables.backendMetaKeys.contains(key) { return nil }
    return try types.indices.map { try storedValue(row.optionalText($0), type: types[$0].type) }
  }

  /// The columns of `table` in order, with their types as the server names them.
  static func columnTypes(of table: String, _ connection: PostgresConnection) throws -> [(name: String, type: String)] {
    try connection.rows(
      """
      SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = lower($1) ORDER BY ordinal_position
      """, [.text(table)]
    ).map { row throws(StoreError) in (try row.text(0, "a column"), try row.text(1, "a column")) }
  }

  /// Fills this new, empty server project with `source`'s rows in one transaction: tables by
  /// COPY, the search index built from the reports, identities moved past the copied ids.
  public func load(from source: any ProjectCopying) throws {
    try write("copy the project") { connection in
      let reports = try connection.int("SELECT count(*) FROM reports") ?? 0
      let events = try connection.int("SELECT count(*) FROM events") ?? 0
      guard reports == 0, events == 0 else {
        throw StoreError.cannotOpen(path: path, reason: "a copy goes only into an empty project")
      }
      // The project's team comes with it; whoever made this database stays a lead below.
      _ = try connection.execute("DELETE FROM team")
      try source.forEachTableChunk { chunk in
        if chunk.table == "meta" {
          for row in chunk.rows {
            _ = try connection.execute(
              "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
              row.map(Self.copyText).map { $0.map(PostgresValue.text) })
          }
          return
        }
        let columns = chunk.columns.map { $0.lowercased() == "end" ? "\"end\"" : $0 }.joined(separator: ", ")
        _ = try connection.copyIn(
          "COPY \(chunk.table) (\(columns)) FROM STDIN", rows: chunk.rows.lazy.map { $0.map(Self.copyText) })
        if chunk.table == "reports" { try Self.index(connection, chunk) }
      }
      try Self.moveIdentities(connection)
      _ = try connection.execute("SELECT hashiya_note_commands_after(0)")
      _ = try connection.execute(
        """
        INSERT INTO team (name, folded, role, status, addedBy, updatedAt) VALUES ($1, $2, 'lead', 'active', $1, $3)
        ON CONFLICT DO NOTHING
        """, [.text(user), .text(MemberName.fold(user)), .text(Timestamp.now())])
    }
  }

  /// Moves each identity past the ids rows were inserted with, so the next row numbers on.
  static func moveIdentities(_ connection: PostgresConnection) throws {
    for table in [
      "reports", "annotations", "links", "reviews", "reviewDecisions", "suggestionDecisions", "events", "conflicts",
    ] {
      _ = try connection.execute(
        "SELECT setval(pg_get_serial_sequence($1, 'id'), coalesce(max(id), 0) + 1, false) FROM \(table)",
        [.text(table.lowercased())])
    }
  }

  /// Adds the search rows of a chunk of copied reports, as an import would have.
  static func index(_ connection: PostgresConnection, _ chunk: TableRows) throws {
    guard let id = chunk.columns.firstIndex(where: { $0.lowercased() == "id" }),
      let title = chunk.columns.firstIndex(where: { $0.lowercased() == "title" }),
      let text = chunk.columns.firstIndex(where: { $0.lowercased() == "text" })
    else { throw StoreError.damaged(what: "the copied reports", reason: "they lack an id, title or text") }
    var vectors: [[String?]] = []
    vectors.reserveCapacity(chunk.rows.count)
    for row in chunk.rows {
      guard case .integer(let reportID) = row[id], case .text(let reportTitle) = row[title],
        case .text(let reportText) = row[text]
      else { throw StoreError.damaged(what: "a copied report", reason: "its id, title or text has the wrong type") }
      let indexTitle = SearchTokenizer.indexUTF8(reportTitle)
      let indexText = SearchTokenizer.indexUTF8(reportText)
      let vector = PostgresSearchVector.text(
        title: indexTitle, body: indexText, clitics: PreparedReport.clitics(title: indexTitle, text: indexText))
      vectors.append([String(reportID), vector])
    }
    _ = try connection.copyIn("COPY reports_fts (reportId, searchTokens) FROM STDIN", rows: vectors)
  }

  /// A report's row of the search index, from the folded tokens its import prepared.
  static func insertSearchRow(_ connection: PostgresConnection, reportID: Int, _ prepared: PreparedReport) throws {
    _ = try connection.execute(
      "INSERT INTO reports_fts (reportId, searchTokens) VALUES ($1, $2::tsvector)",
      [.int(reportID), .text(PostgresSearchVector.text(prepared))])
  }

  /// A value the server sent as text, typed by its column.
  static func storedValue(_ text: String?, type: String) throws -> StoredValue {
    guard let text else { return .null }
    switch type {
    case "bigint", "integer", "smallint":
      guard let number = Int64(text) else {
        throw StoreError.damaged(what: "a copied row", reason: "\"\(text)\" is not a whole number")
      }
      return .integer(number)
    case "double precision", "real", "numeric":
      guard let number = Double(text) else {
        throw StoreError.damaged(what: "a copied row", reason: "\"\(text)\" is not a number")
      }
      return .real(number)
    case "bytea":
      guard let bytes = PostgresResult.decodeBytea(text) else {
        throw StoreError.damaged(what: "a copied row", reason: "a byte column does not read as hex")
      }
      return .bytes(Array(bytes))
    default:
      return .text(text)
    }
  }

  /// A value in COPY's text form (before COPY's own escaping); nil is NULL.
  static func copyText(_ value: StoredValue) -> String? {
    switch value {
    case .null: return nil
    case .integer(let number): return String(number)
    case .real(let number): return "\(number)"
    case .text(let text): return text
    case .bytes(let bytes): return PostgresValue.byteaText(bytes)
    }
  }
}
