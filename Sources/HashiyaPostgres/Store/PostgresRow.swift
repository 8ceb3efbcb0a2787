import AnnotatorKit
import HashiyaModel

/// One row of a server's answer, read by position and checked: a value that is not what
/// Hashiya writes is `StoreError.damaged` naming the row, never a crash.
struct PostgresRow {
  let values: [String?]
  let columns: [String]

  /// The rows of `result`.
  static func all(_ result: PostgresResult) -> [PostgresRow] {
    result.rows.map { PostgresRow(values: $0, columns: result.columnNames) }
  }

  func optionalText(_ index: Int) -> String? { index < values.count ? values[index] : nil }

  func text(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> String {
    guard let value = optionalText(index) else { throw damaged(index, what(), "holds nothing (NULL)") }
    return value
  }

  func optionalInt(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Int? {
    guard let value = optionalText(index) else { return nil }
    guard let number = Int(value) else { throw damaged(index, what(), "holds \"\(value)\", not a whole number") }
    return number
  }

  func int(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Int {
    guard let number = try optionalInt(index, what()) else { throw damaged(index, what(), "holds nothing (NULL)") }
    return number
  }

  func bool(_ index: Int, _ what: @autoclosure () -> String) throws(StoreError) -> Bool {
    switch try text(index, what()) {
    case "t", "true", "1": return true
    case "f", "false", "0": return false
    case let other: throw damaged(index, what(), "holds \"\(other)\", not a truth value")
    }
  }

  /// The enumeration value (a status, a verdict) stored as text in `index`.
  func value<Value: RawRepresentable>(_ index: Int, as type: Value.Type, _ what: @autoclosure () -> String)
    throws(StoreError) -> Value where Value.RawValue == String
  {
    let text = try text(index, what())
    guard let value = Value(rawValue: text) else {
      throw damaged(index, what(), "\"\(text)\" is not one Hashiya writes")
    }
    return value
  }

  private func damaged(_ index: Int, _ what: String, _ reason: String) -> StoreError {
    let column = index < columns.count ? columns[index] : "column \(index)"
    return .damaged(what: what, reason: "its \(column) \(reason)")
  }
}

/// The records of the project's tables, read from `SELECT *` rows in the schema's column order.
enum PostgresRecords {
  static func report(_ row: PostgresRow) throws(StoreError) -> Report {
    let id = try row.int(0, "a report")
    let what = "report #\(id)"
    return Report(
      id: id, uid: try row.text(1, what), title: try row.text(2, what), source: row.optionalText(4),
      url: row.optionalText(5), language: try row.text(6, what), published: row.optionalText(7),
      text: try row.text(8, what), sha256: try row.text(9, what), length: try row.int(10, what),
      hadBOM: try row.int(11, what) != 0, metadataJSON: try row.text(12, what), importedAt: try row.text(13, what),
      importedBy: try row.text(14, what))
  }

  static func annotation(_ row: PostgresRow) throws(StoreError) -> Annotation {
    let id = try row.int(0, "an annotation")
    let what = "annotation #\(id)"
    let start = try row.int(5, what)
    let end = try row.int(6, what)
    guard start >= 0, end > start else {
      throw .damaged(what: what, reason: "its offsets \(start)..\(end) are not a span")
    }
    let range = TextRange(start, end)
    return Annotation(
      id: id, uuid: try row.text(1, what), reportID: try row.int(2, what), layer: try row.text(3, what),
      label: try row.text(4, what), range: range, quote: try row.text(7, what),
      attributes: try Annotation.storedAttributes(try row.text(8, what), of: what), author: try row.text(9, what),
      origin: try row.text(10, what), status: try row.value(11, as: Annotation.Status.self, what),
      createdAt: try row.text(12, what), updatedAt: try row.text(13, what),
      provenance: try Annotation.storedProvenance(row.optionalText(14), of: what),
      fragments: try Annotation.storedFragments(row.optionalText(15), after: range, of: what))
  }

  static func link(_ row: PostgresRow) throws(StoreError) -> AnnotationLink {
    let id = try row.int(0, "a link")
    let what = "link \(id)"
    return AnnotationLink(
      id: id, uuid: try row.text(1, what), type: try row.text(2, what), fromID: try row.int(3, what),
      toID: try row.int(4, what), author: try row.text(6, what),
      status: try row.value(7, as: Annotation.Status.self, what), createdAt: try row.text(8, what))
  }

  static func event(_ row: PostgresRow) throws(StoreError) -> ProjectEvent {
    let id = try row.int(0, "an event")
    let what = "event \(id)"
    return ProjectEvent(
      id: id, uuid: try row.text(1, what), at: try row.text(2, what), author: try row.text(3, what),
      action: try row.text(4, what), entity: try row.text(5, what), entityID: row.optionalText(6),
      reportID: try row.optionalInt(7, what), before: row.optionalText(8), after: row.optionalText(9),
      reverts: try row.optionalInt(10, what), batch: try row.text(11, what))
  }

  static func layer(_ row: PostgresRow) throws(StoreError) -> LayerRecord {
    let what = "a layer"
    return LayerRecord(
      id: try row.text(0, what), version: try row.text(1, what), kind: try row.text(2, what),
      schemaJSON: try row.text(3, what))
  }
}

extension PostgresConnection {
  /// The rows `sql` returns, checked by position.
  func rows(_ sql: String, _ parameters: [PostgresValue?] = []) throws -> [PostgresRow] {
    PostgresRow.all(try execute(sql, parameters))
  }

  /// The first column of the first row, as a whole number; nil for no row or NULL.
  func int(_ sql: String, _ parameters: [PostgresValue?] = []) throws -> Int? {
    try rows(sql, parameters).first?.optionalInt(0, "a number the server computed")
  }
}

extension PostgresValue {
  /// A text value, or SQL NULL for nil.
  static func optional(_ text: String?) -> PostgresValue? { text.map(PostgresValue.text) }

  /// A whole number, or SQL NULL for nil.
  static func optional(_ number: Int?) -> PostgresValue? { number.map(PostgresValue.int) }

  /// A list of whole numbers as a PostgreSQL array literal, for `= ANY($1::bigint[])`.
  static func ints(_ numbers: [Int]) -> PostgresValue {
    .text("{" + numbers.map(String.init).joined(separator: ",") + "}")
  }

  /// A list of texts as a PostgreSQL array literal, each element quoted, for `= ANY($1::text[])`.
  static func texts(_ texts: [String]) -> PostgresValue {
    let quoted = texts.map { text -> String in
      var element = "\""
      for character in text {
        if character == "\"" || character == "\\" { element.append("\\") }
        element.append(character)
      }
      return element + "\""
    }
    return .text("{" + quoted.joined(separator: ",") + "}")
  }
}
