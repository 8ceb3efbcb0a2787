import GRDB
import GRDBSQLite
import HashiyaModel

/// A write (an insert, an update, a delete) that a bulk command runs once per record, bound value
/// by value through SQLite's C interface: it skips building an array of boxed arguments for every
/// row, which costs more than the write itself when there are a million of them.
///
/// Valid only inside the transaction whose database made it.
struct BulkStatement {
  private let db: Database
  /// Held so that SQLite's statement lives as long as this: GRDB finalizes the statements of its
  /// cache when the schema changes, which would leave `statement` pointing at freed memory.
  private let owner: Statement
  private let statement: OpaquePointer

  init(_ db: Database, sql: String) throws {
    self.db = db
    owner = try db.cachedStatement(sql: sql)
    statement = owner.sqliteStatement
  }

  /// Runs the statement with `values` bound in order, then makes it ready for the next row.
  func run(_ values: BulkValue...) throws {
    try run(values)
  }

  /// Runs the statement with `values` bound in order.
  func run(_ values: [BulkValue]) throws {
    sqlite3_reset(statement)
    defer { sqlite3_clear_bindings(statement) }
    try bind(values, from: 0)
  }

  /// Binds `values[offset...]`, then steps. Each text is bound where it lies, without a copy:
  /// its storage is only lent inside a closure, so the step runs inside every one of them.
  private func bind(_ values: [BulkValue], from offset: Int) throws {
    guard offset < values.count else { return try step() }
    let index = Int32(offset + 1)
    switch values[offset] {
    case .null:
      sqlite3_bind_null(statement, index)
    case .int(let number):
      sqlite3_bind_int64(statement, index, Int64(number))
    case .double(let number):
      sqlite3_bind_double(statement, index, number)
    case .text(let text):
      if let bound = try text.utf8.withContiguousStorageIfAvailable({ try bindThenContinue($0) }) {
        return bound
      }
      // A string without contiguous UTF-8 (bridged storage) is copied out first.
      return try Array(text.utf8).withUnsafeBufferPointer { try bindThenContinue($0) }
    case .utf8(let bytes):
      return try bytes.withUnsafeBufferPointer { try bindThenContinue($0) }
    case .blob(let bytes):
      // SQLite copies it: a blob is bound once per report, not per annotation.
      sqlite3_bind_blob(statement, index, bytes, Int32(bytes.count), Self.transient)
    }
    try bind(values, from: offset + 1)

    func bindThenContinue(_ bytes: UnsafeBufferPointer<UInt8>) throws {
      if let address = bytes.baseAddress {
        // No destructor (SQLITE_STATIC): SQLite reads the text where it lies.
        sqlite3_bind_text(statement, index, address, Int32(bytes.count), nil)
      } else {
        // An empty buffer may have no address, which SQLite would take for NULL.
        sqlite3_bind_text(statement, index, "", 0, Self.transient)
      }
      try bind(values, from: offset + 1)
    }
  }

  private func step() throws {
    let code = sqlite3_step(statement)
    sqlite3_reset(statement)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code),
        message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
  }

  /// Tells SQLite to copy a bound text.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// One value bound by `BulkStatement`.
enum BulkValue {
  case null
  case int(Int)
  case double(Double)
  case text(String)
  /// Text already in UTF-8 (valid by construction), bound without building a `String`.
  case utf8([UInt8])
  /// Bytes stored as they are.
  case blob([UInt8])

  init(_ text: String?) {
    self = text.map(BulkValue.text) ?? .null
  }

  init(_ number: Int?) {
    self = number.map(BulkValue.int) ?? .null
  }
}
