import Foundation
import Testing

/// A lead deals the samples out to three annotators with an overlap of two; each walks exactly
/// their reports with `next`, closes them with `done`, and lists what is left with `reports`.
@Suite struct AssignmentTests {
  let hashiya = HashiyaBinary()
  static let team = ["amal", "karim", "lina"]

  var project: String { hashiya.path("team.hashiya") }

  func run(_ user: String, _ commands: String, json: Bool = false) throws -> HashiyaBinary.Run {
    try hashiya.run(
      [project, "--user", user] + (json ? ["--json"] : []) + ["-c", commands], environment: ["NO_COLOR": "1"])
  }

  func documents(_ user: String, _ commands: String) throws -> [[String: Any]] {
    let run = try run(user, commands, json: true)
    #expect(run.status == 0, "\(user): \(commands): \(run.stderr)")
    return try run.stdoutLines.compactMap {
      try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed]) as? [String: Any]
    }
  }

  /// The samples (the Arabic seed report among them) assigned with overlap 2; each
  /// annotator's report ids, from the listing.
  func assign() throws -> [String: [Int]] {
    let imported = try run(
      "lead",
      "import \(HashiyaBinary.samples); team add amal annotator; team add karim annotator; team add lina annotator")
    #expect(imported.status == 0, "\(imported.stderr)")
    let assigned = try run("lead", "assign all --to amal,karim,lina --overlap 2")
    #expect(assigned.status == 0, "\(assigned.stderr)")
    #expect(assigned.stdout.contains("assigned 3 reports (seed 1): amal 2, karim 2, lina 2"), "\(assigned.stdout)")
    let listing = try #require(try documents("lead", "assign").first?["assignments"] as? [[String: Any]])
    var reports: [String: [Int]] = [:]
    for row in listing {
      reports[row["annotator"] as? String ?? "", default: []].append(row["report"] as? Int ?? 0)
      #expect(row["layer"] as? String == "")
      #expect(row["assignedBy"] as? String == "lead")
    }
    return reports
  }

  @Test func eachReportGoesToTwoAnnotatorsAndAgainChangesNothing() throws {
    let reports = try assign()
    #expect(Set(reports.keys) == Set(Self.team))
    var perReport: [Int: Int] = [:]
    for ids in reports.values { for id in ids { perReport[id, default: 0] += 1 } }
    #expect(perReport == [1: 2, 2: 2, 3: 2])
    let again = try run("lead", "assign all --to lina,karim,amal --overlap 2")
    #expect(again.status == 0)
    #expect(again.stdout.contains("3 already assigned, kept as they were"), "\(again.stdout)")
    let listed = try run("lead", "assign")
    #expect(listed.stdout.contains("amal 0/2 done · karim 0/2 done · lina 0/2 done"), "\(listed.stdout)")
  }

  @Test func nextWalksExactlyMyReportsAndSaysHowManyAreLeft() throws {
    let reports = try assign()
    for user in Self.team {
      let mine = reports[user] ?? []
      let steps = try documents(user, Array(repeating: "next", count: mine.count).joined(separator: "; "))
      let reached = steps.compactMap { ($0["report"] as? [String: Any])?["id"] as? Int }
      #expect(reached == mine, "\(user)")
      #expect(steps.first?["assignments"] as? [String: Int] == ["left": 2, "total": 2])
      let past = try run(user, Array(repeating: "next", count: mine.count + 1).joined(separator: "; "))
      #expect(past.status == 1)
      #expect(past.stderr.contains("no next open assignment: 2 of 2 left"), "\(past.stderr)")
      #expect(past.stdout.contains("2 of 2 left"))
      let back = try documents(user, "prev")
      #expect((back.first?["report"] as? [String: Any])?["id"] as? Int == mine.last)
    }
    // Without assignments, next walks every report as before.
    #expect(try run("lead", "team add someone annotator").status == 0)
    let other = try documents("someone", "next")
    #expect((other.first?["report"] as? [String: Any])?["id"] as? Int == 2)
  }

  @Test func doneTakesAReportOffMyTodoListAndUndoPutsItBack() throws {
    let reports = try assign()
    let first = try #require(reports["karim"]?.first)
    let second = try #require(reports["karim"]?.last)
    let before = try run("karim", "reports --mine --todo")
    #expect(before.stdout.contains("2 reports"), "\(before.stdout)")
    let closed = try run("karim", "show \(first); done")
    #expect(closed.status == 0, "\(closed.stderr)")
    #expect(closed.stdout.contains("report #\(first) done — 1 of 2 left"), "\(closed.stdout)")
    let todo = try documents("karim", "reports --mine --todo")
    #expect((todo.first?["reports"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [second])
    let mine = try documents("karim", "reports --mine")
    #expect(mine.first?["total"] as? Int == 2)
    // next now skips the closed report.
    let walk = try documents("karim", "next")
    #expect((walk.first?["report"] as? [String: Any])?["id"] as? Int == second)
    let reopened = try run("karim", "done \(first) --undo")
    #expect(reopened.stdout.contains("reopened — 2 of 2 left"), "\(reopened.stdout)")
    // Nobody can close a report that is not theirs.
    let notMine = try #require(Set([1, 2, 3]).subtracting(reports["karim"] ?? []).first)
    let refused = try run("karim", "done \(notMine)")
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("report #\(notMine) is not assigned to karim"), "\(refused.stderr)")
  }

  @Test func reportFiltersCombineAndBadValuesAreUsageErrors() throws {
    _ = try assign()
    let annotate = try run("amal", "show 1; claim \"تحرير ثمانية ملايين شخص\" type=statistical")
    #expect(annotate.status == 0, "\(annotate.stderr)")
    func ids(_ command: String) throws -> [Int] {
      let docs = try documents("amal", command)
      return (docs.first?["reports"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } ?? []
    }
    #expect(try ids("reports --lang ar") == [1, 3])
    #expect(try ids("reports --lang en") == [2])
    #expect(try ids("reports --author amal") == [1])
    #expect(try ids("reports --author amal --layer speaker-tagging") == [])
    #expect(try ids("reports --layer claim-labeling") == [1])
    #expect(try ids("reports --sort annotations").first == 1)
    #expect(try ids("reports --state open --lang ar") == [1, 3])
    #expect(try ids("reports --state settled") == [])
    #expect(try ids("reports --source sample") == [3])
    let none = try run("amal", "reports --lang fr --source \"وكالة\"")
    #expect(none.status == 0)
    #expect(none.stdout.contains("no report matches --lang fr --source وكالة"), "\(none.stdout)")
    let badState = try run("amal", "reports --state done")
    #expect(badState.status == 1)
    #expect(badState.stderr.contains("--state is open, in-review or settled"), "\(badState.stderr)")
    let badSort = try run("amal", "reports --sort size")
    #expect(badSort.status == 1)
    #expect(badSort.stderr.contains("--sort is id, title, published or annotations"), "\(badSort.stderr)")
  }

  @Test func doneTravelsWithMergeAndALaterReopeningWins() throws {
    let reports = try assign()
    let first = try #require(reports["amal"]?.first)
    let copy = hashiya.path("amal.hashiya")
    #expect(try run("lead", "save --copy \(copy)").status == 0)
    let closed = try hashiya.run([copy, "--user", "amal", "-c", "done \(first)"])
    #expect(closed.status == 0, "\(closed.stderr)")
    #expect(try run("lead", "merge \(copy)").status == 0)
    let merged = try documents("amal", "reports --mine --todo")
    #expect(merged.first?["total"] as? Int == 1)
    // amal reopens it later in her copy; the lead's copy takes that too.
    #expect(try hashiya.run([copy, "--user", "amal", "-c", "done \(first) --undo"]).status == 0)
    #expect(try run("lead", "merge \(copy)").status == 0)
    let reopened = try documents("amal", "reports --mine --todo")
    #expect(reopened.first?["total"] as? Int == 2)
  }

  @Test func onlyALeadAssigns() throws {
    _ = try assign()
    let refused = try run("amal", "assign all --to amal,karim --overlap 1")
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("lead"), "\(refused.stderr)")
  }

  @Test func anOverlapLargerThanTheTeamIsRefused() throws {
    #expect(try run("lead", "import \(HashiyaBinary.samples)").status == 0)
    let refused = try run("lead", "assign all --to amal,karim,lina --overlap 4")
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains("an overlap of 4 needs at least 4 annotators, and 3 were named"), "\(refused.stderr)")
    let missing = try run("lead", "assign 1-9 --to amal")
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no report #4"), "\(missing.stderr)")
    let nobody = try run("lead", "assign all --overlap 2")
    #expect(nobody.status == 1)
    #expect(try run("lead", "assign").stdout.contains("no assignments yet"))
  }
}
