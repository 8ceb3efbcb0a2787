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
      guard var field else {
        buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
        continue
      }
      // `withUTF8` cannot pass a typed error through, so a NUL is reported after it returns.
      var sawNUL = false
      field.withUTF8 { bytes in
        // Runs of ordinary bytes are copied whole; only the four COPY reads as syntax are escaped.
        var run = 0
        for offset in bytes.indices {
          let escaped: UInt8
          switch bytes[offset] {
          case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
          case UInt8(ascii: "\t"): escaped = UInt8(ascii: "t")
          case UInt8(ascii: "\n"): escaped = UInt8(ascii: "n")
          case UInt8(ascii: "\r"): escaped = UInt8(ascii: "r")
          case 0:
            sawNUL = true
            return
          default: continue
          }
          buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<offset]))
          buffer.append(UInt8(ascii: "\\"))
          buffer.append(escaped)
          run = offset + 1
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
      }
      if sawNUL { throw .copyFailed("field \(index + 1) of row \(rowNumber) contains a NUL character") }
    }
    buffer.append(UInt8(ascii: "\n"))
  }

  /// Empties the buffer after its bytes were sent, keeping its capacity.
  mutating func removeAll() { buffer.removeAll(keepingCapacity: true) }
}
