import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One running plugin program with its three pipes, spoken to line by line under a deadline.
///
/// Not thread-safe: `ProcessPlugin` owns it behind a lock. All pipe I/O goes through one `poll`
/// loop so a request can be written, the answer read and stderr drained together: a plugin that
/// fills one pipe while the host waits on another cannot deadlock the host, and the deadline
/// holds however the plugin misbehaves.
final class PluginProcess {
  /// Lines longer than this are treated as garbage rather than buffered without bound.
  static let maxLineBytes = 64 << 20
  /// How much of stderr is kept for crash messages.
  static let stderrTailBytes = 16 << 10
  /// How long a process gets to exit on its own after shutdown or after closing its output.
  static let exitGrace: Duration = .seconds(1)

  let plugin: String
  private let process: Process
  private let input: Pipe
  private let output: Pipe
  private let errors: Pipe
  private var outputBuffer: [UInt8] = []
  private var errorTail: [UInt8] = []
  private var outputOpen = true
  private var errorsOpen = true
  private var inputOpen = true
  private var finished = false

  /// Starts `argv` in `folder`; a program without a slash is looked up on PATH, one with a slash
  /// is taken relative to the folder.
  init(plugin: String, argv: [String], folder: String) throws(PluginError) {
    guard let program = argv.first else { throw .launchFailed(plugin: plugin, reason: "\"command\" is empty") }
    let executable = try Self.resolve(program, folder: folder, plugin: plugin)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = Array(argv.dropFirst())
    process.currentDirectoryURL = URL(fileURLWithPath: folder, isDirectory: true)
    var environment = ProcessInfo.processInfo.environment
    // Python plugins are the common case: make their pipes UTF-8 and unbuffered whatever the locale.
    environment["PYTHONIOENCODING"] = "utf-8"
    environment["PYTHONUNBUFFERED"] = "1"
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      for handle in [input.fileHandleForWriting, output.fileHandleForReading, errors.fileHandleForReading] {
        try? handle.close()
      }
      throw .launchFailed(plugin: plugin, reason: "\(executable): \(error.localizedDescription)")
    }
    self.plugin = plugin
    self.process = process
    self.input = input
    self.output = output
    self.errors = errors
    // Writes must never block: a plugin that stops reading would otherwise stall the host
    // past its deadline.
    let fd = input.fileHandleForWriting.fileDescriptor
    _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    stop()
  }

  var processIdentifier: Int32 { process.processIdentifier }

  /// Writes `line` and returns the next non-blank line of output, without its newline.
  func exchange(_ line: [UInt8], timeout: Duration, waitingFor: String) throws(PluginError) -> [UInt8] {
    let deadline = ContinuousClock.now + timeout
    var pending = line[...]
    while true {
      if let answer = takeLine() { return answer }
      guard outputOpen else { throw crashError() }
      let remaining = ContinuousClock.now.duration(to: deadline)
      guard remaining > .zero else {
        stop()
        throw .timedOut(plugin: plugin, seconds: Self.seconds(timeout), waitingFor: waitingFor)
      }
      pump(writing: &pending, timeout: remaining)
      guard outputBuffer.count <= Self.maxLineBytes else {
        stop()
        throw .protocolViolation(plugin: plugin, problem: "an output line longer than \(Self.maxLineBytes >> 20) MB")
      }
    }
  }

  /// Sends `goodbye`, closes stdin and gives the process a second to exit before killing it.
  func shutdown(goodbye: [UInt8]) {
    guard !finished else { return }
    var pending = goodbye[...]
    let deadline = ContinuousClock.now + Self.exitGrace
    while !pending.isEmpty && inputOpen && ContinuousClock.now < deadline {
      pump(writing: &pending, timeout: ContinuousClock.now.duration(to: deadline))
    }
    closeInput()
    // Output is still drained so a plugin flushing its last lines is not blocked on a full pipe.
    while process.isRunning && ContinuousClock.now < deadline {
      var nothing = [UInt8]()[...]
      pump(writing: &nothing, timeout: .milliseconds(20))
      outputBuffer.removeAll(keepingCapacity: true)
    }
    stop()
  }

  /// Kills the process group if still running, waits until it is reaped and closes the pipes.
  func stop() {
    guard !finished else { return }
    finished = true
    let pid = process.processIdentifier
    if process.isRunning {
      // The child leads its own process group, so this also reaches programs a wrapper started.
      _ = kill(-pid, SIGKILL)
      _ = kill(pid, SIGKILL)
    }
    waitForExit(within: .seconds(5))
    closeInput()
    for handle in [output.fileHandleForReading, errors.fileHandleForReading] {
      try? handle.close()
    }
    outputOpen = false
    errorsOpen = false
  }

  /// The last lines the process wrote to stderr.
  var stderrLines: [String] {
    let text = String(decoding: errorTail, as: UTF8.self)
    let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    return Array(lines.suffix(8))
  }

  // MARK: - Pipes

  private func takeLine() -> [UInt8]? {
    while let newline = outputBuffer.firstIndex(of: UInt8(ascii: "\n")) {
      var line = Array(outputBuffer[..<newline])
      outputBuffer.removeSubrange(...newline)
      if line.last == UInt8(ascii: "\r") { line.removeLast() }
      if line.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return line }
    }
    return nil
  }

  /// One round of `poll`: writes what it can of `pending`, reads what is there on stdout and stderr.
  private func pump(writing pending: inout ArraySlice<UInt8>, timeout: Duration) {
    let inputFD = input.fileHandleForWriting.fileDescriptor
    let outputFD = output.fileHandleForReading.fileDescriptor
    let errorsFD = errors.fileHandleForReading.fileDescriptor
    var fds: [pollfd] = []
    if outputOpen { fds.append(pollfd(fd: outputFD, events: Int16(POLLIN), revents: 0)) }
    if errorsOpen { fds.append(pollfd(fd: errorsFD, events: Int16(POLLIN), revents: 0)) }
    if inputOpen && !pending.isEmpty { fds.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
    guard !fds.isEmpty else {
      // Both outputs are closed but the caller is waiting for the exit: sleep instead of spinning.
      usleep(UInt32(min(10_000, max(1000, Self.seconds(timeout) * 1_000_000))))
      return
    }
    let milliseconds = max(
      1, Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000))
    let ready = poll(&fds, nfds_t(fds.count), milliseconds)
    guard ready > 0 else { return }
    for entry in fds where entry.revents != 0 {
      switch entry.fd {
      case outputFD: outputOpen = drain(outputFD, into: &outputBuffer, keepingLast: nil)
      case errorsFD: errorsOpen = drain(errorsFD, into: &errorTail, keepingLast: Self.stderrTailBytes)
      default: feed(&pending, to: inputFD)
      }
    }
  }

  /// Appends what is available; returns false at end of file.
  private func drain(_ fd: Int32, into buffer: inout [UInt8], keepingLast limit: Int?) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if count < 0 { return errno == EINTR || errno == EAGAIN }
    if count == 0 { return false }
    buffer.append(contentsOf: chunk[..<count])
    if let limit, buffer.count > limit { buffer.removeFirst(buffer.count - limit) }
    return true
  }

  private func feed(_ pending: inout ArraySlice<UInt8>, to fd: Int32) {
    let written = pending.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    if written > 0 {
      pending = pending.dropFirst(written)
    } else if written < 0 && errno != EAGAIN && errno != EINTR {
      // EPIPE: the plugin closed stdin or died; its output pipe will tell which. (The host
      // ignores SIGPIPE, set once at start-up, so this is an error rather than the end.)
      closeInput()
      pending = pending.dropFirst(pending.count)
    }
  }

  private func closeInput() {
    guard inputOpen else { return }
    inputOpen = false
    try? input.fileHandleForWriting.close()
  }

  // MARK: - Exit

  /// The process closed its output mid-request: wait briefly for it to exit and report how.
  private func crashError() -> PluginError {
    let deadline = ContinuousClock.now + Self.exitGrace
    while (process.isRunning || errorsOpen) && ContinuousClock.now < deadline {
      var nothing = [UInt8]()[...]
      pump(writing: &nothing, timeout: .milliseconds(10))
    }
    let status: String
    if process.isRunning {
      status = "closed its output"
    } else if process.terminationReason == .uncaughtSignal {
      status = "was killed by signal \(process.terminationStatus)"
    } else {
      status = "exited with status \(process.terminationStatus)"
    }
    let lines = stderrLines
    stop()
    return .crashed(plugin: plugin, status: status, stderr: lines)
  }

  private func waitForExit(within limit: Duration) {
    let deadline = ContinuousClock.now + limit
    // Foundation reaps the child on its own thread; polling `isRunning` avoids racing it with waitpid.
    while process.isRunning && ContinuousClock.now < deadline { usleep(2000) }
  }

  // MARK: - Setup

  private static func resolve(_ program: String, folder: String, plugin: String) throws(PluginError) -> String {
    let files = FileManager.default
    if program.contains("/") {
      let path = program.hasPrefix("/") ? program : (folder as NSString).appendingPathComponent(program)
      guard files.fileExists(atPath: path) else {
        throw .launchFailed(plugin: plugin, reason: "program \(path) not found")
      }
      guard files.isExecutableFile(atPath: path) else {
        throw .launchFailed(plugin: plugin, reason: "program \(path) is not executable (chmod +x?)")
      }
      return path
    }
    let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in searchPath.split(separator: ":") where !directory.isEmpty {
      let path = (String(directory) as NSString).appendingPathComponent(program)
      var isDirectory: ObjCBool = false
      if files.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
        files.isExecutableFile(atPath: path)
      {
        return path
      }
    }
    throw .launchFailed(plugin: plugin, reason: "program \"\(program)\" not found on PATH")
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
  }
}
