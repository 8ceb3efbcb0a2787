import GRDB
import HashiyaModel

extension Row {
  /// Every row a statement gives, each decoded by `decode` where the statement holds it.
  ///
  /// `fetchAll` copies each row, every column converted, before it is decoded: on the pages an
  /// undo or an `accept all` reads, the copy cost as much as the decoding.
  static func decodedAll<T>(
    _ statement: Statement, arguments: StatementArguments, _ decode: (Row) throws -> T
  ) throws -> [T] {
    let rows = try fetchCursor(statement, arguments: arguments)
    var decoded: [T] = []
    while let row = try rows.next() { decoded.append(try decode(row)) }
    return decoded
  }
}
