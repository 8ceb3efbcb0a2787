import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// Reading a row's text and whole numbers takes a fast path for the values Hashiya writes; every
/// other stored value must read exactly as through GRDB's checked decoding: the same value, or the
/// same `damaged` error naming the column and what it holds.
@Suite struct RowCheckedTests {
  /// One row of every storage SQLite has, with Arabic, emoji and CRLF text.
  static func row() throws -> Row {
    let queue = try DatabaseQueue()
    return try queue.read { db in
      try Row.fetchOne(
        db,
        sql: """
          SELECT 'قالَ «كويثي» 🇸🇾\r\n' AS text, 42 AS number, NULL AS missing, 2.5 AS fraction,
            CAST('نصّ' AS BLOB) AS utf8Blob, x'C328' AS badBlob, '17' AS digits, 9.0 AS wholeDecimal
          """)
    }.unwrap()
  }

  static let columns = Array(0..<8)

  /// Whether a read through the overloads gives what GRDB's generic decoding gives at `index`:
  /// the same value, or the same error.
  static func agrees<Value: DatabaseValueConvertible & StatementColumnConvertible>(
    _ index: Int, _ read: (Row) throws(StoreError) -> Value
  ) throws -> Bool {
    let row = try Self.row()
    let fast = Result { () throws(StoreError) -> Value in try read(row) }
    let slow = Result { () throws(StoreError) -> Value in try row.generic(index) }
    return String(describing: fast) == String(describing: slow)
  }

  @Test(arguments: columns)
  func textReadsAsThroughGRDB(_ index: Int) throws {
    #expect(try Self.agrees(index) { row throws(StoreError) -> String in try row.checked(index, "a test row") })
    #expect(try Self.agrees(index) { row throws(StoreError) -> String? in try row.checked(index, "a test row") })
  }

  @Test(arguments: columns)
  func wholeNumbersReadAsThroughGRDB(_ index: Int) throws {
    #expect(try Self.agrees(index) { row throws(StoreError) -> Int in try row.checked(index, "a test row") })
    #expect(try Self.agrees(index) { row throws(StoreError) -> Int? in try row.checked(index, "a test row") })
  }

  @Test func theFastPathReadsWhatHashiyaWrites() throws {
    let row = try Self.row()
    #expect(try row.checked(0, "a test row") as String == "قالَ «كويثي» 🇸🇾\r\n")
    #expect(try row.checked(1, "a test row") as Int == 42)
    #expect(try row.checked(2, "a test row") as String? == nil)
    #expect(try row.checked(2, "a test row") as Int? == nil)
    #expect(throws: StoreError.self) { try row.checked(2, "a test row") as String }
    #expect(throws: StoreError.self) { try row.checked(5, "a test row") as String }
  }
}

extension Row {
  /// The value through GRDB's generic decoding alone, as every read went before the fast path.
  fileprivate func generic<Value: DatabaseValueConvertible & StatementColumnConvertible>(
    _ index: Int
  ) throws(StoreError) -> Value {
    try checked(index, "a test row") as Value
  }
}

extension Optional {
  fileprivate func unwrap() throws -> Wrapped {
    guard let self else { throw StoreError.damaged(what: "a test row", reason: "none was read") }
    return self
  }
}
