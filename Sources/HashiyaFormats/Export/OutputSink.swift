import Foundation

/// A buffered byte stream to a file or standard output, for exporters that write as they go.
///
/// Files are written to a temporary name beside the target and renamed on `close`, so a failed
/// export never leaves a half-written file under the name the user asked for.
public final class OutputSink {
  private let handle: FileHandle
  private let temporaryPath: String?
  private let finalPath: String?
  private var buffer: [UInt8] = []
  private let flushThreshold = 1 << 20
  public private(set) var bytesWritten = 0

  /// `path` nil or `-` writes to standard output.
  public init(path: String?) throws {
    if let path, path != "-" {
      let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
      guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
        throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
      }
      handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
      temporaryPath = temporary
      finalPath = path
    } else {
      handle = FileHandle.standardOutput
      temporaryPath = nil
      finalPath = nil
    }
    buffer.reserveCapacity(flushThreshold + 65536)
  }

  public func write(_ bytes: [UInt8]) throws {
    buffer.append(contentsOf: bytes)
    bytesWritten += bytes.count
    if buffer.count >= flushThreshold { try flush() }
  }

  public func write(_ text: String) throws {
    try write(Array(text.utf8))
  }

  public func flush() throws {
    guard !buffer.isEmpty else { return }
    try handle.write(contentsOf: buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and, for a file, moves it into place.
  public func close() throws {
    try flush()
    guard let temporaryPath, let finalPath else { return }
    try handle.close()
    if FileManager.default.fileExists(atPath: finalPath) { try FileManager.default.removeItem(atPath: finalPath) }
    try FileManager.default.moveItem(atPath: temporaryPath, toPath: finalPath)
  }

  /// Abandons a file export, removing the partial file.
  public func discard() {
    guard let temporaryPath else { return }
    try? handle.close()
    try? FileManager.default.removeItem(atPath: temporaryPath)
  }
}
