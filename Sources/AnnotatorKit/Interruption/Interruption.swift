import Foundation

/// A request to stop the running command: Ctrl-C (SIGINT), SIGTERM or SIGHUP.
///
/// The front end raises it from outside signal context when a signal arrives; long loops (import,
/// export, suggest, accept, agreement) call `check()` once per report, so a command stops within a
/// report of the request and its transaction rolls back. Reading it costs one uncontended lock.
public enum Interruption {
  private static let state = InterruptionState()

  /// The signal that asked the running command to stop, or nil.
  public static var signal: Int32? { state.signal }

  public static var isRequested: Bool { state.signal != nil }

  /// Asks the running command to stop. A request to end the program (SIGTERM, SIGHUP) is never
  /// downgraded by a later Ctrl-C.
  public static func request(signal: Int32) { state.request(signal) }

  /// Forgets the request once it has been handled.
  public static func clear() { state.clear() }

  /// Throws `Interrupted` when a stop was requested.
  @inline(__always)
  public static func check() throws(Interrupted) {
    if let signal = state.signal { throw Interrupted(signal: signal) }
  }
}

/// The error of a command stopped by `Interruption`: its transaction rolled back.
public struct Interrupted: Error, Equatable, Sendable, CustomStringConvertible {
  /// The signal that stopped it; a batch run exits with 128 plus this number.
  public var signal: Int32

  public init(signal: Int32) { self.signal = signal }

  public var description: String { "interrupted — nothing was changed" }
}

/// The request, shared between the thread that receives signals and the one running commands.
private final class InterruptionState: @unchecked Sendable {
  private let lock = NSLock()
  private var pending: Int32?

  var signal: Int32? {
    lock.lock()
    defer { lock.unlock() }
    return pending
  }

  func request(_ signal: Int32) {
    lock.lock()
    if pending == nil || signal != SIGINT { pending = signal }
    lock.unlock()
  }

  func clear() {
    lock.lock()
    pending = nil
    lock.unlock()
  }
}
