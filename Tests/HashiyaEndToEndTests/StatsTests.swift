import Foundation
import Testing

/// `stats` on a small scripted project: every count is known.
@Suite struct StatsTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("stats.hashiya") }

  func run(_ user: String, _ commands: String) throws -> HashiyaBinary.Run {
    let run = try hashiya.run([project, "--user", user, "-c", commands], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(user): \(commands): \(run.stderr)")
    return run
  }

  /// amal rejects one speaker and accepts another; karim accepts the same one, so they agree.
  func scripted() throws -> (rejected: String, accepted: String) {
    _ = try run(
      "lead", "import \(HashiyaBinary.samples); team add amal annotator; team add karim annotator; team add tester lead"
    )
    let listed = try hashiya.run([project, "--user", "amal", "--json", "-c", "show 1; suggest speaker-tagging"])
    let list = try JSONSerialization.jsonObject(with: Data(run: listed, line: 1)) as? [String: Any]
    let speakers = try #require(list?["suggestions"] as? [[String: Any]])
    try #require(speakers.count >= 2)
    let first = speakers[0]["n"] as? Int ?? 0
    let second = speakers[1]["n"] as? Int ?? 0
    _ = try run("amal", "show 1; suggest speaker-tagging; reject \(first); accept \(second)")
    let karims = try hashiya.run([project, "--user", "karim", "--json", "-c", "show 1; suggest speaker-tagging"])
    let karimList = try JSONSerialization.jsonObject(with: Data(run: karims, line: 1)) as? [String: Any]
    let same = try #require(
      (karimList?["suggestions"] as? [[String: Any]])?.first {
        $0["start"] as? Int == speakers[1]["start"] as? Int && $0["end"] as? Int == speakers[1]["end"] as? Int
      })
    _ = try run("karim", "show 1; suggest speaker-tagging; accept \(same["n"] as? Int ?? 0)")
    return (speakers[0]["quote"] as? String ?? "", speakers[1]["quote"] as? String ?? "")
  }

  @Test func statsCountsEachAnnotatorsWorkAndTheirAgreement() throws {
    let (_, accepted) = try scripted()
    #expect(accepted.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) })
    let (listed, documents) = try hashiya.json(project, "stats")
    #expect(listed.status == 0, "\(listed.stderr)")
    let stats = try #require(documents.first as? [String: Any])
    let annotators = try #require(stats["annotators"] as? [[String: Any]])
    #expect(annotators.map { $0["annotator"] as? String } == ["amal", "karim"])
    func layers(_ index: Int) -> [[String: Any]] { annotators[index]["layers"] as? [[String: Any]] ?? [] }
    func figures(_ row: [String: Any]) -> [String] {
      ["layer", "assigned", "done", "annotations", "accepted", "rejected"].map { "\(row[$0] ?? "nil")" }
    }
    #expect(layers(0).map(figures) == [["speaker-tagging", "0", "0", "1", "1", "1"]])
    #expect(layers(1).map(figures) == [["speaker-tagging", "0", "0", "1", "1", "0"]])
    #expect(annotators.allSatisfy { ($0["activeSeconds"] as? Double ?? -1) >= 0 })
    let agreement = try #require(stats["agreement"] as? [[String: Any]])
    #expect(agreement.count == 1)
    #expect(agreement.first?["layer"] as? String == "speaker-tagging")
    #expect(agreement.first?["reports"] as? Int == 1)
    #expect((agreement.first?["alpha"] as? [String: Any])?["value"] as? Double == 1)

    let text = try run("lead", "stats")
    let lines = text.stdoutLines
    #expect(
      lines.first?.split(separator: " ").map(String.init) == [
        "annotator", "layer", "reports", "annotations", "accepted", "rejected", "active",
      ])
    #expect(lines.contains { $0.hasPrefix("amal") && $0.contains("speaker-tagging") && $0.contains("0/0") })
    #expect(lines.last?.hasPrefix("agreement on speaker-tagging: Krippendorff's alpha 1.000") == true)
    #expect(lines.last?.hasSuffix("over 1 report annotated by two or more") == true)
  }

  @Test func statsTakesALayerAndPrintsJSONOnRequest() throws {
    _ = try scripted()
    let other = try run("lead", "stats --layer claim-labeling")
    // The team's annotators are listed before their first piece of work on a layer.
    let rows = other.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
    #expect(rows.map { $0.first ?? "" } == ["amal", "karim"], "\(other.stdout)")
    #expect(rows.allSatisfy { $0.dropFirst(2).prefix(4) == ["0/0", "0", "0", "0"] }, "\(other.stdout)")
    let asked = try run("lead", "stats --layer speaker-tagging --json")
    let parsed = try JSONSerialization.jsonObject(with: Data(asked.stdout.utf8)) as? [String: Any]
    #expect((parsed?["annotators"] as? [Any])?.count == 2)
    let annotator = try hashiya.run([project, "--user", "amal", "-c", "stats"])
    #expect(annotator.status != 0)
    #expect(annotator.stderr.contains("lead"), "\(annotator.stderr)")
    let wrong = try hashiya.run([project, "-c", "stats --layers x"])
    #expect(wrong.status != 0)
    #expect(wrong.stderr.contains("--layers"))
    let help = try run("lead", "help stats")
    #expect(help.stdout.contains("under 5 minutes"))
  }
}
