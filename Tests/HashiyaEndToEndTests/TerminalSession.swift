import Foundation

/// Runs the built `hashiya` in a pseudo-terminal, as a person at a keyboard would: it waits for
/// what the screen shows, types, presses Ctrl-C and sends signals.
///
/// The terminal is made by Python's `pty` module (python3 is on every CI image), which gives the
/// child a controlling terminal, so Ctrl-C typed into it raises SIGINT as in a real session.
struct TerminalSession {
  enum Step: Sendable {
    /// Waits until the output (after the previous match) shows `text`.
    case expect(String, timeout: Double = 60)
    /// Types `text`; "\r" is Enter and "\u{3}" Ctrl-C.
    case type(String)
    case pause(Double)
    /// Sends the signal to the process, not through the terminal.
    case signal(Int32)
    /// Runs another program to its end meanwhile (a teammate's command), its output discarded.
    case runElsewhere([String])

    var json: [Any] {
      switch self {
      case .expect(let text, let timeout): return ["expect", text, timeout]
      case .type(let text): return ["send", text]
      case .pause(let seconds): return ["sleep", seconds]
      case .signal(let number): return ["signal", Int(number)]
      case .runElsewhere(let argv): return ["run", argv]
      }
    }
  }

  struct Result {
    /// Everything the terminal showed.
    var output: String
    /// The exit status, or minus the signal that killed it.
    var status: Int
    /// The step that timed out, if any.
    var failedStep: String?
  }

  static func run(
    _ arguments: [String], in folder: URL, steps: [Step], environment extra: [String: String] = [:],
    columns: Int = 200, rows: Int = 40
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    let stepsJSON = String(decoding: try JSONSerialization.data(withJSONObject: steps.map(\.json)), as: UTF8.self)
    let argv = [HashiyaBinary.executable.path] + arguments
    let argvJSON = String(decoding: try JSONSerialization.data(withJSONObject: argv), as: UTF8.self)
    process.arguments = ["python3", "-c", driver, stepsJSON, argvJSON, folder.path, "\(rows)", "\(columns)"]
    var environment = ProcessInfo.processInfo.environment
    environment["HASHIYA_USER"] = "tester"
    environment["HOME"] = folder.path
    environment["TERM"] = "xterm"
    environment.removeValue(forKey: "NO_COLOR")
    environment.merge(extra) { $1 }
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard let report = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      throw DriverFailure(output: String(decoding: data, as: UTF8.self))
    }
    return Result(
      output: report["output"] as? String ?? "", status: report["status"] as? Int ?? -999,
      failedStep: (report["failed"] as? [Any]).map { "\($0)" } ?? report["failed"] as? String)
  }

  struct DriverFailure: Error {
    var output: String
  }

  /// The Python side: forks the program on a new pseudo-terminal, plays the steps, then waits for
  /// the program to end and prints what the terminal showed and the exit status as JSON.
  static let driver = #"""
    import fcntl, json, os, pty, select, signal, struct, sys, termios, time
    steps, argv, cwd = json.loads(sys.argv[1]), json.loads(sys.argv[2]), sys.argv[3]
    rows, columns = int(sys.argv[4]), int(sys.argv[5])
    # A test runner may block signals; a person's terminal does not, and the time limit needs SIGALRM.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    out, cursor, failed = b"", 0, None
    def report(status):
        print(json.dumps({"output": out.decode("utf-8", "replace"), "status": status, "failed": failed}))
    def give_up(*_):
        global failed
        failed = failed or "no exit within the time limit"
        os.kill(pid, signal.SIGKILL)
        report(None)
        os._exit(0)
    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(240)
    def pump(timeout):
        global out
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return False
        out += chunk
        return bool(chunk)
    for step in steps:
        if step[0] == "expect":
            wanted, deadline = step[1].encode(), time.time() + step[2]
            while wanted not in out[cursor:] and time.time() < deadline and pump(0.05):
                pass
            found = out.find(wanted, cursor)
            if found < 0:
                failed = step
                break
            cursor = found + len(wanted)
        elif step[0] == "run":
            import subprocess
            subprocess.run(step[1], cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        elif step[0] == "send":
            os.write(fd, step[1].encode())
        elif step[0] == "sleep":
            end = time.time() + step[1]
            while time.time() < end and pump(0.05):
                pass
        elif step[0] == "signal":
            os.kill(pid, step[1])
    if failed:
        os.kill(pid, signal.SIGKILL)
    reaped, status = 0, 0
    while not reaped and pump(0.05):
        reaped, status = os.waitpid(pid, os.WNOHANG)
    if not reaped:
        _, status = os.waitpid(pid, 0)
    while pump(0.05):
        pass
    report(os.WEXITSTATUS(status) if os.WIFEXITED(status) else -os.WTERMSIG(status))
    """#
}
