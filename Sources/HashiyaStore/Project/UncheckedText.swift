import HashiyaModel

/// A report's text as the file stores it, read but not yet checked as UTF-8.
///
/// Checking a text as it becomes a `String` is the largest part of reading a report; an export
/// reads on one thread and writes on another, and this lets whichever of the two has time do it
/// (`ProjectStore.forEachReportWithUncheckedText`).
public struct UncheckedText: Sendable {
  /// The report whose text this is, for an error that names it.
  public let reportID: Int
  /// The text's bytes, then a NUL: the check reads them as a C string.
  private let terminated: [UInt8]

  /// A copy of `bytes`, to be checked later.
  init(reportID: Int, copying bytes: UnsafeBufferPointer<UInt8>) {
    self.reportID = reportID
    terminated = [UInt8](unsafeUninitializedCapacity: bytes.count + 1) { buffer, initialized in
      initialized = buffer.initialize(fromContentsOf: bytes)
      buffer[initialized] = 0
      initialized += 1
    }
  }

  /// The text, or the error reading it in place would have given: the bytes must be valid UTF-8
  /// without a NUL, which Hashiya never writes.
  public func string() throws(StoreError) -> String {
    let text = terminated.withUnsafeBufferPointer { bytes in
      bytes.baseAddress.flatMap { StatementRow.text(terminated: $0, count: bytes.count - 1) }
    }
    guard let text else {
      throw .damaged(what: "report #\(reportID)", reason: "its text holds \(StatementRow.invalidText)")
    }
    return text
  }
}
