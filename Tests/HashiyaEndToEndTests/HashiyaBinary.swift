import Foundation

/// Runs the built `hashiya` executable as a user would, in a fresh temporary folder per test.
final class HashiyaBinary {
  /// What one run printed and how it ended.
  struct Run {
    var stdout: String
    var stderr: String
    var status: Int32
    /// Whether the run was killed for outliving its timeout.
    var timedOut = false

    var stdoutLines: [String] { stdout.split(separator: "\n").map(String.init) }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
  }

  let folder: URL

  init() {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("hashiya-e2e-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// The binary `swift build` put beside this test bundle.
  static let executable: URL = {
    if let override = ProcessInfo.processInfo.environment["HASHIYA_BIN"] {
      return URL(fileURLWithPath: override)
    }
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<5 {
      let candidate = directory.appendingPathComponent("hashiya")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        return candidate
      }
      directory.deleteLastPathComponent()
    }
    fatalError("the hashiya binary was not found near \(CommandLine.arguments[0]); set HASHIYA_BIN")
  }()

  /// The repository's root, for the sample reports.
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static var samples: String { repository.appendingPathComponent("projects/samples").path }
  static var seed: String { samples + "/coalition-sdf-report.ar.txt" }

  /// Runs `hashiya ARGS` with `input` on standard input, in this test's folder (or `directory`);
  /// a run that outlives `timeout` seconds is killed, so a test of a hang cannot hang itself.
  ///
  /// `launcher` (a program and its arguments) runs the binary in its place, e.g. a shell that
  /// sets a resource limit first; it receives the binary's path and `arguments` after its own.
  @discardableResult
  func run(
    _ arguments: [String], input: String? = nil, environment: [String: String] = [:], directory: String? = nil,
    launcher: [String] = [], timeout: TimeInterval? = nil
  ) throws -> Run {
    let process = Process()
    if let program = launcher.first {
      process.executableURL = URL(fileURLWithPath: program)
      process.arguments = launcher.dropFirst() + [Self.executable.path] + arguments
    } else {
      process.executableURL = Self.executable
      process.arguments = arguments
    }
    process.currentDirectoryURL = directory.map { URL(fileURLWithPath: $0) } ?? folder
    var env = ProcessInfo.processInfo.environment
    env["HASHIYA_USER"] = "tester"
    env["HOME"] = folder.path
    env.removeValue(forKey: "NO_COLOR")
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    nonisolated(unsafe) var timedOut = false
    let killer = DispatchWorkItem {
      guard process.isRunning else { return }
      timedOut = true
      kill(process.processIdentifier, SIGKILL)
    }
    if let timeout { DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer) }
    // Drain stderr on another thread so neither pipe can fill up and block the child.
    nonisolated(unsafe) var errorData = Data()
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errorData = Self.readAll(stderr.fileHandleForReading)
      drained.signal()
    }
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try stdin.fileHandleForWriting.close()
    let outputData = Self.readAll(stdout.fileHandleForReading)
    drained.wait()
    process.waitUntilExit()
    killer.cancel()
    return Run(
      stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self),
      status: process.terminationStatus, timedOut: timedOut)
  }

  /// Everything until the end of the pipe, read again after a signal interrupts a read (Foundation's
  /// own reader traps on that, and a test process receives signals from the processes it runs).
  static func readAll(_ handle: FileHandle) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = read(handle.fileDescriptor, &buffer, buffer.count)
      if count > 0 {
        data.append(contentsOf: buffer[0..<count])
      } else if count == 0 || errno != EINTR {
        return data
      }
    }
  }

  /// Runs `-c COMMANDS --json` on `project` and parses each output line as JSON.
  func json(_ project: String, _ commands: String) throws -> (run: Run, documents: [Any]) {
    let run = try run([project, "--json", "-c", commands])
    let documents = try run.stdoutLines.map {
      try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed])
    }
    return (run, documents)
  }

  func write(_ name: String, _ bytes: [UInt8]) -> String {
    let p = path(name)
    try? FileManager.default.createDirectory(
      atPath: (p as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: p, contents: Data(bytes))
    return p
  }

  func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}
