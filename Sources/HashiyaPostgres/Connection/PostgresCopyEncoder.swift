/// Writes rows in PostgreSQL's text COPY format into a byte buffer the caller drains in large chunks.
struct PostgresCopyEncoder {
  /// The encoded bytes not yet sent.
  private(set) var buffer: [UInt8] = []

  init(capacity: Int) { buffer.reserveCapacity(capacity) }

  /// Appends one row: fields separated by tabs, NULL as `\N`, the row ended by a newline.
  /// `rowNumber` (from 1) only names the row in an error.
  mutating func append(_ row: [String?], rowNumber: Int) throws(PostgresError) {
    for (index, field) in row.enumerated() {
      if index > 0 { buffer.append(UInt8(ascii: "\t")) }
      guard let field else {
        buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
        continue
      }
      for byte in field.utf8 {
        switch byte {
        case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0:
          throw .copyFailed("field \(index + 1) of row \(rowNumber) contains a NUL character")
        default: buffer.append(byte)
        }
      }
    }
    buffer.append(UInt8(ascii: "\n"))
  }

  /// Empties the buffer after its bytes were sent, keeping its capacity.
  mutating func removeAll() { buffer.removeAll(keepingCapacity: true) }
}
