import Foundation
import Testing

/// Three annotators, a reviewer adjudicating in batch, the gold export and the agreement figures.
@Suite struct ReviewTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("team.hashiya") }

  /// amal and karim agree everywhere except one boundary; lina types one claim differently and
  /// misses the English speaker.
  func annotate() throws {
    let team = "team add amal annotator; team add karim annotator; team add lina annotator; team add lead lead"
    #expect(try hashiya.run([project, "-c", "import \(HashiyaBinary.samples); \(team)"]).status == 0)
    let work: [(String, String)] = [
      (
        "amal",
        "show 1; claim \"قاموا بتدريب 120 ألف مقاتل\" type=statistical; claim \"تحرير ثمانية ملايين شخص\" type=statistical; show 2; speaker \"Ruth Okafor\"#1"
      ),
      (
        "karim",
        "show 1; claim \"بتدريب 120 ألف مقاتل\" type=statistical; claim \"تحرير ثمانية ملايين شخص\" type=statistical; show 2; speaker \"Ruth Okafor\"#1"
      ),
      (
        "lina",
        "show 1; claim \"قاموا بتدريب 120 ألف مقاتل\" type=comparison; claim \"تحرير ثمانية ملايين شخص\" type=statistical; show 2; speaker \"Samuel Price\""
      ),
    ]
    for (user, commands) in work {
      let run = try hashiya.run([project, "--user", user, "-c", commands])
      #expect(run.status == 0, "\(user): \(run.stderr)")
    }
  }

  func json(_ commands: String, user: String = "lead") throws -> [Any] {
    let run = try hashiya.run([project, "--json", "--user", user, "-c", commands])
    #expect(run.status == 0, "\(commands): \(run.stderr)")
    return try run.stdoutLines.map {
      try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed])
    }
  }

  @Test func theQueueListsDisagreementsMostContentiousFirst() throws {
    try annotate()
    let docs = try json("review claim-labeling")
    let start = try #require(docs.first as? [String: Any])
    #expect(start["annotators"] as? [String] == ["amal", "karim", "lina"])
    let queue = try #require(start["queue"] as? [[String: Any]])
    #expect(queue.count == 2)
    #expect(queue[0]["unanimous"] as? Bool == false)
    #expect(queue[1]["unanimous"] as? Bool == true)
    let differences = (queue[0]["differences"] as? [Any])?.map { "\($0)" } ?? []
    #expect(differences.count == 2)
  }

  @Test func aReviewerAdjudicatesInBatchAndTheGoldExportHoldsExactlyTheDecisions() throws {
    try annotate()
    // Decisions piped in, as a lead would script them: settle the unanimous claim in bulk, take
    // amal's boundary for the other, then on speakers take amal's Okafor and reject Price.
    let script = """
      review claim-labeling --accept-unanimous
      comment "the full clause"
      accept amal
      review speaker-tagging --reports 2
      accept amal
      reject
      reports
      """
    let run = try hashiya.run([project, "--user", "lead"], input: script, environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("accepted 1 unanimous unit"))
    #expect(run.stdout.contains("rejected: no annotation here"))
    #expect(run.stdout.contains("settled"))
    let gold = hashiya.path("gold.jsonl")
    #expect(try hashiya.run([project, "-c", "export --gold \(gold)"]).status == 0)
    let reports = try String(contentsOfFile: gold, encoding: .utf8).split(separator: "\n").dropFirst().map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
    }
    let annotations = reports.flatMap { $0["annotations"] as? [[String: Any]] ?? [] }
    #expect(annotations.count == 3)
    #expect(annotations.allSatisfy { $0["origin"] as? String == "adjudicated" && $0["author"] as? String == "lead" })
    #expect(
      Set(annotations.compactMap { $0["quote"] as? String }) == [
        "قاموا بتدريب 120 ألف مقاتل", "تحرير ثمانية ملايين شخص", "Ruth Okafor",
      ])
    let boundary = try #require(annotations.first { $0["quote"] as? String == "قاموا بتدريب 120 ألف مقاتل" })
    #expect((boundary["attributes"] as? [String: Any])?["type"] as? String == "statistical")
    #expect((boundary["provenance"] as? [String])?.count == 3)
    // Undo takes the last decision back and reopens its unit.
    let undone = try hashiya.run([
      project, "--user", "lead", "--json", "-c", "undo; review speaker-tagging --reports 2",
    ])
    #expect(undone.status == 0, "\(undone.stderr)")
    #expect(undone.stdoutLines[1].contains("\"units\":1"))
  }

  @Test func agreementPrintsTheExpectedFigures() throws {
    try annotate()
    let docs = try json(
      "agreement claim-labeling --annotators amal,lina; agreement speaker-tagging --by span --reports 2")
    let claims = try #require((docs[0] as? [String: Any])?["claim-labeling"] as? [String: Any])
    let pair = try #require((claims["pairs"] as? [[String: Any]])?.first)
    // amal and lina mark the same spans: token labels agree everywhere, spans match exactly.
    #expect(((pair["cohenKappa"] as? [String: Any])?["value"] as? Double) == 1.0)
    #expect(((pair["exact"] as? [String: Any])?["f1"] as? Double) == 1.0)
    let type = try #require((pair["attributes"] as? [[String: Any]])?.first { $0["name"] as? String == "type" })
    #expect(type["fraction"] as? Double == 0.5)
    let speakers = try #require((docs[1] as? [String: Any])?["speaker-tagging"] as? [String: Any])
    let pairs = try #require(speakers["pairs"] as? [[String: Any]])
    let amalKarim = try #require(pairs.first { $0["first"] as? String == "amal" && $0["second"] as? String == "karim" })
    let amalLina = try #require(pairs.first { $0["first"] as? String == "amal" && $0["second"] as? String == "lina" })
    #expect(((amalKarim["exact"] as? [String: Any])?["f1"] as? Double) == 1.0)
    #expect(((amalLina["exact"] as? [String: Any])?["f1"] as? Double) == 0.0)
    let human = try hashiya.run([project, "-c", "agreement"], environment: ["NO_COLOR": "1"])
    #expect(human.stdout.contains("Krippendorff's alpha"))
    #expect(human.stdout.contains("Fleiss' kappa"))
    // With one annotator nothing can be compared: undefined figures read n/a, never NaN.
    let single = try hashiya.run(
      [project, "-c", "agreement claim-labeling --annotators amal"], environment: ["NO_COLOR": "1"])
    #expect(single.stdout.contains("n/a"), "\(single.stdout)\(single.stderr)")
    #expect(!single.stdout.contains("nan"))
  }

  @Test func votesAndDiff() throws {
    try annotate()
    let run = try hashiya.run(
      [
        project, "--user", "lead", "-c",
        "approve #1; flag #4 \"wrong boundary\"; ls --flagged; diff amal karim --layer claim-labeling",
      ], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("flagged #4: wrong boundary"))
    #expect(run.stdout.contains("1 disagreement"))
    let noWhy = try hashiya.run([project, "-c", "flag #4"])
    #expect(noWhy.status == 1)
  }
}
