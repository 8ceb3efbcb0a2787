import GRDB
import GRDBSQLite

/// An insert that an import runs once per record, bound value by value through SQLite's C
/// interface: it skips building an array of boxed arguments for every row, which costs more
/// than the insert itself when there are a million of them.
///
/// Valid only inside the transaction whose database made it.
struct BulkInsert {
  private let db: Database
  private let statement: OpaquePointer

  init(_ db: Database, sql: String) throws {
    self.db = db
    self.statement = try db.cachedStatement(sql: sql).sqliteStatement
  }

  /// Runs the insert with `values` bound in order, then makes the statement ready for the next row.
  func run(_ values: BulkValue...) throws {
    try run(values)
  }

  /// Runs the insert with `values` bound in order.
  func run(_ values: [BulkValue]) throws {
    sqlite3_reset(statement)
    for (offset, value) in values.enumerated() {
      let index = Int32(offset + 1)
      switch value {
      case .null:
        sqlite3_bind_null(statement, index)
      case .int(let number):
        sqlite3_bind_int64(statement, index, Int64(number))
      case .text(let text):
        text.withCString { pointer in
          _ = sqlite3_bind_text(statement, index, pointer, Int32(text.utf8.count), Self.transient)
        }
      }
    }
    let code = sqlite3_step(statement)
    sqlite3_reset(statement)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code),
        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
  }

  /// Tells SQLite to copy a bound text, whose Swift storage lives only during the bind.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// One value bound by `BulkInsert`.
enum BulkValue {
  case null
  case int(Int)
  case text(String)

  init(_ text: String?) {
    self = text.map(BulkValue.text) ?? .null
  }

  init(_ number: Int?) {
    self = number.map(BulkValue.int) ?? .null
  }
}
