import Foundation
import Testing

/// Every command refuses an option it does not know, with the nearest one it does, instead of
/// taking it as a query, a file name or nothing at all.
@Suite struct UnknownOptionTests {
  let hashiya = HashiyaBinary()

  func project() throws -> String {
    let project = hashiya.path("p.hashiya")
    let run = try hashiya.run([
      project, "-c", "import \(HashiyaBinary.seed); claim \"ثمانية ملايين\"; edit #1 verdict=false",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    return project
  }

  @Test(arguments: [
    ("reports --unannotated", "unknown option \"--unannotated\""),
    ("reports --autor amal", "unknown option \"--autor\""),
    ("reports --pag 2", "did you mean --page?"),
    ("search --x قسد", "unknown option \"--x\""),
    ("history --limt 3", "did you mean --limit?"),
    ("ls --autor amal", "did you mean --author?"),
    ("export --fromat json out.json", "did you mean --format?"),
    ("merge --skipbad other.hashiya", "did you mean --skip-bad?"),
    ("import --skipbad x.jsonl", "did you mean --skip-bad?"),
  ])
  func anUnknownOptionIsRefusedWithTheNearestKnownOne(_ command: String, _ message: String) throws {
    let project = try project()
    let run = try hashiya.run([project, "-c", command])
    #expect(run.status == 1, "\(command): \(run.stdout)")
    #expect(run.stderr.contains(message), "\(command): \(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: hashiya.path("--fromat")))
  }

  @Test func historyLimitKeepsTheLatestEventsOfOneAnnotation() throws {
    let project = try project()
    let all = try hashiya.json(project, "history #1").documents.first as? [Any]
    let one = try hashiya.json(project, "history #1 --limit 1").documents.first as? [[String: Any]]
    #expect(all?.count == 2)
    #expect(one?.count == 1)
    #expect(one?.first?["action"] as? String == "update", "\(String(describing: one))")
  }
}
