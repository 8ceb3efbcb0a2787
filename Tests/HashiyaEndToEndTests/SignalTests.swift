import Foundation
import Testing

/// Ctrl-C, SIGTERM and SIGHUP against the real binary: the running command rolls back, an
/// interactive session carries on after Ctrl-C, and a batch run ends with 128 plus the signal.
@Suite(.serialized) struct SignalTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  /// A project holding the three sample reports, and a JSON Lines file of reports whose import
  /// takes several seconds, long enough to be interrupted once its progress bar shows.
  func prepare() throws -> (before: Data, bigFile: String) {
    let run = try hashiya.run([project, "-c", "import \(HashiyaBinary.samples)"])
    #expect(run.status == 0, "\(run.stderr)")
    let big = hashiya.write("big.jsonl", GeneratedReports.jsonl(150_000, prefix: "r"))
    return (try Data(contentsOf: URL(fileURLWithPath: project)), big)
  }

  /// The project file is as it was, and closed: no write-ahead log left beside it.
  ///
  /// Byte for byte but for SQLite's count of changes in the header: a large import leaves the log
  /// for its transaction and comes back to it after the rollback, and SQLite counts both switches.
  func expectUnchanged(_ before: Data) throws {
    let after = try Data(contentsOf: URL(fileURLWithPath: project))
    #expect(Self.withoutChangeCounters(after) == Self.withoutChangeCounters(before))
    #expect(!FileManager.default.fileExists(atPath: project + "-wal"))
    let (run, docs) = try hashiya.json(project, "reports")
    #expect(run.status == 0)
    #expect((docs.first as? [String: Any])?["total"] as? Int == 3)
  }

  /// `file` with the two counters SQLite bumps on every change of the file in rollback-journal
  /// mode (the file change counter and the version it is valid for, offsets 24 and 92 of the
  /// header) set to zero; every other byte is the file's.
  static func withoutChangeCounters(_ file: Data) -> Data {
    var bytes = [UInt8](file)
    for range in [24..<28, 92..<96] where range.upperBound <= bytes.count {
      bytes.replaceSubrange(range, with: repeatElement(0, count: range.count))
    }
    return Data(bytes)
  }

  /// Starts `hashiya PROJECT` reading its commands from `input`, without a terminal.
  func start(input: Pipe, output: Any, errors: Any) throws -> Process {
    let process = Process()
    process.executableURL = HashiyaBinary.executable
    process.arguments = [project]
    process.currentDirectoryURL = hashiya.folder
    var environment = ProcessInfo.processInfo.environment
    environment["HASHIYA_USER"] = "tester"
    environment["HOME"] = hashiya.folder.path
    process.environment = environment
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    return process
  }

  /// Waits up to a minute for `process` to end, then kills it, so a signal that goes unheard
  /// fails the test rather than hanging it.
  static func waitForExit(_ process: Process) {
    let deadline = Date().addingTimeInterval(60)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning {
      Issue.record("hashiya did not end within a minute of the signal")
      kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
  }

  @Test func ctrlCAtThePromptAbandonsTheLineAndTheSessionGoesOn() throws {
    _ = try hashiya.run([project, "-c", "import \(HashiyaBinary.seed)"])
    let session = try TerminalSession.run(
      [project], in: hashiya.folder,
      steps: [
        .expect("hashiya #1> "), .type("whoami --not-an-option"), .pause(0.3), .type("\u{3}"),
        .expect("hashiya #1> "), .type("whoami\r"), .expect("tester on"), .expect("hashiya #1> "),
        .type("\u{3}"), .expect("hashiya #1> "), .type("quit\r"), .expect("bye"),
      ])
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(session.status == 0, "\(session.output)")
    // The abandoned line never ran.
    #expect(!session.output.contains("unknown option"), "\(session.output)")
  }

  /// SIGTERM or SIGHUP (the terminal closing) at the prompt ends the session as `quit` does:
  /// the project is closed, with no write-ahead log left, and the status says which signal.
  @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129)])
  func terminationAtThePromptClosesTheProject(signal: Int32, status: Int) throws {
    _ = try hashiya.run([project, "-c", "import \(HashiyaBinary.seed)"])
    let session = try TerminalSession.run(
      [project], in: hashiya.folder,
      steps: [.expect("hashiya #1> "), .type("whoami"), .pause(0.3), .signal(signal)])
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(session.status == status, "\(session.output)")
    #expect(!session.output.contains("tester on"), "\(session.output)")
    #expect(!FileManager.default.fileExists(atPath: project + "-wal"))
  }

  @Test func ctrlCDuringAnImportRollsItBackAndGivesThePromptBack() throws {
    let (before, big) = try prepare()
    let session = try TerminalSession.run(
      [project], in: hashiya.folder,
      steps: [
        .expect("hashiya #1> "), .type("import \(big)\r"), .expect("%"), .type("\u{3}"),
        .expect("interrupted — nothing was changed"), .expect("hashiya #1> "), .type("reports\r"),
        .expect("3 reports"), .expect("hashiya #1> "), .type("quit\r"), .expect("bye"),
      ])
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(session.status >= 0, "\(session.output)")
    try expectUnchanged(before)
  }

  /// `-c` in a terminal is a batch run: Ctrl-C, SIGTERM and SIGHUP end it with 128 + the signal,
  /// after the import rolled back, and the commands after it do not run.
  @Test(arguments: [
    (TerminalSession.Step.type("\u{3}"), 130), (TerminalSession.Step.signal(SIGTERM), 143),
    (TerminalSession.Step.signal(SIGHUP), 129),
  ])
  func aSignalDuringABatchImportEndsTheRunAfterRollingBack(signal: TerminalSession.Step, status: Int) throws {
    let (before, big) = try prepare()
    let session = try TerminalSession.run(
      [project, "-c", "import \(big); whoami"], in: hashiya.folder,
      steps: [.expect("%"), signal, .expect("interrupted — nothing was changed")])
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(session.status == status, "\(session.output)")
    #expect(!session.output.contains("tester on"), "\(session.output)")
    try expectUnchanged(before)
  }

  /// When a run is interrupted unless a test knows a better moment: two seconds in.
  static func twoSecondsIn() -> Bool {
    Thread.sleep(forTimeInterval: 2)
    return true
  }

  /// Pipes `commands` into a batch run, sends SIGINT once `started` says the work is under way
  /// (by default two seconds in), and waits for the end.
  func interruptPiped(
    _ commands: String, once started: () throws -> Bool = twoSecondsIn
  ) throws -> (process: Process, stderr: String) {
    let input = Pipe()
    let errors = Pipe()
    let process = try start(input: input, output: FileHandle.nullDevice, errors: errors)
    input.fileHandleForWriting.write(Data(commands.utf8))
    try input.fileHandleForWriting.close()
    let deadline = Date().addingTimeInterval(30)
    while try !started(), process.isRunning, Date() < deadline {
      Thread.sleep(forTimeInterval: 0.002)
    }
    if process.isRunning { process.interrupt() }
    Self.waitForExit(process)
    return (process, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
  }

  /// Commands piped in, no terminal at all: SIGINT still ends the run with 130 after rollback.
  @Test func sigintDuringAPipedImportExits130() throws {
    let (before, big) = try prepare()
    let (process, stderr) = try interruptPiped("import \(big)\nwhoami\n")
    #expect(process.terminationReason == .exit, "\(stderr)")
    #expect(process.terminationStatus == 130, "\(stderr)")
    #expect(stderr.contains("interrupted — nothing was changed"), "\(stderr)")
    try expectUnchanged(before)
  }

  /// An export stopped by Ctrl-C leaves neither its file nor a partial one behind.
  @Test func sigintDuringAnExportLeavesNoFileBehind() throws {
    let (_, big) = try prepare()
    let imported = try hashiya.run([project, "-c", "import \(big)"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let before = try FileManager.default.contentsOfDirectory(atPath: hashiya.folder.path)
    // Interrupted as soon as the export's temporary beside `out.jsonl` appears: after a fixed
    // delay a fast machine had finished the export. (The project's own log files appear first.)
    let (process, stderr) = try interruptPiped("export out.jsonl\nwhoami\n") {
      try FileManager.default.contentsOfDirectory(atPath: hashiya.folder.path).contains { $0.contains("out.jsonl") }
    }
    #expect(process.terminationStatus == 130, "\(stderr)")
    #expect(stderr.contains("interrupted — nothing was changed"), "\(stderr)")
    let after = try FileManager.default.contentsOfDirectory(atPath: hashiya.folder.path)
    #expect(after.sorted() == before.sorted(), "\(stderr)")
  }

  /// A batch run waiting for its next piped command hears SIGTERM at once.
  @Test func sigtermWhileWaitingForPipedInputExits143() throws {
    _ = try hashiya.run([project, "-c", "import \(HashiyaBinary.seed)"])
    let input = Pipe()
    let output = Pipe()
    let process = try start(input: input, output: output, errors: FileHandle.nullDevice)
    input.fileHandleForWriting.write(Data("whoami\n".utf8))
    // Wait for the first command's answer, so the run is waiting for the next line.
    var seen = Data()
    while !String(decoding: seen, as: UTF8.self).contains("tester on") {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      seen += chunk
    }
    process.terminate()
    Self.waitForExit(process)
    #expect(process.terminationReason == .exit)
    #expect(process.terminationStatus == 143)
    #expect(!FileManager.default.fileExists(atPath: project + "-wal"))
    try input.fileHandleForWriting.close()
  }
}
