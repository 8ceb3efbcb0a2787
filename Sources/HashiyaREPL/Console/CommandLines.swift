import Foundation

/// Command lines piped to standard input, read so that a signal ends the wait at once.
///
/// `Swift.readLine` would sleep in read(2) until the next line came, so SIGTERM on a batch run
/// waiting for input would go unheard; this reader waits through `SignalHandling.waitForInput`.
struct CommandLines {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var atEnd = false

  init(descriptor: Int32 = STDIN_FILENO) {
    self.descriptor = descriptor
  }

  /// The next line without its line ending (LF or CRLF); nil at end of input or on a signal.
  mutating func next() -> String? {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        var line = buffer[..<newline]
        if line.last == 0x0D { line = line.dropLast() }
        defer { buffer.removeSubrange(...newline) }
        return String(decoding: line, as: UTF8.self)
      }
      if atEnd {
        guard !buffer.isEmpty else { return nil }
        defer { buffer.removeAll() }
        return String(decoding: buffer, as: UTF8.self)
      }
      guard SignalHandling.waitForInput(descriptor) else { return nil }
      var chunk = [UInt8](repeating: 0, count: 64 << 10)
      let count = read(descriptor, &chunk, chunk.count)
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      if count <= 0 {
        atEnd = true
      } else {
        buffer.append(contentsOf: chunk[..<count])
      }
    }
  }
}
