import GRDB
import HashiyaModel

extension Row {
  /// The value at `index`, or `StoreError.damaged` when the stored value cannot be one.
  ///
  /// GRDB's subscripts trap on a value of the wrong type (a title stored as invalid UTF-8 bytes,
  /// a start that is text). Hashiya's own writes never store one, but a file edited outside
  /// Hashiya can, and reading it must give an error, never a crash.
  func checked<Value: DatabaseValueConvertible & StatementColumnConvertible>(
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

  /// The enumeration value (a status, a verdict) stored as text in `index`.
  func checked<Value: RawRepresentable>(
    _ index: Int, as type: Value.Type, _ what: @autoclosure () -> String
  ) throws(StoreError) -> Value where Value.RawValue == String {
    let text: String = try checked(index, what())
    guard let value = Value(rawValue: text) else {
      let names = Array(columnNames)
      let column = index < names.count ? names[index] : "column \(index)"
      throw .damaged(what: what(), reason: "its \(column) \"\(text)\" is not one Hashiya writes")
    }
    return value
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
    let names = Array(columnNames)
    let column = index < names.count ? names[index] : "column \(index)"
    return .damaged(what: what, reason: "its \(column) holds \(kind)")
  }
}
