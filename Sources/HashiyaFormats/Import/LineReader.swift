import Foundation

/// Reads a file line by line in fixed-size chunks, so a huge JSONL file never sits in memory whole.
struct LineReader {
  private let handle: FileHandle
  private let chunkSize: Int

  init(handle: FileHandle, chunkSize: Int = 1 << 20) {
    self.handle = handle
    self.chunkSize = chunkSize
  }

  /// Calls `body` with each line (without its `\n` or `\r\n`), its 1-based number and the bytes
  /// read so far.
  func forEachLine(_ body: (UnsafeRawBufferPointer, Int, Int) throws -> Void) throws {
    var carry: [UInt8] = []
    var lineNumber = 0
    var bytesRead = 0
    while true {
      let chunk = try handle.read(upToCount: chunkSize) ?? Data()
      if chunk.isEmpty { break }
      bytesRead += chunk.count
      try chunk.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
        var lineStart = 0
        while let newline = Self.indexOfNewline(raw, from: lineStart) {
          lineNumber += 1
          if carry.isEmpty {
            try body(Self.trimmingCR(UnsafeRawBufferPointer(rebasing: raw[lineStart..<newline])), lineNumber, bytesRead)
          } else {
            carry.append(contentsOf: raw[lineStart..<newline])
            try carry.withUnsafeBytes { try body(Self.trimmingCR($0), lineNumber, bytesRead) }
            carry.removeAll(keepingCapacity: true)
          }
          lineStart = newline + 1
        }
        carry.append(contentsOf: raw[lineStart...])
      }
    }
    if !carry.isEmpty {
      lineNumber += 1
      try carry.withUnsafeBytes { try body(Self.trimmingCR($0), lineNumber, bytesRead) }
    }
  }

  private static func indexOfNewline(_ raw: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard start < raw.count, let base = raw.baseAddress else { return nil }
    guard let found = memchr(base + start, 0x0A, raw.count - start) else { return nil }
    return base.distance(to: UnsafeRawPointer(found))
  }

  private static func trimmingCR(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    if let last = line.last, last == 0x0D {
      return UnsafeRawBufferPointer(rebasing: line[0..<line.count - 1])
    }
    return line
  }
}
