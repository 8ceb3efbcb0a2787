import AnnotatorTesting
import Foundation
import GRDB
import Testing

/// A large change (`accept all` of tens of thousands of suggestions) and a large import are
/// written with a rollback journal; killed half way, they leave the journal beside the project,
/// which the next session rolls back: the project is exactly as before, and back in WAL mode. A file whose pages the
/// killed change had begun to overwrite is refused by what only reads it (clone, merge).
@Suite struct LargeChangeCrashTests {
  let projects = AgreementMemoryTests()
  var hashiya: HashiyaBinary { projects.hashiya }

  /// What the project holds, table by table: what a killed change must not have changed.
  func contents(_ project: String) throws -> [String: Int] {
    let queue = try DatabaseQueue(path: project)
    defer { try? queue.close() }
    return try queue.read { db in
      var counts: [String: Int] = [:]
      for table in [
        "reports", "reportTokens", "reports_fts_data", "annotations", "events", "commands", "suggestionDecisions",
        "pendingSuggestions", "links",
      ] {
        counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
      }
      counts["active of tester"] = try Int.fetchOne(
        db, sql: "SELECT count(*) FROM annotations WHERE author = 'tester' AND status = 'active'")
      return counts
    }
  }

  /// Whether the file's header says WAL mode (read and write versions 2).
  func headerSaysWAL(_ project: String) throws -> Bool {
    let header = try #require(FileManager.default.contents(atPath: project)?.prefix(20))
    return header.count == 20 && header[18] == 2 && header[19] == 2
  }

  /// The next session rolls the killed change back: nothing of it is left, the journal is gone,
  /// the file is back in WAL mode and whole.
  func expectRolledBack(_ project: String, to before: [String: Int]) throws {
    let opened = try hashiya.run([project, "-c", "whoami"])
    #expect(opened.status == 0, "\(opened.stderr)")
    #expect(!FileManager.default.fileExists(atPath: project + "-journal"))
    #expect(try headerSaysWAL(project))
    #expect(try contents(project) == before)
    let queue = try DatabaseQueue(path: project)
    defer { try? queue.close() }
    #expect(try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
  }

  /// Runs `hashiya ARGS` and kills it with SIGKILL once `ready` holds (or it ends by itself).
  func kill(_ arguments: [String], once ready: () -> Bool) throws -> Process {
    let process = Process()
    process.executableURL = HashiyaBinary.executable
    process.arguments = arguments
    process.currentDirectoryURL = hashiya.folder
    var environment = ProcessInfo.processInfo.environment
    environment["HASHIYA_USER"] = "tester"
    environment["HOME"] = hashiya.folder.path
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning, !ready(), Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
    if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return process
  }

  @Test func aKilledAcceptAllIsRolledBackByTheNextSession() throws {
    let project = try projects.project("killed", reports: 1_000)
    let suggested = try hashiya.run([project, "-c", "suggest --all-reports"])
    try #require(suggested.status == 0, "\(suggested.stderr)")
    let before = try contents(project)
    let journal = project + "-journal"
    // Killed once the journal holds more than the few pages of switching modes: the change's own.
    let killed = try kill([project, "-c", "accept all"]) {
      ((try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0) > 64 << 10
    }
    try #require(killed.terminationReason == .uncaughtSignal, "accept all ended before it was killed")
    // The change was under way with a rollback journal, not the log.
    #expect(FileManager.default.fileExists(atPath: journal))
    #expect(!FileManager.default.fileExists(atPath: project + "-wal"))

    try expectRolledBack(project, to: before)

    // And the change can be made again, whole.
    let accepted = try hashiya.run([project, "-c", "accept all"])
    #expect(accepted.status == 0, "\(accepted.stderr)")
    let after = try contents(project)
    #expect(after["active of tester"] == before["pendingSuggestions"])
    #expect(try headerSaysWAL(project))
  }

  @Test func aKilledLargeImportIsRolledBackByTheNextSession() throws {
    let project = try projects.project("imported", reports: 1_000)
    let before = try contents(project)
    // Six megabytes of reports: enough for the import to expect a large write and leave the log.
    let source = hashiya.write("large-import.jsonl", GeneratedReports.jsonl(30_000, prefix: "k"))
    let journal = project + "-journal"
    // Killed once the journal holds the first pages the import changed, a moment into it.
    let killed = try kill([project, "-c", "import \(source)"]) {
      ((try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0) > 0
    }
    try #require(killed.terminationReason == .uncaughtSignal, "the import ended before it was killed")
    #expect(!FileManager.default.fileExists(atPath: project + "-wal"))

    try expectRolledBack(project, to: before)

    let imported = try hashiya.run([project, "-c", "import \(source)"])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("30000"), "\(imported.stdout)")
    #expect(try contents(project)["reports"] == (before["reports"] ?? 0) + 30_000)
    #expect(try headerSaysWAL(project))
  }

  /// A child process leaves a truly hot journal: it changes every annotation with a page cache
  /// of ten pages, so the change spills into the file, and exits without committing.
  static let killedChangeScript = """
    import os, sqlite3, sys
    db = sqlite3.connect(sys.argv[1], isolation_level=None)
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA cache_size = 10")
    db.execute("BEGIN")
    db.execute("UPDATE annotations SET label = label || '-cut', quote = quote || ' مقطوع'")
    os._exit(0)
    """

  @Test(.enabled(if: ProdigyTaskCheck.python != nil, "python3 leaves the hot journal"))
  func aHalfWrittenFileIsRefusedByCloneAndRolledBackByTheNextSession() throws {
    let project = try projects.project("hot", reports: 1_000)
    let before = try contents(project)
    let journal = project + "-journal"
    let python = try #require(ProdigyTaskCheck.python)
    let child = Process()
    child.executableURL = URL(fileURLWithPath: python)
    child.arguments = ["-c", Self.killedChangeScript, project]
    try child.run()
    child.waitUntilExit()
    try #require(child.terminationStatus == 0)
    try #require(FileManager.default.fileExists(atPath: journal))

    // Cloning (as merging) only reads the other file: the half-written file is refused in words,
    // nothing is copied, and the journal is left for the next session.
    let copy = hashiya.path("copy.hashiya")
    let cloned = try hashiya.run(["clone", project, copy])
    #expect(cloned.status != 0, "\(cloned.stdout)")
    #expect(cloned.stderr.contains("was cut short"), "\(cloned.stderr)")
    #expect(!FileManager.default.fileExists(atPath: copy))
    #expect(FileManager.default.fileExists(atPath: journal))

    try expectRolledBack(project, to: before)
    let queue = try DatabaseQueue(path: project)
    #expect(
      try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM annotations WHERE label LIKE '%-cut'") } == 0)
    try queue.close()
  }
}
