import Foundation
import GRDB
import Testing

/// Project files crafted as an attacker or a broken disk would leave them (`Tests/HostileInputs/
/// projects`, one SQL script each): every read command and every export gives an error or an
/// answer, never a crash, and leaves the file byte for byte as it was; `check` names the damage.
@Suite struct HostileProjectTests {
  /// The crafted cases: each script's first line says what `check` must report.
  static let cases: [String] = {
    let folder = HashiyaBinary.repository.appendingPathComponent("Tests/HostileInputs/projects").path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".sql") }.map { String($0.dropLast(4)) }.sorted()
  }()

  /// Commands that only read, and exports: none may write to the project.
  static let readingCommands = [
    "reports", "show 1", "show 1 --tokens", "show 1 --layer speaker-tagging", "show 2", "ls", "ls --all --deleted",
    "search قسد", "find قسد", "history #1", "blame #1", "plugins", "agreement", "diff", "suggest --list", "whoami",
    "export out.jsonl", "export --format json out.json", "export --format w3c out.jsonld", "export --format brat brat",
    "export --format prodigy prodigy.jsonl", "export --format doccano doccano.jsonl",
    "export --format labelstudio ls.json", "export out.html", "export -",
  ]

  @Test func theCorpusIsThere() {
    #expect(Self.cases.count >= 20)
  }

  @Test(arguments: cases)
  func craftedProjectNeverCrashesAndIsLeftAsItWas(_ name: String) throws {
    let hashiya = HashiyaBinary()
    let project = try Self.craft(name, in: hashiya)
    let before = try Data(contentsOf: URL(fileURLWithPath: project))
    // One process runs every command (a failing one does not stop the next); a crash would end
    // it with a signal, which the status shows.
    let commands = Self.readingCommands.joined(separator: "; ")
    for json in [false, true] {
      let run = try hashiya.run([project] + (json ? ["--json"] : []) + ["-c", commands])
      #expect(run.status == 0 || run.status == 1, "\(name): ended with \(run.status)\n\(run.stderr)")
      #expect(!run.stderr.contains("Fatal error"), "\(name)\n\(run.stderr)")
      // Data never reaches the terminal raw: without colour, no escape character at all.
      #expect(!(run.stdout + run.stderr).contains("\u{1B}"), "\(name): printed an escape sequence")
      #expect(try Data(contentsOf: URL(fileURLWithPath: project)) == before, "\(name): the project was written")
      let log = try? Data(contentsOf: URL(fileURLWithPath: project + "-wal"))
      #expect(log?.isEmpty ?? true, "\(name): the write-ahead log was left with pages")
    }
  }

  @Test(arguments: cases)
  func checkNamesTheDamage(_ name: String) throws {
    let hashiya = HashiyaBinary()
    let project = try Self.craft(name, in: hashiya)
    let expected = try Self.expectation(name)
    let run = try hashiya.run([project, "-c", "check"])
    #expect(!run.stderr.contains("Fatal error"))
    if expected == "sound" {
      #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    } else {
      #expect(run.status == 1, "\(name): \(run.stdout)\(run.stderr)")
      #expect((run.stdout + run.stderr).contains(expected), "\(name): \(run.stdout)\(run.stderr)")
    }
  }

  @Test(arguments: ["edit #1 verdict=false", "rm #1", "relabel #1 claimant", "undo", "link #3 said-by #2"])
  func writesToADamagedRowAreRefused(_ command: String) throws {
    let hashiya = HashiyaBinary()
    let project = try Self.craft("annotation-past-the-text", in: hashiya)
    let run = try hashiya.run([project, "-c", command])
    #expect(run.status == 1 || run.status == 0, "\(command): \(run.stderr)")
    #expect(!run.stderr.contains("Fatal error"))
  }

  @Test(arguments: ["quote-differs", "annotation-past-the-text", "splits-a-letter-from-its-marks"])
  func everyExportStopsAtADamagedAnnotationAndLeavesNoFile(_ name: String) throws {
    let hashiya = HashiyaBinary()
    let project = try Self.craft(name, in: hashiya)
    let exports = Self.readingCommands.filter { $0.hasPrefix("export ") && !$0.hasSuffix(" -") }
    for command in exports {
      let run = try hashiya.run([project, "-c", command])
      #expect(run.status == 1, "\(name): \(command) exported a damaged annotation")
      #expect(run.stderr.contains("annotation #1 on report #1 is damaged"), "\(name): \(run.stderr)")
      let target = hashiya.path(String(command.split(separator: " ").last ?? ""))
      #expect(!FileManager.default.fileExists(atPath: target), "\(name): \(command) left \(target)")
    }
  }

  /// Text that is not UTF-8 where SQLite says text is stops an export at the row, named, before
  /// any of it is written with its bytes replaced.
  @Test func anExportStopsAtTextThatIsNotUTF8AndNamesIt() throws {
    let hashiya = HashiyaBinary()
    let project = try Self.craft("label-invalid-utf8", in: hashiya)
    let run = try hashiya.run([project, "-c", "export --format jsonl -"])
    #expect(run.status == 1, "\(run.stdout)")
    #expect(
      run.stderr.contains("annotation #1 is damaged: its label holds text that is not valid UTF-8"), "\(run.stderr)")
    #expect(!run.stdout.contains("\u{FFFD}"))
  }

  /// A report's text stored as invalid UTF-8 stops every export at that report, named, whichever
  /// of the export's two threads checks it; nothing of it is written repaired.
  @Test(arguments: ["jsonl", "w3c", "brat", "html"])
  func anExportStopsAtAReportTextThatIsNotUTF8(_ format: String) throws {
    let hashiya = HashiyaBinary()
    let project = try Self.craft("text-invalid-utf8-as-text", in: hashiya)
    let destination = format == "brat" || format == "html" ? "out-\(format)/" : "-"
    let run = try hashiya.run([project, "-c", "export --format \(format) \(destination)"])
    #expect(run.status == 1, "\(format): \(run.stdout)")
    #expect(
      run.stderr.contains("report #2 is damaged: its text holds text that is not valid UTF-8 or holds a NUL byte"),
      "\(format): \(run.stderr)")
    #expect(!run.stdout.contains("\u{FFFD}"))
  }

  /// A text that SQLite would hand back cut at a NUL is an error wherever it is read, never a
  /// shorter text shown as the whole (one report, a page of them, or an export).
  @Test(arguments: ["show 2", "show 2 --tokens", "suggest --all-reports", "export --reports 2 -"])
  func aTextCutAtANulIsNeverShownAsWhole(_ command: String) throws {
    let hashiya = HashiyaBinary()
    let project = try Self.craft("text-with-nul", in: hashiya)
    let run = try hashiya.run([project, "-c", command])
    #expect(run.status == 1, "\(command): \(run.stdout)")
    #expect(run.stderr.contains("report #2 is damaged"), "\(command): \(run.stderr)")
  }

  @Test func aDamagedFileOpensForReadingOnly() throws {
    let hashiya = HashiyaBinary()
    let project = try Self.craft("triggers-dropped", in: hashiya)
    let before = try Data(contentsOf: URL(fileURLWithPath: project))
    let read = try hashiya.run([project, "-c", "reports"])
    #expect(read.status == 0)
    #expect(read.stderr.contains("is damaged"), "\(read.stderr)")
    #expect(read.stderr.contains("reading only"))
    let write = try hashiya.run([project, "-c", "claim \"ثمانية ملايين\" type=statistical"])
    #expect(write.status == 1)
    #expect(write.stderr.contains("nothing was written"), "\(write.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: project)) == before)
  }

  @Test func aSoundProjectChecksClean() throws {
    let hashiya = HashiyaBinary()
    let project = try Self.base(in: hashiya)
    let run = try hashiya.run([project, "-c", "check"])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("is sound"))
    let json = try hashiya.json(project, "check").documents
    #expect((json.first as? [String: Any])?["sound"] as? Bool == true)
  }

  @Test func checkNamesWhatAKilledExportLeftBesideTheProject() throws {
    let hashiya = HashiyaBinary()
    let project = try Self.base(in: hashiya)
    // A process id above the kernel's limit is never alive: the export that wrote this is gone.
    let leftover = hashiya.write(".team.jsonl.hashiya-partial-99999999", "{\"kind\":\"header\"")
    let run = try hashiya.run([project, "-c", "check"])
    #expect(run.status == 1, "\(run.stdout)")
    #expect(run.stdout.contains(".team.jsonl.hashiya-partial-99999999"), "\(run.stdout)")
    #expect(FileManager.default.fileExists(atPath: leftover), "check removed a file")
  }

  @Test func emptyFilesAndDanglingLinksAreNotTurnedIntoProjects() throws {
    let hashiya = HashiyaBinary()
    let empty = hashiya.write("empty.hashiya", [])
    let run = try hashiya.run([empty, "-c", "reports"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("empty file"), "\(run.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)
    let link = hashiya.path("dangling.hashiya")
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: hashiya.path("elsewhere.hashiya"))
    let dangling = try hashiya.run([link, "-c", "reports"])
    #expect(dangling.status == 3)
    #expect(dangling.stderr.contains("symbolic link"), "\(dangling.stderr)")
    #expect(!FileManager.default.fileExists(atPath: hashiya.path("elsewhere.hashiya")))
  }

  /// A project copied without its write-ahead log while a session had it open is a log-mode file
  /// with nothing in it: that is said in words, and nothing is left beside it.
  @Test func aProjectWhoseLogWasLeftBehindIsExplained() throws {
    let hashiya = HashiyaBinary()
    let path = hashiya.path("copied.hashiya")
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let run = try hashiya.run([path, "-c", "reports"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("copied.hashiya-wal, which is not beside it"), "\(run.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
  }

  /// A project of the sample reports with annotations on every built-in layer and a link.
  static func base(in hashiya: HashiyaBinary) throws -> String {
    let project = hashiya.path("p.hashiya")
    let run = try hashiya.run([
      project, "-c",
      "import \(HashiyaBinary.samples); claim \"ثمانية ملايين\" type=statistical; speaker \"كينو كابرييل\"; "
        + "quote s10 by #2; note \"قسد\"#1 \"SDF\"",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    return project
  }

  /// The base project with one crafted script applied, its log folded into the file.
  static func craft(_ name: String, in hashiya: HashiyaBinary) throws -> String {
    let project = try base(in: hashiya)
    let script = try String(contentsOf: scriptURL(name), encoding: .utf8)
    let queue = try DatabaseQueue(path: project)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: script)
      try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
    }
    try queue.close()
    return project
  }

  static func expectation(_ name: String) throws -> String {
    let first = try String(contentsOf: scriptURL(name), encoding: .utf8).split(separator: "\n").first ?? ""
    return String(first.dropFirst("-- expect: ".count))
  }

  static func scriptURL(_ name: String) -> URL {
    HashiyaBinary.repository.appendingPathComponent("Tests/HostileInputs/projects/\(name).sql")
  }
}
