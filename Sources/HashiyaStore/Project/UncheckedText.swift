import Foundation
import HashiyaModel

/// A report's text as the file stores it, read but not yet checked as UTF-8.
///
/// Checking a text as it becomes a `String` is the largest part of reading a report; an export
/// reads on one thread and writes on another, and this lets whichever of the two has time do it
/// (`ProjectStore.forEachReportWithUncheckedText`).
public struct UncheckedText: Sendable {
  /// The report whose text this is, for an error that names it.
  public let reportID: Int
  let bytes: [UInt8]

  /// The text, or the error reading it in place would have given: the bytes must be valid UTF-8
  /// without a NUL, which Hashiya never writes.
  public func string() throws(StoreError) -> String {
    // memchr, not `contains`: it scans a word at a time.
    let holdsNUL = bytes.withUnsafeBufferPointer { $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
    guard !holdsNUL, let text = String(validating: bytes, as: UTF8.self) else {
      throw .damaged(what: "report #\(reportID)", reason: "its text holds \(StatementRow.invalidText)")
    }
    return text
  }
}
