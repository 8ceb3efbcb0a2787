import Foundation
import Testing

/// Teammates working on copies of one project and bringing them together with `merge`, as
/// the README describes: nobody's work is lost, both sides end equal, conflicts are listed.
@Suite struct TeamMergeTests {
  let hashiya = HashiyaBinary()

  var base: String { hashiya.path("team.hashiya") }
  var amal: String { hashiya.path("amal.hashiya") }
  var karim: String { hashiya.path("karim.hashiya") }

  /// A project with one claim of amal's on the Arabic sample, copied for amal and karim.
  func copies() throws {
    let made = try hashiya.run([
      base, "--user", "amal", "-c",
      "import \(HashiyaBinary.samples); team add karim lead; team add tester lead; team add lead lead; show 1; claim \"تحرير ثمانية ملايين شخص\" type=statistical",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    for copy in [amal, karim] {
      let saved = try hashiya.run([base, "-c", "save --copy \(copy)"])
      #expect(saved.status == 0, "\(saved.stderr)")
    }
  }

  func run(_ project: String, _ user: String, _ commands: String) throws -> HashiyaBinary.Run {
    let run = try hashiya.run([project, "--user", user, "-c", commands], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(user) on \(project): \(commands): \(run.stderr)")
    return run
  }

  func attributes(_ project: String) throws -> [String: String] {
    let run = try hashiya.run([project, "--json", "-c", "show 1; ls"])
    let listed = try JSONSerialization.jsonObject(with: Data((run.stdoutLines.last ?? "").utf8)) as? [[String: Any]]
    let first = listed?.first
    return (first?["attributes"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
  }

  /// The reported loss: amal's evidence and karim's verdict on one claim, merged either way.
  @Test func editsOfDifferentFieldsOnBothSidesAreAllKept() throws {
    try copies()
    _ = try run(amal, "amal", "edit #1 evidence=\"UNHCR 2019\"")
    _ = try run(karim, "karim", "edit #1 verdict=false")
    let merged = try run(amal, "amal", "merge \(karim)")
    #expect(merged.stdout.contains("1 updated (1 field)"), "\(merged.stdout)")
    #expect(!merged.stdout.contains("conflict"), "\(merged.stdout)")
    _ = try run(karim, "karim", "merge \(amal)")
    for project in [amal, karim] {
      let values = try attributes(project)
      #expect(values["evidence"] == "UNHCR 2019", "\(project): \(values)")
      #expect(values["verdict"] == "false", "\(project): \(values)")
    }
    // History tells the truth: both edits, and nothing that was undone by the merge.
    let history = try run(amal, "amal", "history #1").stdout
    #expect(history.contains("evidence: ∅ → \"UNHCR 2019\""), "\(history)")
    #expect(history.contains("verdict: unverified → false"), "\(history)")
    // Merging again brings nothing, on either side.
    #expect(try run(amal, "amal", "merge \(karim)").stdout.contains("nothing new"))
    #expect(try run(karim, "karim", "merge \(amal)").stdout.contains("nothing new"))
  }

  /// A field only the other side changed is taken without a word of conflict.
  @Test func aChangeOnOneSideOnlyIsNoConflict() throws {
    try copies()
    _ = try run(karim, "karim", "edit #1 verdict=mixed")
    let merged = try run(amal, "amal", "merge \(karim)")
    #expect(!merged.stdout.contains("conflict"), "\(merged.stdout)")
    #expect(try attributes(amal)["verdict"] == "mixed")
    #expect(try run(amal, "lead", "conflicts").stdout.contains("no open merge conflicts"))
  }

  @Test func oneFieldChangedOnBothSidesIsAConflictKeptTheSameWayEverywhere() throws {
    try copies()
    _ = try run(karim, "karim", "edit #1 verdict=false")
    Thread.sleep(forTimeInterval: 0.01)
    _ = try run(amal, "amal", "edit #1 verdict=misleading")
    let merged = try run(amal, "amal", "merge \(karim)")
    #expect(
      merged.stdout.contains("1 conflict (#1 verdict: false (karim) ↔ misleading (amal), kept misleading)"),
      "\(merged.stdout)")
    let back = try run(karim, "karim", "merge \(amal)")
    // karim's copy saw no conflict of its own, but takes amal's record of it.
    #expect(back.stdout.contains("1 conflict record"), "\(back.stdout)")
    #expect(try attributes(amal)["verdict"] == "misleading")
    #expect(try attributes(karim)["verdict"] == "misleading")
    // The lead sees it in `conflicts` and in the review queue, and takes karim's value.
    let listed = try run(karim, "lead", "conflicts").stdout
    #expect(listed.contains("#1 verdict: false (karim) ↔ misleading (amal), kept misleading"), "\(listed)")
    let taken = try run(karim, "lead", "conflicts take 1; conflicts").stdout
    #expect(taken.contains("conflict 1 settled: #1 verdict = false"), "\(taken)")
    #expect(taken.contains("no open merge conflicts"), "\(taken)")
    #expect(try attributes(karim)["verdict"] == "false")
    // The decision travels: merged back, amal's copy has the value and no open conflict.
    _ = try run(amal, "amal", "merge \(karim)")
    #expect(try attributes(amal)["verdict"] == "false")
    #expect(try run(amal, "amal", "conflicts").stdout.contains("no open merge conflicts"))
  }

  @Test func unknownConflictsAndVerbsAreClearErrors() throws {
    try copies()
    let none = try hashiya.run([amal, "-c", "conflicts keep 7"])
    #expect(none.status != 0)
    #expect(none.stderr.contains("no open merge conflict 7"), "\(none.stderr)")
    let verb = try hashiya.run([amal, "-c", "conflicts drop 1"])
    #expect(verb.status != 0)
    #expect(verb.stderr.contains("keep N"), "\(verb.stderr)")
  }

  /// Review decisions, their comments, review state and suggestion decisions come with a merge,
  /// so the lead's settled units stay settled and rejected suggestions stay rejected for whoever
  /// rejected them.
  @Test func reviewWorkTravelsWithTheFile() throws {
    try copies()
    _ = try run(karim, "amal", "show 1; claim \"قاموا بتدريب 120 ألف مقاتل\" type=statistical")
    _ = try run(karim, "karim", "show 1; claim \"قاموا بتدريب 120 ألف مقاتل\" type=statistical")
    _ = try run(amal, "karim", "merge \(karim)")
    let review = "review claim-labeling --annotators amal,karim"
    let open = try hashiya.run([amal, "--json", "--user", "lead", "-c", review])
    #expect(open.stdout.contains("\"remaining\":2"), "\(open.stdout)")
    let reviewed = try hashiya.run(
      [karim, "--user", "lead"], input: "\(review) --accept-unanimous\n", environment: ["NO_COLOR": "1"])
    #expect(reviewed.status == 0, "\(reviewed.stderr)")
    #expect(reviewed.stdout.contains("accepted 1 unanimous unit"), "\(reviewed.stdout)")
    let suggested = try hashiya.run([karim, "--user", "karim", "--json", "-c", "show 1; suggest; reject 1"])
    #expect(suggested.status == 0, "\(suggested.stderr)")
    // A decision is its author's: karim's rejection hides the candidate from karim.
    let before = try hashiya.run([amal, "--user", "karim", "--json", "-c", "show 1; suggest"]).stdoutLines[1]

    let merged = try run(amal, "amal", "merge \(karim)")
    #expect(merged.stdout.contains("1 review decision"), "\(merged.stdout)")
    #expect(merged.stdout.contains("1 review state"), "\(merged.stdout)")
    #expect(merged.stdout.contains("1 suggestion decision"), "\(merged.stdout)")
    let queue = try hashiya.run([amal, "--json", "--user", "lead", "-c", review])
    #expect(queue.stdout.contains("\"remaining\":1"), "\(queue.stdout)")
    let after = try hashiya.run([amal, "--user", "karim", "--json", "-c", "show 1; suggest"]).stdoutLines[1]
    #expect(after.count < before.count, "the rejected suggestion is offered again: \(after)")
    // The adjudicated annotations arrive with their provenance.
    let gold = hashiya.path("gold.jsonl")
    // One unit is still open, so the gold is knowingly incomplete.
    #expect(try hashiya.run([amal, "-c", "export --gold --allow-open \(gold)"]).status == 0)
    let exported = try String(contentsOfFile: gold, encoding: .utf8)
    #expect(exported.contains("\"provenance\":[\""), "\(exported)")
  }
}
