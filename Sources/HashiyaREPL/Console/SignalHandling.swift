import AnnotatorKit
import Foundation
import Synchronization

/// The process's signal dispositions, set in one place when Hashiya starts.
///
/// SIGPIPE is ignored, so a plugin or reader that goes away turns a write into an EPIPE error
/// rather than the end of Hashiya. SIGINT, SIGTERM and SIGHUP are caught by a handler that does one
/// async-signal-safe things: store the signal's number in an atomic and write it to a pipe. A
/// watcher thread reads the pipe, raises `Interruption` (which long loops check), stops the running
/// SQL statement through the interrupter the Launcher registers, and wakes the main thread wherever
/// it waits for input: readline's prompt and a batch reading its commands both wait through
/// `waitForInput`. The main thread also takes the atomic itself whenever it looks (`pendingSignal`),
/// so a signal is never seen late however busy the machine; whichever thread takes it raises it.
///
/// What a signal then does is decided on the main thread, outside signal context: Ctrl-C stops the
/// running command (its transaction rolls back) and gives the prompt back, or abandons the line
/// being typed; in a batch run it ends the run with 130; SIGTERM and SIGHUP end the session the way
/// `quit` does, with 128 plus the signal's number.
public enum SignalHandling {
  /// The signals that stop the running command.
  static let caught: [Int32] = [SIGINT, SIGTERM, SIGHUP]

  /// Written by the handler, read by the watcher thread.
  nonisolated(unsafe) private static var signalPipe: (read: Int32, write: Int32) = (-1, -1)
  /// Written by the watcher thread, polled by the main thread while it waits for input.
  nonisolated(unsafe) private static var wakePipe: (read: Int32, write: Int32) = (-1, -1)
  private static let hooks = Hooks()

  /// Sets the dispositions and starts the watcher thread; later calls do nothing.
  public static func install() {
    _ = installOnce
  }

  private static let installOnce: Void = {
    _ = signal(SIGPIPE, SIG_IGN)
    guard #available(macOS 15, *) else { return }
    _ = ArrivedSignal.number.load(ordering: .relaxed)  // initialised before any handler runs
    guard let signals = makePipe(), let wake = makePipe() else { return }
    signalPipe = signals
    wakePipe = wake
    // Only the writing end may not block: the watcher sleeps in read until a signal comes.
    _ = fcntl(signals.read, F_SETFL, fcntl(signals.read, F_GETFL) & ~O_NONBLOCK)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { number in
      // Async-signal-safe: a lock-free atomic and one write(2), errno preserved.
      let saved = errno
      if #available(macOS 15, *) { ArrivedSignal.record(number) }
      var byte = UInt8(truncatingIfNeeded: number)
      _ = write(SignalHandling.signalPipe.write, &byte, 1)
      errno = saved
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    for number in caught {
      sigaction(number, &action, nil)
      sigaddset(&unblocked, number)
    }
    // A parent may have left them blocked (a test runner, a service manager); so would the
    // watcher thread, which inherits this mask.
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    let thread = Thread {
      Thread.current.name = "hashiya-signals"
      watch()
    }
    thread.start()
  }()

  /// Registers what stops the running work of the open project (SQLite's interrupt); nil removes it.
  ///
  /// It runs on the watcher thread; removing it waits for a call in progress to finish.
  public static func setInterrupter(_ interrupter: (@Sendable () -> Void)?) {
    hooks.setInterrupter(interrupter)
  }

  /// Adds a clean-up to run on the main thread once a command has stopped because of a signal,
  /// before the prompt returns or the program exits (e.g. removing partial export files).
  public static func onInterruption(_ cleanup: @escaping @Sendable () -> Void) {
    hooks.addCleanup(cleanup)
  }

  /// Runs the clean-ups of `onInterruption`.
  static func runCleanups() {
    for cleanup in hooks.cleanups { cleanup() }
  }

  /// The exit code of a run that a signal ended: 128 plus its number, as shells report it.
  public static func exitCode(for signal: Int32) -> Int32 { 128 + signal }

  /// The signal that asked to stop and is not yet handled, or nil; for the main thread.
  static var pendingSignal: Int32? {
    collect()
    return Interruption.signal
  }

  /// Throws `Interrupted` when a signal asked the running command to stop: `Interruption.check()`
  /// for the main thread, which also sees a signal the watcher has not yet handled.
  static func check() throws(Interrupted) {
    collect()
    try Interruption.check()
  }

  /// Raises the signal the handler recorded, if the watcher has not already.
  private static func collect() {
    guard #available(macOS 15, *), let number = ArrivedSignal.take() else { return }
    Interruption.request(signal: number)
  }

  /// Waits until `descriptor` can be read (true) or a signal is pending (false).
  static func waitForInput(_ descriptor: Int32) -> Bool {
    while true {
      if pendingSignal != nil { return false }
      var fds = [
        pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: wakePipe.read, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, 2, -1)
      if ready < 0 {
        if errno == EINTR { continue }
        return true  // let the read itself report the failure
      }
      if fds[1].revents != 0 {
        drainWakePipe()
        continue
      }
      if fds[0].revents != 0 { return true }
    }
  }

  /// Marks a Ctrl-C as handled: the next one is a new request.
  static func acknowledge() {
    collect()
    Interruption.clear()
    drainWakePipe()
  }

  private static func drainWakePipe() {
    guard wakePipe.read >= 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(wakePipe.read, &buffer, buffer.count) > 0 {}
  }

  /// The watcher thread: turns each signal into a request, an interrupt and a wake-up.
  private static func watch() {
    var byte: UInt8 = 0
    while true {
      let count = read(signalPipe.read, &byte, 1)
      if count < 0 && errno == EINTR { continue }
      guard count == 1 else { return }
      collect()
      // Unless the main thread has already seen and handled it (a Ctrl-C at the prompt), in which
      // case a statement running now belongs to the next command.
      if Interruption.isRequested { hooks.interrupt() }
      _ = write(wakePipe.write, &byte, 1)
    }
  }

  /// A pipe whose ends are closed in child processes and do not block.
  private static func makePipe() -> (read: Int32, write: Int32)? {
    var fds: [Int32] = [-1, -1]
    guard pipe(&fds) == 0 else { return nil }
    for fd in fds {
      _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
    return (fds[0], fds[1])
  }

  /// The number of the last signal caught and not yet raised, 0 for none: the one thing the handler
  /// writes besides the pipe. A termination signal is never replaced by a Ctrl-C.
  @available(macOS 15, *)
  private enum ArrivedSignal {
    static let number = Atomic<Int32>(0)

    static func record(_ signal: Int32) {
      if signal == SIGINT {
        _ = number.compareExchange(expected: 0, desired: signal, ordering: .relaxed)
      } else {
        number.store(signal, ordering: .relaxed)
      }
    }

    static func take() -> Int32? {
      let taken = number.exchange(0, ordering: .relaxed)
      return taken == 0 ? nil : taken
    }
  }

  /// The interrupter and the clean-ups, shared between the main and the watcher thread.
  private final class Hooks: @unchecked Sendable {
    private let lock = NSLock()
    private var interrupter: (@Sendable () -> Void)?
    private var registeredCleanups: [@Sendable () -> Void] = []

    func setInterrupter(_ interrupter: (@Sendable () -> Void)?) {
      lock.lock()
      self.interrupter = interrupter
      lock.unlock()
    }

    func interrupt() {
      lock.lock()
      defer { lock.unlock() }
      interrupter?()
    }

    func addCleanup(_ cleanup: @escaping @Sendable () -> Void) {
      lock.lock()
      registeredCleanups.append(cleanup)
      lock.unlock()
    }

    var cleanups: [@Sendable () -> Void] {
      lock.lock()
      defer { lock.unlock() }
      return registeredCleanups
    }
  }
}
