import Foundation
import Testing

/// `export` never deletes or replaces what it did not create, refuses folders, projects and
/// databases as single-file targets, and leaves no temporary behind.
@Suite struct ExportSafetyTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  /// A project holding one Arabic report with diacritics, an emoji and a CRLF line break.
  func imported() throws {
    let report = hashiya.write("r.txt", "تقرير قصيرٌ عن دُبيّ 🌍\r\nسطرٌ ثانٍ 👩🏽‍💻")
    let run = try hashiya.run([project, "-c", "import \(report)"])
    #expect(run.status == 0, "\(run.stderr)")
  }

  /// Every file under `folder` (hidden ones too) with its bytes, by path relative to `folder`;
  /// the project and its companions are left out, as opening it may touch them.
  func snapshot(_ folder: String? = nil) -> [String: Data] {
    let root = folder ?? hashiya.folder.path
    var files: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
    while let name = walker.nextObject() as? String {
      guard !(name as NSString).lastPathComponent.hasPrefix("p.hashiya") else { continue }
      let path = root + "/" + name
      var isDirectory: ObjCBool = false
      FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
      files[name] = isDirectory.boolValue ? Data("folder".utf8) : FileManager.default.contents(atPath: path) ?? Data()
    }
    return files
  }

  /// A folder `name` holding `keep.txt`.
  @discardableResult
  func folderWithAFile(_ name: String) -> String {
    hashiya.write("\(name)/keep.txt", "محفوظٌ 🔒\r\nkeep me\n")
    return hashiya.path(name)
  }

  /// The run refused the export: exit 1 (no crash), one line on stderr holding every fragment.
  func expectRefused(
    _ run: HashiyaBinary.Run, _ fragments: String..., sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(run.status == 1, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderrLines.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(run.stderr.contains(fragment), "\(run.stderr)", sourceLocation: sourceLocation)
    }
  }

  /// Names in `folder` that look like an export's temporary.
  func temporaries(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.contains("partial") }
  }

  @Test(arguments: ["out/", "out"])
  func anExistingFolderIsRefusedAndSurvives(target: String) throws {
    try imported()
    folderWithAFile("out")
    let before = snapshot()
    expectRefused(try hashiya.run([project, "-c", "export \(target)"]), "a folder")
    #expect(snapshot() == before)
  }

  @Test func aPathEndingInASlashIsAFolderEvenWhenItDoesNotExist() throws {
    try imported()
    let before = snapshot()
    expectRefused(try hashiya.run([project, "-c", "export new/"]), "new/", "folder")
    #expect(snapshot() == before)
  }

  @Test(arguments: [".", "./", "..", "../inner/..", "~", "~/"])
  func dotsAndTildeNameFoldersAndNothingIsDeleted(target: String) throws {
    try imported()
    folderWithAFile("box")
    folderWithAFile("box/inner")
    folderWithAFile("box/home")
    let before = snapshot()
    let run = try hashiya.run(
      [project, "-c", "export \(target)"], environment: ["HOME": hashiya.path("box/home")],
      directory: hashiya.path("box/inner"))
    expectRefused(run, "folder")
    #expect(snapshot() == before)
  }

  @Test func tildeExpandsToTheHomeFolder() throws {
    try imported()
    folderWithAFile("home")
    let run = try hashiya.run([project, "-c", "export ~/x.jsonl"], environment: ["HOME": hashiya.path("home")])
    #expect(run.status == 0, "\(run.stderr)")
    let exported = try String(contentsOfFile: hashiya.path("home/x.jsonl"), encoding: .utf8)
    #expect(exported.contains("دُبيّ 🌍"))
  }

  @Test func theOpenProjectIsRefusedForEveryFormat() throws {
    try imported()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: project))
    for (format, target) in [
      ("jsonl", "p.hashiya"), ("json", project), ("html", "./p.hashiya"), ("brat", "p.hashiya"),
      ("jsonl", "p.hashiya-wal"), ("jsonl", "p.hashiya-shm"),
    ] {
      let run = try hashiya.run([project, "-c", "export --format \(format) \(target)"])
      expectRefused(run, "project")
      #expect(try Data(contentsOf: URL(fileURLWithPath: project)) == bytes, "\(format) \(target)")
    }
    #expect(!FileManager.default.fileExists(atPath: project + "-wal"))
    #expect(!FileManager.default.fileExists(atPath: project + "-shm"))
    let reports = try hashiya.run([project, "--json", "-c", "reports"])
    #expect(reports.stdout.contains("\"total\":1"), "\(reports.stdout)")
  }

  @Test func anotherProjectOrSQLiteFileIsRefused() throws {
    try imported()
    let other = hashiya.path("other.hashiya")
    #expect(try hashiya.run([other, "-c", "import \(hashiya.path("r.txt"))"]).status == 0)
    let database = hashiya.write("plain.db", Array("SQLite format 3\0".utf8) + [UInt8](repeating: 7, count: 2000))
    let before = snapshot()
    for target in [other, database] {
      for format in ["jsonl", "brat"] {
        expectRefused(try hashiya.run([project, "-c", "export --format \(format) \(target)"]), "SQLite")
      }
    }
    #expect(snapshot() == before)
  }

  @Test func aSymbolicLinkAFifoAndADanglingLinkAreRefused() throws {
    try imported()
    let real = hashiya.write("real.jsonl", "someone else's file\n")
    try FileManager.default.createSymbolicLink(atPath: hashiya.path("link.jsonl"), withDestinationPath: real)
    try FileManager.default.createSymbolicLink(
      atPath: hashiya.path("dangling.jsonl"), withDestinationPath: hashiya.path("nowhere/x"))
    #expect(mkfifo(hashiya.path("fifo.jsonl"), 0o644) == 0)
    let before = snapshot()
    expectRefused(try hashiya.run([project, "-c", "export link.jsonl"]), "symbolic link")
    expectRefused(try hashiya.run([project, "-c", "export dangling.jsonl"]), "symbolic link")
    expectRefused(try hashiya.run([project, "-c", "export fifo.jsonl"]), "not a regular file")
    #expect(snapshot() == before)
    #expect(!FileManager.default.fileExists(atPath: hashiya.path("nowhere")))
  }

  @Test func bratRefusesAFolderThatHoldsFilesAndNamesThem() throws {
    try imported()
    folderWithAFile("brat")
    hashiya.write("brat/notes.ann", "T1\tx 0 1\tت\n")
    let before = snapshot()
    expectRefused(try hashiya.run([project, "-c", "export --format brat brat/"]), "keep.txt", "notes.ann", "empty")
    expectRefused(try hashiya.run([project, "-c", "export --format brat r.txt"]), "r.txt", "folder")
    #expect(snapshot() == before)
  }

  @Test func bratWritesIntoAnEmptyOrNewFolder() throws {
    try imported()
    try FileManager.default.createDirectory(atPath: hashiya.path("empty"), withIntermediateDirectories: false)
    for target in ["empty", "fresh/", "deep/new/folder"] {
      let run = try hashiya.run([project, "-c", "export --format brat \(target)"])
      #expect(run.status == 0, "\(target): \(run.stderr)")
      let files = try FileManager.default.contentsOfDirectory(atPath: hashiya.path(target)).sorted()
      #expect(files.count == 3 && files.contains("annotation.conf"), "\(target): \(files)")
      let text = try #require(files.first { $0.hasSuffix(".txt") })
      #expect(
        FileManager.default.contents(atPath: hashiya.path("\(target)/\(text)"))
          == FileManager.default.contents(atPath: hashiya.path("r.txt")))
    }
    #expect(temporaries(in: hashiya.folder.path).isEmpty)
    #expect(temporaries(in: hashiya.path("deep/new")).isEmpty)
  }

  @Test func anExistingExportIsReplacedByRenameKeepingItsPermissions() throws {
    try imported()
    let target = hashiya.write("team.jsonl", "an older export\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target)
    // A second name for the old file: replaced by rename, the old file itself is never rewritten.
    try FileManager.default.linkItem(atPath: target, toPath: hashiya.path("older.jsonl"))
    let run = try hashiya.run([project, "-c", "export team.jsonl"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("دُبيّ 🌍"))
    #expect(try String(contentsOfFile: hashiya.path("older.jsonl"), encoding: .utf8) == "an older export\n")
    let permissions = try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int
    #expect(permissions == 0o600)
    #expect(temporaries(in: hashiya.folder.path).isEmpty)
  }

  @Test func standardOutputStillCarriesTheExport() throws {
    try imported()
    let run = try hashiya.run([project, "-c", "export -"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("دُبيّ 🌍"))
    #expect(temporaries(in: hashiya.folder.path).isEmpty)
  }

  @Test func anExportThatFailsWhileWritingLeavesNothingBehind() throws {
    try imported()
    let big = hashiya.write("big.txt", String(repeating: "نصٌ طويلٌ جداً 📜\r\n", count: 60_000))
    #expect(try hashiya.run([project, "-c", "import \(big)"]).status == 0)
    // Files may not grow past 512 KiB: the big report's write fails part way (EFBIG).
    let limited = ["/bin/sh", "-c", "ulimit -f 1024; trap '' XFSZ; exec \"$@\"", "sh"]
    let before = snapshot()
    for command in ["export --format brat out", "export big.jsonl", "export --format html page.html"] {
      let run = try hashiya.run([project, "-c", command], launcher: limited)
      #expect(run.status == 1, "\(command): \(run.stderr)")
      #expect(snapshot() == before, "\(command)")
    }
  }

  @Test func theTemporariesOfAKilledExportAreRemovedByTheNextExport() throws {
    try imported()
    let big = hashiya.write("big.txt", String(repeating: "نصٌ طويلٌ جداً 📜\r\n", count: 60_000))
    #expect(try hashiya.run([project, "-c", "import \(big)"]).status == 0)
    folderWithAFile("out")
    // Writing past 512 KiB kills the process (SIGXFSZ, which the test runner may ignore, so its
    // default action is restored) in the middle of the export.
    let killing = [
      "/usr/bin/env", "--default-signal=XFSZ", "/bin/sh", "-c", "ulimit -c 0; ulimit -f 1024; exec \"$@\"", "sh",
    ]
    for command in ["export out/big.jsonl", "export --format brat out/brat"] {
      let run = try hashiya.run([project, "-c", command], launcher: killing)
      #expect(run.status != 0 && run.status != 1, "\(command) was not killed: \(run.stderr)")
      // The one it left; the brat export removed the one the first export left.
      #expect(temporaries(in: hashiya.path("out")).count == 1, "\(command)")
    }
    #expect(!FileManager.default.fileExists(atPath: hashiya.path("out/big.jsonl")))
    #expect(!FileManager.default.fileExists(atPath: hashiya.path("out/brat")))
    let next = try hashiya.run([project, "-c", "export --reports 1 out/small.jsonl"])
    #expect(next.status == 0, "\(next.stderr)")
    #expect(temporaries(in: hashiya.path("out")).isEmpty)
    #expect(FileManager.default.fileExists(atPath: hashiya.path("out/keep.txt")))
  }

  @Test func anExportRefusedOrUnwritableLeavesNoTemporary() throws {
    try imported()
    let locked = folderWithAFile("locked")
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
    var commands = ["export --layer nosuch out.json", "export --format brat --layer nosuch brat"]
    // Root writes in a read-only folder all the same.
    if getuid() != 0 { commands += ["export locked/x.jsonl", "export --format brat locked/brat"] }
    let before = snapshot()
    for command in commands {
      let run = try hashiya.run([project, "-c", command])
      #expect(run.status == 1, "\(command): \(run.stderr)")
      #expect(run.stderrLines.count == 1, "\(command): \(run.stderr)")
    }
    #expect(snapshot() == before)
  }

  @Test func staleTemporariesOfAKilledExportAreRemovedByTheNextExport() throws {
    try imported()
    folderWithAFile("out")
    let staleFile = hashiya.write("out/.x.jsonl.hashiya-partial-99999999", "half an export")
    let staleFolder = hashiya.write("out/.brat.hashiya-partial-99999998/1-r.txt", "half a brat folder")
    let live = hashiya.write("out/.y.jsonl.hashiya-partial-\(getpid())", "an export still running")
    let unlike = hashiya.write("out/.z.jsonl.hashiya-partial-12ab", "not ours")
    let run = try hashiya.run([project, "-c", "export out/x.jsonl"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: staleFile))
    #expect(!FileManager.default.fileExists(atPath: (staleFolder as NSString).deletingLastPathComponent))
    #expect(FileManager.default.fileExists(atPath: live))
    #expect(FileManager.default.fileExists(atPath: unlike))
    #expect(FileManager.default.fileExists(atPath: hashiya.path("out/keep.txt")))
    #expect(FileManager.default.fileExists(atPath: hashiya.path("out/x.jsonl")))
  }
}
