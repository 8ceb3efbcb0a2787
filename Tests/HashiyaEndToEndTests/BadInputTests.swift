import Foundation
import Testing

/// Each bad input gets one clear line on stderr, a non-zero exit, and an unchanged project.
@Suite struct BadInputTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  /// Imports one good report, runs `command`, and checks the failure and that nothing changed.
  func expectFailure(_ command: String, message: String, input: String? = nil) throws {
    let good = hashiya.write("good.txt", "A good report\nwith a body.")
    #expect(try hashiya.run([project, "-c", "import \(good)"]).status == 0)
    let before = try hashiya.json(project, "reports").documents
    let run = try hashiya.run([project, "-c", command], input: input)
    #expect(run.status != 0, "\(command)")
    #expect(run.stderrLines.count == 1, "\(run.stderr)")
    #expect(run.stderr.contains(message), "\(run.stderr)")
    let after = try hashiya.json(project, "reports").documents
    #expect(NSArray(array: before).isEqual(to: after))
  }

  @Test func invalidUTF8NamesTheFileAndByte() throws {
    let path = hashiya.write("broken.txt", Array("سطر".utf8) + [0xFF, 0x41])
    try expectFailure("import \(path)", message: "\(path): invalid UTF-8 at byte 6")
  }

  @Test func binaryAndEmptyFiles() throws {
    let binary = hashiya.write("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00])
    try expectFailure("import \(binary)", message: "a binary file")
    let empty = hashiya.write("empty.txt", [])
    try expectFailure("import \(empty)", message: "\(empty): the file is empty")
  }

  @Test func badJSONLLinesNameTheLine() throws {
    let notJSON = hashiya.write("a.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"ok too\"}\nthis is not json\n")
    try expectFailure("import \(notJSON)", message: "\(notJSON):3: not valid JSON")
    let noText = hashiya.write("b.jsonl", "{\"text\": \"fine\"}\n{\"title\": \"no text\"}\n")
    try expectFailure("import \(noText)", message: "\(noText):2: missing \"text\"")
  }

  @Test func directoryWithoutReportsAndMissingPath() throws {
    let empty = hashiya.path("void")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    _ = hashiya.write("void/picture.png", [0x89])
    try expectFailure("import \(empty)", message: "no readable reports")
    try expectFailure("import \(hashiya.path("missing.txt"))", message: "no such file or directory")
  }

  @Test func missingReportAndUnterminatedSyntax() throws {
    try expectFailure("show 99999", message: "no report #99999")
    try expectFailure("find \"كيفين", message: "unterminated quote starting at column 6")
    try expectFailure("find /كيفين", message: "unterminated regular expression starting at column 6")
    try expectFailure("find /[/", message: "invalid regular expression")
  }

  @Test func importFromStandardInputCarryingCommandsIsRefused() throws {
    let good = hashiya.write("good.txt", "A good report\nwith a body.")
    #expect(try hashiya.run([project, "-c", "import \(good)"]).status == 0)
    let run = try hashiya.run([project], input: "import -\n")
    #expect(run.status == 1)
    #expect(run.stderr.contains("standard input is carrying the commands"))
    let piped = try hashiya.run([project, "-c", "import -"], input: "{\"text\": \"piped report\"}\n")
    #expect(piped.status == 0, "\(piped.stderr)")
    #expect(piped.stdout.contains("imported 1 report"))
  }

  @Test func projectInAMissingFolderIsNotCreated() throws {
    let path = hashiya.path("no/such/folder/p.hashiya")
    let run = try hashiya.run([path, "-c", "reports"])
    #expect(run.status == 3)
    #expect(run.stderrLines.count == 1)
    #expect(run.stderr.contains("the folder does not exist"))
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aFileThatIsNotAProjectIsLeftUntouched() throws {
    let path = hashiya.write("notes.hashiya", String(repeating: "not a database at all. ", count: 10))
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let run = try hashiya.run([path, "-c", "reports"])
    #expect(run.status == 3)
    #expect(run.stderr.contains("is not a Hashiya project"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func aHalfFailedImportOfManyFilesKeepsNothing() throws {
    _ = hashiya.write("batch/1.txt", "First\nbody one")
    _ = hashiya.write("batch/2.jsonl", "{\"text\": \"two\"}\n{\"text\": 3}\n")
    try expectFailure("import \(hashiya.path("batch"))", message: "2.jsonl:2: \"text\" must be a string")
  }
}
