import Foundation
import GRDB
import GRDBSQLite
import HashiyaModel

/// The row a statement is on, read column by column straight from SQLite with the checks of
/// `CheckedRow`.
///
/// A GRDB `Row` makes a `DatabaseValue` of each column and looks up its name on the way, which cost
/// a long export more than SQLite's own reading; this reads each value once, into what the decoder
/// keeps. Valid only until the statement steps again.
struct StatementRow: CheckedRow {
  /// Kept so the SQLite statement lives as long as this view of it.
  private let owner: Statement
  private let statement: SQLiteStatement
  let count: Int

  /// The row `statement` is on (after a cursor over it gave a row).
  init(_ statement: Statement) {
    owner = statement
    self.statement = statement.sqliteStatement
    count = Int(sqlite3_column_count(self.statement))
  }

  func columnName(at index: Int) -> String {
    guard index < count, let name = sqlite3_column_name(statement, Int32(index)) else { return "column \(index)" }
    return String(cString: name)
  }

  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> String {
    try required(text(at: index), index, what())
  }

  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> String? {
    try optional(text(at: index), index, what())
  }

  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Int {
    try required(integer(at: index), index, what())
  }

  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Int? {
    try optional(integer(at: index), index, what())
  }

  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Bool {
    try required(integer(at: index), index, what()) != 0
  }

  /// `value`, read at `index`, or the error saying what the column holds instead.
  private func required<Value>(_ value: Value?, _ index: Int, _ what: @autoclosure () -> String) throws(StoreError)
    -> Value
  {
    guard let value else { throw damaged(index, what()) }
    return value
  }

  /// `value`, read at `index`, or nil where the column holds NULL; any other value is an error.
  private func optional<Value>(_ value: Value?, _ index: Int, _ what: @autoclosure () -> String) throws(StoreError)
    -> Value?
  {
    guard value != nil || type(at: index) == SQLITE_NULL else { throw damaged(index, what()) }
    return value
  }

  func storedByteCount(at index: Int) -> Int? {
    type(at: index) == SQLITE_NULL ? nil : Int(sqlite3_column_bytes(statement, Int32(index)))
  }

  func holdsSameText(_ index: Int, as other: Int) -> Bool {
    guard type(at: index) == SQLITE_TEXT, type(at: other) == SQLITE_TEXT,
      let text = sqlite3_column_text(statement, Int32(index)),
      let otherText = sqlite3_column_text(statement, Int32(other))
    else { return false }
    let count = sqlite3_column_bytes(statement, Int32(index))
    return count == sqlite3_column_bytes(statement, Int32(other)) && memcmp(text, otherText, Int(count)) == 0
  }

  /// SQLite's type of the value at `index`; an index past the row reads as NULL.
  private func type(at index: Int) -> Int32 {
    index < count ? sqlite3_column_type(statement, Int32(index)) : SQLITE_NULL
  }

  private func integer(at index: Int) -> Int? {
    type(at: index) == SQLITE_INTEGER ? Int(sqlite3_column_int64(statement, Int32(index))) : nil
  }

  /// The text at `index`, or nil when it is not text, not valid UTF-8, or holds a NUL (which
  /// Hashiya never writes, and a C string would cut short).
  private func text(at index: Int) -> String? {
    guard type(at: index) == SQLITE_TEXT else { return nil }
    let column = Int32(index)
    // Asked for after the text, as SQLite advises: the length is then that of the UTF-8 form.
    guard let start = sqlite3_column_text(statement, column) else { return "" }
    return Self.text(terminated: start, count: Int(sqlite3_column_bytes(statement, column)))
  }

  /// The `count` bytes at `start`, which a NUL ends as SQLite ends every text, as a text Hashiya
  /// writes; nil when they are not valid UTF-8 or hold a NUL. The one rule for a stored text,
  /// read in place here or later from a copy (`UncheckedText`).
  static func text(terminated start: UnsafePointer<UInt8>, count: Int) -> String? {
    // The C-string reading is the standard library's fastest checked one (a third faster over
    // an export than reading a counted buffer), and a NUL inside shows as a shorter string.
    guard let text = String(validatingCString: UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self)),
      text.utf8.count == count
    else { return nil }
    return text
  }

  /// The text at `index`, the text of report `reportID`, copied out without being checked as
  /// UTF-8 (`UncheckedText` checks it later, elsewhere); any value but text is an error now.
  func uncheckedText(at index: Int, ofReport reportID: Int) throws(StoreError) -> UncheckedText {
    guard type(at: index) == SQLITE_TEXT else { throw damaged(index, "report #\(reportID)") }
    let column = Int32(index)
    let start = sqlite3_column_text(statement, column)
    let count = start == nil ? 0 : Int(sqlite3_column_bytes(statement, column))
    return UncheckedText(reportID: reportID, copying: UnsafeBufferPointer(start: start, count: count))
  }

  /// What a text column holds when its bytes are not a text Hashiya writes.
  static let invalidText = "text that is not valid UTF-8 or holds a NUL byte"

  private func damaged(_ index: Int, _ what: String) -> StoreError {
    let kind: String
    switch type(at: index) {
    case SQLITE_NULL: kind = "nothing (NULL)"
    case SQLITE_INTEGER: kind = "a whole number"
    case SQLITE_FLOAT: kind = "a decimal number"
    case SQLITE_TEXT: kind = Self.invalidText
    default: kind = "\(sqlite3_column_bytes(statement, Int32(index))) bytes that are not valid text"
    }
    return damaged(index, holding: kind, what)
  }
}
