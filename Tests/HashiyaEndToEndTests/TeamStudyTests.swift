import Foundation
import Testing

/// A whole annotation study as README's "Working as a team" runs it: a lead builds a team of
/// three, deals the seed report and the samples out with an overlap of two, each annotator works
/// blind through their own reports, and the lead measures agreement, reviews with comments,
/// exports the gold and reads the progress figures.
@Suite struct TeamStudyTests {
  let hashiya = HashiyaBinary()
  static let annotators = ["amal", "karim", "lina"]
  static let comment = "لا يَظهرُ المتحدّثُ في الجملة"

  var project: String { hashiya.path("study.hashiya") }

  @discardableResult
  func run(_ user: String, _ commands: String = "", input: String? = nil) throws -> HashiyaBinary.Run {
    let arguments = input == nil ? [project, "--user", user, "-c", commands] : [project, "--user", user]
    let run = try hashiya.run(arguments, input: input, environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(user): \(commands)\(input ?? ""): \(run.stderr)")
    return run
  }

  func json(_ user: String, _ commands: String) throws -> [Any] {
    let run = try hashiya.run([project, "--json", "--user", user, "-c", commands])
    #expect(run.status == 0, "\(user): \(commands): \(run.stderr)")
    return try run.stdoutLines.map {
      try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed])
    }
  }

  @Test func threeAnnotatorsWorkBlindAndTheLeadSettlesAGoldVersion() throws {
    // The lead sets up the team and the assignment.
    try run(
      "lead",
      "import \(HashiyaBinary.samples); team add amal annotator; team add karim annotator; team add lina annotator")
    let assigned = try run("lead", "assign all --to amal,karim,lina --overlap 2")
    #expect(assigned.stdout.contains("amal 2, karim 2, lina 2"), "\(assigned.stdout)")

    // Each annotator walks their two reports: amal and karim take every suggested speaker,
    // lina only the first, and each closes the report.
    for user in Self.annotators {
      let decision = user == "lina" ? "accept 1" : "accept all"
      let work = Array(repeating: "next; suggest speaker-tagging; \(decision); done", count: 2).joined(separator: "; ")
      try run(user, work)
      let left = try run(user, "reports --mine --todo")
      #expect(!left.stdout.contains("#"), "\(user) still has: \(left.stdout)")
    }

    // Blind: what amal sees, lists and exports is hers alone.
    let seen = try run("amal", "show 1; ls --all")
    let listed = try run("amal", "ls --all")
    let exported = try hashiya.run([project, "--user", "amal", "-c", "export --format jsonl -"])
    let listedJSON = try hashiya.run([project, "--user", "amal", "--json", "-c", "ls --all"])
    for output in [seen.stdout, listed.stdout, exported.stdout, listedJSON.stdout] {
      #expect(output.contains("amal"), "\(output)")
      #expect(!output.contains("karim") && !output.contains("lina"), "\(output)")
    }
    #expect(try hashiya.run([project, "--user", "amal", "-c", "agreement speaker-tagging"]).status != 0)

    // The lead measures agreement and reviews: unanimous units in bulk, the rest with a comment.
    #expect(try run("lead", "agreement speaker-tagging").stdout.contains("alpha"))
    let unanimous = try run("lead", "review speaker-tagging --accept-unanimous")
    #expect(unanimous.stdout.contains("accepted"), "\(unanimous.stdout)")
    let queue = try #require(try json("lead", "review speaker-tagging").first as? [String: Any])
    let open = try #require(queue["remaining"] as? Int)
    #expect(open > 0)
    try run(
      "lead",
      input: "review speaker-tagging\n" + String(repeating: "comment \"\(Self.comment)\"\nreject\n", count: open))
    let settled = try #require(try json("lead", "review speaker-tagging").first as? [String: Any])
    #expect(settled["remaining"] as? Int == 0, "\(settled)")

    // The gold export is complete, and carries the comments.
    let gold = hashiya.path("gold.jsonl")
    try run("lead", "export --gold \(gold)")
    let goldText = try String(contentsOfFile: gold, encoding: .utf8)
    #expect(goldText.contains("\"origin\":\"adjudicated\""))
    #expect(goldText.contains(Self.comment))

    // Progress: everyone was given two reports and finished them; the annotation and decision
    // counts are what each of them did.
    let stats = try #require(try json("lead", "stats --layer speaker-tagging").first as? [String: Any])
    let rows = try #require(stats["annotators"] as? [[String: Any]])
    for user in Self.annotators {
      let row = try #require(rows.first { $0["annotator"] as? String == user })
      let layer = try #require((row["layers"] as? [[String: Any]])?.first)
      #expect(layer["assigned"] as? Int == 2, "\(user): \(layer)")
      #expect(layer["done"] as? Int == 2, "\(user): \(layer)")
      let theirs = try #require(try json("lead", "ls --all --author \(user)").first as? [[String: Any]])
      #expect(layer["annotations"] as? Int == theirs.count, "\(user): \(layer)")
      #expect(layer["accepted"] as? Int == theirs.count, "\(user): \(layer)")
      #expect(layer["rejected"] as? Int == 0, "\(user): \(layer)")
    }
    #expect((stats["agreement"] as? [[String: Any]])?.first?["layer"] as? String == "speaker-tagging")
  }
}
