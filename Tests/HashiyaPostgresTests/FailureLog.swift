import Foundation

/// Errors collected from several threads.
final class FailureLog: @unchecked Sendable {
  private let lock = NSLock()
  private var collected: [String] = []

  func record(_ error: any Error) { lock.withLock { collected.append("\(error)") } }

  var errors: [String] { lock.withLock { collected } }
}
