import Foundation
import Testing

/// `save --copy FILE` writes the whole project into one new file, never over an existing one.
@Suite struct SaveCopyTests {
  let hashiya = HashiyaBinary()

  @Test func theCopyIsOneWholeFileWithEverything() throws {
    let project = try HostileProjectTests.base(in: hashiya)
    let copy = hashiya.path("copy.hashiya")
    let run = try hashiya.run([project, "-c", "save --copy \(copy)"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
    let original = try hashiya.json(project, "reports; ls --all --deleted; history").documents
    let copied = try hashiya.json(copy, "reports; ls --all --deleted; history").documents
    #expect(NSArray(array: original).isEqual(to: copied))
    #expect(try hashiya.run([copy, "-c", "check"]).status == 0)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: hashiya.folder.path).filter {
      $0.contains("hashiya-partial")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func anExistingFileIsNeverReplaced() throws {
    let project = try HostileProjectTests.base(in: hashiya)
    let existing = hashiya.write("notes.hashiya", "my own notes, not a project")
    let run = try hashiya.run([project, "-c", "save --copy \(existing)"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("already exists"), "\(run.stderr)")
    #expect(try String(contentsOfFile: existing, encoding: .utf8) == "my own notes, not a project")
    let missing = try hashiya.run([project, "-c", "save --copy \(hashiya.path("nowhere/x.hashiya"))"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("the folder does not exist"), "\(missing.stderr)")
  }
}
