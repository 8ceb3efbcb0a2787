import HashiyaModel

/// A row whose values a decoder reads with checks: a GRDB `Row`, or the row a statement is on,
/// read in place (`StatementRow`).
///
/// Every accessor throws `StoreError.damaged` for a value of the wrong kind rather than trap, so a
/// row edited outside Hashiya is an error naming it.
protocol CheckedRow {
  /// How many columns the row has.
  var count: Int { get }
  /// The name of the column at `index`, for an error that names it.
  func columnName(at index: Int) -> String
  /// Text at `index`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> String
  /// Text or NULL at `index`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> String?
  /// A whole number at `index`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Int
  /// A whole number or NULL at `index`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Int?
  /// A flag stored as a whole number at `index`.
  func checked(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Bool
  /// How many bytes the file holds at `index`, to tell a text read whole from one cut short.
  func storedByteCount(at index: Int) -> Int?
  /// Whether two columns hold the same text, byte for byte: a decoder then reads it once.
  func holdsSameText(_ index: Int, as other: Int) -> Bool
}

extension CheckedRow {
  /// The enumeration value (a status, a verdict) stored as text in `index`.
  func checked<Value: RawRepresentable>(
    _ index: Int, as type: Value.Type, _ what: @autoclosure () -> String
  ) throws(StoreError) -> Value where Value.RawValue == String {
    let text: String = try checked(index, what())
    guard let value = Value(rawValue: text) else {
      throw .damaged(what: what(), reason: "its \(columnName(at: index)) \"\(text)\" is not one Hashiya writes")
    }
    return value
  }

  /// The error for the value at `index`, described as `kind` ("a whole number", "text").
  func damaged(_ index: Int, holding kind: String, _ what: String) -> StoreError {
    .damaged(what: what, reason: "its \(columnName(at: index)) holds \(kind)")
  }
}
