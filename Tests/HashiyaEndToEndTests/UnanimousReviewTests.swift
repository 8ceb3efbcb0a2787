import Foundation
import Testing

/// `review --accept-unanimous` settles every unit where all agree as one change: the golds keep
/// the links their sources had, and one `undo` takes the whole of it back.
@Suite struct UnanimousReviewTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("team.hashiya") }

  func run(_ commands: String, user: String) throws -> HashiyaBinary.Run {
    let run = try hashiya.run([project, "--user", user, "-c", commands], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(user): \(commands): \(run.stderr)")
    return run
  }

  /// `user`'s active annotations on every report.
  func annotations(_ user: String) throws -> [[String: Any]] {
    let run = try hashiya.run([project, "--user", "lead", "--json", "-c", "ls --all --author \(user)"])
    #expect(run.status == 0, "\(run.stderr)")
    let text = run.stdoutLines.last ?? "[]"
    if text == "\"no annotations\"" { return [] }
    return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
  }

  @Test func oneChangeSettlesEveryUnanimousUnitWithItsLinksAndOneUndoTakesItBack() throws {
    _ = try run(
      "import \(HashiyaBinary.samples); team add lead lead; team add amal annotator; team add karim annotator",
      user: "lead")
    // Both accept the same candidates: every unit is unanimous, quotes linked to their speakers.
    for user in ["amal", "karim"] {
      _ = try run("suggest speaker-tagging --all-reports; accept all", user: user)
    }
    let amals = try annotations("amal")
    let linked = amals.filter { !(($0["links"] as? [Any])?.isEmpty ?? true) }
    try #require(amals.count > 12 && !linked.isEmpty)

    let settled = try run("review speaker-tagging --accept-unanimous", user: "lead")
    #expect(settled.stdout.contains("accepted \(amals.count) unanimous units"), "\(settled.stdout)")
    let golds = try annotations("lead")
    #expect(golds.count == amals.count)
    #expect(golds.allSatisfy { $0["origin"] as? String == "adjudicated" })
    #expect(Set(golds.compactMap { $0["quote"] as? String }) == Set(amals.compactMap { $0["quote"] as? String }))
    #expect(golds.filter { !(($0["links"] as? [Any])?.isEmpty ?? true) }.count == linked.count)

    let undone = try run("undo", user: "lead")
    #expect(undone.stdout.hasPrefix("undo of create on #"), "\(undone.stdout)")
    #expect(try annotations("lead").isEmpty)
    let again = try run("review speaker-tagging --accept-unanimous", user: "lead")
    #expect(again.stdout.contains("accepted \(amals.count) unanimous units"), "\(again.stdout)")
  }
}
