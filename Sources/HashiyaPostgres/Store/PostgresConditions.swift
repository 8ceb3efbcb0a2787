/// The conditions of a `WHERE` clause with their values, written with `?` like the file's SQL
/// and numbered `$1`, `$2`… for the server when the statement is complete.
struct PostgresConditions {
  private(set) var conditions: [String] = []
  private(set) var values: [PostgresValue?] = []

  mutating func add(_ condition: String, _ value: PostgresValue) { add(condition, [value]) }

  mutating func add(_ condition: String, _ values: [PostgresValue]) {
    conditions.append(condition)
    self.values += values.map { $0 }
  }

  /// `WHERE a AND b`, or nothing when there is no condition.
  var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }

  /// `sql` with each `?` outside quotes numbered in order.
  static func numbered(_ sql: String) -> String {
    var result = ""
    var number = 0
    var quoted = false
    for character in sql {
      if character == "'" { quoted.toggle() }
      if character == "?" && !quoted {
        number += 1
        result += "$\(number)"
      } else {
        result.append(character)
      }
    }
    return result
  }
}
