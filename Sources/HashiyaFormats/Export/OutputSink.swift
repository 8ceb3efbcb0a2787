import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered byte stream to a file or standard output, for exporters that write as they go.
///
/// A file is written to a new temporary beside the target (`ExportTemporaries`) and renamed over
/// it on `close`, so the target is replaced whole or not at all and nothing is ever removed first.
/// The target is checked by `ExportDestination` when the sink opens and again just before the
/// rename. A sink dropped without `close` removes its temporary.
public final class OutputSink {
  private let descriptor: Int32
  /// The temporary and its target; nil for standard output.
  private let file: (temporary: String, target: String)?
  private let project: String?
  /// Until the file is renamed into place or discarded.
  private var open = true
  private var descriptorOpen = true
  private var buffer: [UInt8] = []
  private let flushThreshold = 1 << 20
  public private(set) var bytesWritten = 0

  /// `path` nil or `-` writes to standard output. `project` is the open project's file, which the
  /// sink refuses to replace.
  public init(path: String?, project: String? = nil) throws {
    self.project = project
    if let path, path != "-" {
      try ExportDestination.checkFile(path, project: project)
      // An existing file keeps its permissions: a private export stays private.
      let temporary = try ExportTemporaries.createFile(for: path, permissions: FileEntry.permissions(path))
      descriptor = temporary.descriptor
      file = (temporary.path, path)
    } else {
      descriptor = STDOUT_FILENO
      file = nil
    }
    buffer.reserveCapacity(flushThreshold + 65536)
  }

  deinit { discard() }

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
    try ExportTemporaries.writeAll(buffer, to: descriptor, shownAs: file?.target ?? "standard output")
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and, for a file, moves it into place.
  public func close() throws {
    try flush()
    guard let file, open else { return }
    // On disk before the rename, so a crash cannot leave an empty file under the target's name.
    guard fsync(descriptor) == 0 else { throw ExportTemporaries.failure(file.target) }
    descriptorOpen = false
    guard closeDescriptor(descriptor) == 0 else { throw ExportTemporaries.failure(file.target) }
    try ExportTemporaries.commit(file.temporary, to: file.target) { () throws(ExportDestinationError) in
      try ExportDestination.checkFile(file.target, project: project)
    }
    open = false
  }

  /// Abandons a file export, removing the temporary.
  public func discard() {
    guard let file, open else { return }
    open = false
    if descriptorOpen { _ = closeDescriptor(descriptor) }
    ExportTemporaries.discard(file.temporary)
  }
}

/// `close(2)`, which the sink's own `close()` hides inside the class.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
  close(descriptor)
}
