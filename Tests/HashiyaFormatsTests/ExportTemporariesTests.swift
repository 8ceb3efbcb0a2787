import AnnotatorKit
import AnnotatorTesting
import Foundation
import Testing

@testable import HashiyaFormats

@Suite("export temporaries")
struct ExportTemporariesTests {
  let folder = TemporaryFolder.scratch()

  func path(_ name: String) -> String { folder + "/" + name }

  func names() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }

  func text(_ name: String) -> String? {
    try? String(contentsOfFile: path(name), encoding: .utf8)
  }

  @Test func aFileIsReplacedByRenameKeepingItsPermissions() throws {
    _ = FileManager.default.createFile(atPath: path("team.jsonl"), contents: Data("قديم\r\n".utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path("team.jsonl"))
    try FileManager.default.linkItem(atPath: path("team.jsonl"), toPath: path("old.jsonl"))
    let sink = try OutputSink(path: path("team.jsonl"))
    try sink.write("جديدٌ 🎉\r\n")
    #expect(names().contains(".team.jsonl.hashiya-partial-\(getpid())"))
    #expect(text("team.jsonl") == "قديم\r\n")
    try sink.close()
    #expect(text("team.jsonl") == "جديدٌ 🎉\r\n")
    #expect(text("old.jsonl") == "قديم\r\n")
    #expect(try FileManager.default.attributesOfItem(atPath: path("team.jsonl"))[.posixPermissions] as? Int == 0o600)
    #expect(names() == ["old.jsonl", "team.jsonl"])
  }

  @Test func aSinkDiscardedOrDroppedLeavesNothing() throws {
    let sink = try OutputSink(path: path("a.jsonl"))
    try sink.write("نصف")
    sink.discard()
    do {
      let dropped = try OutputSink(path: path("b.jsonl"))
      try dropped.write("نصف")
    }
    #expect(names().isEmpty)
  }

  @Test func aSinkRefusesWhatAppearedInTheWayBeforeItsRename() throws {
    let sink = try OutputSink(path: path("x.jsonl"))
    try sink.write("export")
    try FileManager.default.createDirectory(atPath: path("x.jsonl"), withIntermediateDirectories: false)
    #expect(throws: ExportDestinationError.self) { try sink.close() }
    sink.discard()
    #expect(names() == ["x.jsonl"])
  }

  @Test func removeAllDeletesWhatIsInProgressAndTheExportThenFails() throws {
    let sink = try OutputSink(path: path("x.jsonl"))
    try sink.write("export")
    let staged = try StagedFolder(target: path("brat"), project: nil)
    try staged.write("1-a.txt", Array("نص".utf8))
    #expect(names().count == 2)
    ExportTemporaries.removeAll { $0.hasPrefix(folder) }
    #expect(names().isEmpty)
    #expect(throws: ExportDestinationError.self) { try sink.close() }
    #expect(throws: ExportDestinationError.self) { try staged.commit() }
    #expect(names().isEmpty)
  }

  @Test func aStagedFolderAppearsWholeOrNotAtAll() throws {
    let staged = try StagedFolder(target: path("deep/brat/"), project: nil)
    try staged.write("1-a.txt", Array("نص 👋🏽".utf8))
    #expect(!FileManager.default.fileExists(atPath: path("deep/brat")))
    try staged.commit()
    #expect(text("deep/brat/1-a.txt") == "نص 👋🏽")
    #expect(try FileManager.default.contentsOfDirectory(atPath: path("deep")) == ["brat"])
    try FileManager.default.createDirectory(atPath: path("empty"), withIntermediateDirectories: false)
    let failed = try StagedFolder(target: path("empty"), project: nil)
    try failed.write("1-a.txt", [0x41])
    failed.discard()
    #expect(names() == ["deep", "empty"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: path("empty")).isEmpty)
  }

  @Test func aBratExportThatFailsRemovesItsFolder() throws {
    let bundle = ExchangeFixtures.emojiBundle()
    do {
      var exporter = try BratExporter(folder: path("out"), context: ExchangeFixtures.context)
      try exporter.write(bundle, text: ReportText(bundle.report.text))
      exporter.discard()
    }
    #expect(names().isEmpty)
    try FileManager.default.createDirectory(atPath: path("full"), withIntermediateDirectories: false)
    _ = FileManager.default.createFile(atPath: path("full/keep.txt"), contents: Data("keep".utf8))
    #expect(throws: ExportDestinationError.self) {
      _ = try BratExporter(folder: path("full"), context: ExchangeFixtures.context)
    }
    #expect(text("full/keep.txt") == "keep")
  }

  @Test func staleTemporariesAreThoseOfProcessesThatAreGone() throws {
    for name in [
      ".a.jsonl.hashiya-partial-99999999", ".b.jsonl.hashiya-partial-\(getppid())", ".c.hashiya-partial-12ab",
      ".d.jsonl.hashiya-partial-\(getpid())", "e.jsonl.partial-99999999", "keep.jsonl", ".hashiya-partial-99999999",
    ] {
      _ = FileManager.default.createFile(atPath: path(name), contents: Data("x".utf8))
    }
    try FileManager.default.createDirectory(
      atPath: path(".brat.hashiya-partial-99999998/inner"), withIntermediateDirectories: true)
    let stale = [
      ".a.jsonl.hashiya-partial-99999999", ".brat.hashiya-partial-99999998", ".d.jsonl.hashiya-partial-\(getpid())",
      "e.jsonl.partial-99999999",
    ]
    #expect(ExportTemporaries.stale(in: folder) == stale.map(path))
    ExportTemporaries.removeStale(in: folder)
    // The earlier versions' names are only reported, never removed.
    #expect(ExportTemporaries.stale(in: folder) == [path("e.jsonl.partial-99999999")])
    #expect(
      names() == [
        ".b.jsonl.hashiya-partial-\(getppid())", ".c.hashiya-partial-12ab", ".hashiya-partial-99999999",
        "e.jsonl.partial-99999999", "keep.jsonl",
      ])
  }

  @Test func aTemporaryNameStaysWithinTheFileSystemLimit() {
    let long = String(repeating: "ع", count: 127) + ".jsonl"
    let name = (ExportTemporaries.path(for: path(long)) as NSString).lastPathComponent
    #expect(name.utf8.count <= 255)
    #expect(name.hasPrefix(".ع") && name.hasSuffix(".hashiya-partial-\(getpid())"))
  }

  @Test func exclusiveCreationNeverOpensWhatExists() {
    _ = FileManager.default.createFile(atPath: path("there"), contents: Data("keep".utf8))
    #expect(throws: ExportDestinationError.self) { _ = try ExportTemporaries.createFile(at: path("there")) }
    #expect(text("there") == "keep")
  }
}
