import Foundation

/// The bad reports an import under `--skip-bad` left out, each described with its place and
/// reason; reading and writing run on two threads, so both may add to it.
public final class SkippedReports: @unchecked Sendable {
  private let lock = NSLock()
  private var items: [String] = []

  public init() {}

  func add(_ error: any Error) {
    lock.withLock { items.append(String(describing: error)) }
  }

  /// What was skipped, in the order it was met.
  public var descriptions: [String] {
    lock.withLock { items }
  }
}
