import GRDB
import HashiyaModel

extension Row: CheckedRow {
  /// The value at `index`, or `StoreError.damaged` when the stored value cannot be one.
  ///
  /// GRDB's subscripts trap on a value of the wrong type (a title stored as invalid UTF-8 bytes,
  /// a start that is text). Hashiya's own writes never store one, but a file edited outside
  /// Hashiya can, and reading it must give an error, never a crash.
  func checked<Value: DatabaseValueConvertible & StatementColumnConvertible>(
    _ index: Int, _ what: @autoclosure () -> String
  ) throws(StoreError) -> Value {
    try checkedGenerically(index, what())
  }

  // The common types read without GRDB's generic decoding, whose runtime type lookups were a
  // tenth of reading `accept all`'s candidates; any other stored value takes the checked path.

  /// Text at `index`, checked like `checked(_:_:)`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> String {
    if case .string(let text) = storage(at: index) { return text }
    return try checkedGenerically(index, what())
  }

  /// Text or NULL at `index`, checked like `checked(_:_:)`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> String? {
    switch storage(at: index) {
    case .string(let text): return text
    case .null: return nil
    default: return try checkedGenerically(index, what())
    }
  }

  /// A whole number at `index`, checked like `checked(_:_:)`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Int {
    if case .int64(let value) = storage(at: index), let int = Int(exactly: value) { return int }
    return try checkedGenerically(index, what())
  }

  /// A whole number or NULL at `index`, checked like `checked(_:_:)`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Int? {
    switch storage(at: index) {
    case .int64(let value) where Int(exactly: value) != nil: return Int(value)
    case .null: return nil
    default: return try checkedGenerically(index, what())
    }
  }

  func holdsSameText(_ index: Int, as other: Int) -> Bool {
    guard case .string(let text) = storage(at: index), case .string(let otherText) = storage(at: other) else {
      return false
    }
    return text.utf8.elementsEqual(otherText.utf8)
  }

  /// The stored value at `index`, through the row's collection subscript, which unlike the
  /// value subscripts is not generic.
  private func storage(at index: Int) -> DatabaseValue.Storage {
    self[startIndex.advanced(by: index)].1.storage
  }

  private func checkedGenerically<Value: DatabaseValueConvertible & StatementColumnConvertible>(
    _ index: Int, _ what: @autoclosure () -> String
  ) throws(StoreError) -> Value {
    do {
      return try decode(Value.self, atIndex: index)
    } catch {
      throw damaged(index, what())
    }
  }

  /// The value in the column named `column`, checked like `checked(_:_:)`.
  func checked<Value: DatabaseValueConvertible & StatementColumnConvertible>(
    _ column: String, _ what: @autoclosure () -> String
  ) throws(StoreError) -> Value {
    do {
      return try decode(Value.self, forColumn: column)
    } catch {
      // Only a failure pays for finding the column's position, to describe what it holds.
      guard let index = Array(columnNames).firstIndex(of: column) else {
        throw .damaged(what: what(), reason: "it has no column \(column)")
      }
      throw damaged(index, what())
    }
  }

  /// A flag stored as a whole number at `index`, checked like `checked(_:_:)`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Bool {
    try checkedGenerically(index, what())
  }

  func storedByteCount(at index: Int) -> Int? {
    (try? withUnsafeData(atIndex: index) { $0?.count }) ?? nil
  }

  func columnName(at index: Int) -> String {
    let names = Array(columnNames)
    return index < names.count ? names[index] : "column \(index)"
  }

  private func damaged(_ index: Int, _ what: String) -> StoreError {
    let value = self[index] as DatabaseValue
    let kind: String
    switch value.storage {
    case .null: kind = "nothing (NULL)"
    case .int64: kind = "a whole number"
    case .double: kind = "a decimal number"
    case .string: kind = "text"
    case .blob(let data): kind = "\(data.count) bytes that are not valid text"
    }
    return damaged(index, holding: kind, what)
  }
}
