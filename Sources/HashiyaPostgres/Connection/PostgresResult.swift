import CLibPQ
import Foundation

/// The rows of one statement, copied out of libpq's result so that nothing points into freed memory.
public struct PostgresResult: Sendable {
  /// The column names, in order.
  public let columnNames: [String]
  /// Each row's values in PostgreSQL's text form; `nil` is SQL NULL.
  public let rows: [[String?]]
  /// Rows inserted, updated, deleted, copied or selected, as the command tag reports; `nil` when it reports none.
  public let rowsAffected: Int?

  public init(columnNames: [String], rows: [[String?]], rowsAffected: Int?) {
    self.columnNames = columnNames
    self.rows = rows
    self.rowsAffected = rowsAffected
  }

  /// Copies everything out of `result`; the caller still owns it and must `PQclear` it.
  init(copying result: OpaquePointer) {
    let rowCount = Int(PQntuples(result))
    let columnCount = Int(PQnfields(result))
    columnNames = (0..<columnCount).map { column in
      PQfname(result, Int32(column)).map { String(cString: $0) } ?? ""
    }
    rows = (0..<rowCount).map { row in
      (0..<columnCount).map { column -> String? in
        if PQgetisnull(result, Int32(row), Int32(column)) != 0 { return nil }
        guard let value = PQgetvalue(result, Int32(row), Int32(column)) else { return nil }
        return String(cString: value)
      }
    }
    rowsAffected = PQcmdTuples(result).flatMap { Int(String(cString: $0)) }
  }

  /// The number of rows.
  public var rowCount: Int { rows.count }

  /// The value at `row`, `column`; `nil` for SQL NULL and for a position outside the result.
  public subscript(row: Int, column: Int) -> String? {
    guard rows.indices.contains(row), columnNames.indices.contains(column) else { return nil }
    return rows[row][column]
  }

  /// The value at `row` in the column named `column`; `nil` for SQL NULL and for an unknown position.
  public subscript(row: Int, column: String) -> String? {
    guard let index = columnNames.firstIndex(of: column) else { return nil }
    return self[row, index]
  }

  /// The position of the column named `name`, for the typed getters; throws when there is none.
  public func columnIndex(_ name: String) throws(PostgresError) -> Int {
    guard let index = columnNames.firstIndex(of: name) else {
      throw .unexpectedResult("no column \(name.debugDescription) among \(columnNames)")
    }
    return index
  }

  /// The text at `row`, `column`, or `nil` for SQL NULL; throws when the position is outside the result.
  public func string(_ row: Int, _ column: Int) throws(PostgresError) -> String? {
    guard rows.indices.contains(row), columnNames.indices.contains(column) else {
      throw .unexpectedResult("no value at row \(row), column \(column) of a \(rowCount)×\(columnNames.count) result")
    }
    return rows[row][column]
  }

  /// The integer at `row`, `column`, or `nil` for SQL NULL.
  public func int(_ row: Int, _ column: Int) throws(PostgresError) -> Int? {
    try parsed(row, column, as: "an integer") { Int($0) }
  }

  /// The float at `row`, `column`, or `nil` for SQL NULL; "NaN" and "±Infinity" included.
  public func double(_ row: Int, _ column: Int) throws(PostgresError) -> Double? {
    try parsed(row, column, as: "a number") { Double($0) }
  }

  /// The boolean at `row`, `column` ("t" or "f"), or `nil` for SQL NULL.
  public func bool(_ row: Int, _ column: Int) throws(PostgresError) -> Bool? {
    try parsed(row, column, as: "a boolean") { text in
      switch text {
      case "t": return true
      case "f": return false
      default: return nil
      }
    }
  }

  /// The bytes of a `bytea` value at `row`, `column`, or `nil` for SQL NULL.
  public func data(_ row: Int, _ column: Int) throws(PostgresError) -> Data? {
    try parsed(row, column, as: "bytea") { Self.decodeBytea($0) }
  }

  private func parsed<T>(
    _ row: Int, _ column: Int, as kind: String, _ parse: (String) -> T?
  ) throws(PostgresError) -> T? {
    guard let text = try string(row, column) else { return nil }
    guard let value = parse(text) else {
      throw .unexpectedResult("row \(row), column \(column) is not \(kind): \(text.prefix(40).debugDescription)")
    }
    return value
  }

  /// libpq's own decoder, so both the hex and the older escape output formats read back exactly.
  static func decodeBytea(_ text: String) -> Data? {
    var length = 0
    guard let bytes = PQunescapeBytea(text, &length) else { return nil }
    defer { PQfreemem(bytes) }
    return Data(bytes: bytes, count: length)
  }
}
