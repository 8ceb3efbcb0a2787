import Foundation
import Testing

/// `open` starts the session afresh: nothing of the first project's can reach the second.
@Suite struct OpenSessionTests {
  let hashiya = HashiyaBinary()

  func projects() throws -> (first: String, second: String) {
    let first = hashiya.path("a.hashiya")
    let second = hashiya.path("b.hashiya")
    #expect(try hashiya.run([first, "-c", "import \(HashiyaBinary.seed)"]).status == 0)
    let english = HashiyaBinary.samples + "/river-port-reopens.en.txt"
    #expect(try hashiya.run([second, "-c", "import \(english)"]).status == 0)
    return (first, second)
  }

  /// `open 1` meant the report: it used to create a project file called "1" and switch to it.
  @Test func aNumberIsNotTakenForANewProject() throws {
    let (first, _) = try projects()
    let run = try hashiya.run([first, "-c", "open 1; ls"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("show 1 opens that report"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: hashiya.path("1")))
  }

  @Test func suggestionsOfTheFirstProjectCannotBeAcceptedInTheSecond() throws {
    let (first, second) = try projects()
    let run = try hashiya.run([first, "-c", "suggest; open \(second); accept all"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("no suggestions to choose from"), "\(run.stderr)")
    let listed = try hashiya.json(second, "ls --all --deleted").documents
    #expect((listed.first as? [Any])?.isEmpty ?? (listed.first as? [String: Any])?.isEmpty ?? false, "\(listed)")
  }

  @Test func theLastFindAndTheReviewQueueDoNotCarryOver() throws {
    let (first, second) = try projects()
    let run = try hashiya.run([
      first, "-c", "find قسد; open \(second); tag translation-notes note @ translation=SDF",
    ])
    #expect(run.status == 1)
    #expect(try hashiya.run([second, "-c", "ls"]).stdout.contains("no annotations"))
  }

  @Test func pluginsBesideTheNewProjectLoadAndTheOldOnesGo() throws {
    let (first, _) = try projects()
    let folder = hashiya.path("team")
    try FileManager.default.createDirectory(atPath: folder + "/plugins", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: HashiyaBinary.repository.appendingPathComponent("plugins/examples/gazetteer").path,
      toPath: folder + "/plugins/gazetteer")
    let third = folder + "/c.hashiya"
    let run = try hashiya.run([first, "-c", "plugins; open \(third); plugins; open \(first); plugins"])
    #expect(run.status == 0, "\(run.stderr)")
    let blocks = run.stdout.components(separatedBy: "opened ")
    #expect(blocks.count == 3)
    #expect(!blocks[0].contains("gazetteer"))
    #expect(blocks[1].contains("gazetteer"), "\(blocks[1])")
    #expect(!blocks[2].contains("gazetteer"))
  }
}
