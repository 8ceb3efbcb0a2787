import AnnotatorTesting
import Foundation
import Testing

@testable import HashiyaFormats

@Suite("export destinations")
struct ExportDestinationTests {
  let folder = TemporaryFolder.scratch()

  func path(_ name: String) -> String { folder + "/" + name }

  @discardableResult
  func write(_ name: String, _ bytes: [UInt8]) -> String {
    let file = path(name)
    try? FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    return file
  }

  /// A file that starts like an SQLite database.
  @discardableResult
  func database(_ name: String) -> String {
    write(name, Array("SQLite format 3\0".utf8) + [UInt8](repeating: 0, count: 84))
  }

  func refusal(_ argument: String, _ format: ExportFormat = .jsonl, project: String? = nil) -> ExportDestinationError? {
    do {
      _ = try ExportDestination(argument, format: format, project: project, home: path("home"))
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: ["", ".", "./", "..", "x/.", "x/..", "~", "~/", "new/", "x/~"])
  func pathsNamingAFolderAreRefusedForOneFile(argument: String) {
    guard case .folder = refusal(argument) else {
      Issue.record("\(argument): \(String(describing: refusal(argument)))")
      return
    }
  }

  @Test func anExistingFolderIsRefusedWithAFileNameToUseInstead() {
    write("out/keep.txt", Array("محفوظٌ 🔒".utf8))
    let error = refusal(path("out"), .json)
    #expect(error == .folder(path: path("out"), example: path("out/export.json")))
    #expect(error?.description.contains("out/export.json") == true)
  }

  @Test func htmlTakesAFolderAsAFolderExport() throws {
    write("out/keep.txt", Array("محفوظٌ 🔒".utf8))
    #expect(refusal(path("out"), .html) == .folderNotEmpty(path: path("out"), names: ["keep.txt"], total: 1))
    #expect(try ExportDestination(path("site/"), format: .html).path == path("site/"))
    #expect(try ExportDestination(path("page.html"), format: .html).path == path("page.html"))
    #expect(ExportDestination.namesFolder(path("out")) && !ExportDestination.namesFolder(path("page.html")))
  }

  @Test func tildeIsTheHomeFolder() throws {
    try FileManager.default.createDirectory(atPath: path("home"), withIntermediateDirectories: true)
    let destination = try ExportDestination("~/تصدير 📤.jsonl", format: .jsonl, home: path("home"))
    #expect(destination.path == path("home/تصدير 📤.jsonl"))
    #expect(try ExportDestination("-", format: .jsonl).path == nil)
    #expect(refusal("~root/x.jsonl") == .tilde(path: "~root/x.jsonl", reason: "only ~ and ~/… are expanded"))
    #expect(throws: ExportDestinationError.self) { try ExportDestination("~/x.jsonl", format: .jsonl, home: nil) }
  }

  @Test func databasesAndTheirLogsAreRefused() {
    database("other.hashiya")
    write("log", [0x37, 0x7F, 0x06, 0x83, 0, 0, 0, 0])
    write("plain.jsonl", Array("{\"text\": \"سطر\"}\r\n".utf8))
    for name in ["other.hashiya", "log", "other.hashiya-wal", "other.hashiya-journal"] {
      #expect(refusal(path(name)) == .database(path: path(name)), "\(name)")
      #expect(refusal(path(name), .brat) == .database(path: path(name)), "\(name)")
    }
    #expect(refusal(path("plain.jsonl")) == nil)
    #expect(refusal(path("new.jsonl")) == nil)
  }

  @Test func theOpenProjectIsRefusedByNameByLinkAndBeforeItsLogExists() throws {
    let project = database("p.hashiya")
    try FileManager.default.createDirectory(atPath: path("sub"), withIntermediateDirectories: true)
    try FileManager.default.linkItem(atPath: project, toPath: path("hard-link"))
    for target in ["p.hashiya", "sub/../p.hashiya", "p.hashiya-wal", "p.hashiya-shm", "hard-link"] {
      #expect(refusal(path(target), project: project) == .openProject(path: path(target)), "\(target)")
    }
    #expect(refusal(path("p.hashiya"), .brat, project: project) == .openProject(path: path("p.hashiya")))
  }

  @Test func linksFifosAndDevicesAreRefused() throws {
    let real = write("real.jsonl", Array("someone else's\n".utf8))
    try FileManager.default.createSymbolicLink(atPath: path("link.jsonl"), withDestinationPath: real)
    #expect(mkfifo(path("fifo"), 0o644) == 0)
    #expect(refusal(path("link.jsonl")) == .symbolicLink(path: path("link.jsonl"), target: real))
    #expect(refusal(path("fifo")) == .notRegularFile(path: path("fifo"), kind: "fifo"))
    #expect(refusal(path("fifo"), .brat) == .notRegularFile(path: path("fifo"), kind: "fifo"))
    #expect(refusal("/dev/null") == .notRegularFile(path: "/dev/null", kind: "device"))
  }

  @Test func aMissingFolderIsNamedForOneFileAndCreatedForBrat() {
    #expect(refusal(path("nowhere/x.jsonl")) == .missingFolder(path: path("nowhere")))
    #expect(refusal(path("nowhere/deeper/brat"), .brat) == nil)
  }

  @Test func bratTakesANewOrEmptyFolderAndNamesWhatIsInTheWay() throws {
    try FileManager.default.createDirectory(atPath: path("empty"), withIntermediateDirectories: true)
    #expect(refusal(path("empty"), .brat) == nil)
    #expect(refusal(path("empty/"), .brat) == nil)
    #expect(refusal(path("new"), .brat) == nil)
    for name in ["e.ann", "d.txt", "c", "b", "a"] { write("full/\(name)", [0x41]) }
    let error = refusal(path("full"), .brat)
    #expect(error == .folderNotEmpty(path: path("full"), names: ["a", "b", "c"], total: 5))
    #expect(error?.description.contains("(a, b, c and 2 more)") == true)
    let file = write("file.txt", [0x41])
    #expect(refusal(file, .brat) == .notAFolder(path: file, reason: "a file"))
    for argument in ["-", ".", "..", path("x/~"), path("x/..")] {
      guard case .notAFolder = refusal(argument, .brat) else {
        Issue.record("\(argument): \(String(describing: refusal(argument, .brat)))")
        continue
      }
    }
  }
}
