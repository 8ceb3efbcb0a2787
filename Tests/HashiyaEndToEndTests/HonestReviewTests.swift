import Foundation
import Testing

/// A review hides nothing: every version in a unit with its handle, review state per layer,
/// comments wherever the decision is read, no gold export that passes for finished while units
/// are open, and a prompt that says a review is in progress.
@Suite struct HonestReviewTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("team.hashiya") }

  static let evidence = "أرقامُ التحالفِ لا تُطابِقُ تقاريرَ الأممِ المتحدة"
  static let decisionComment = "الدليلُ يرجّحُ روايةَ كريم"
  static let flagComment = "الحدودُ أوسعُ من الادّعاء"

  /// amal marks one claim where karim marks two overlapping ones (the inner one with a verdict
  /// and evidence); both agree on a second claim and on the speaker.
  func annotate() throws {
    let setUp =
      "import \(HashiyaBinary.samples); team add amal annotator; team add karim annotator; team add tester lead"
    #expect(try hashiya.run([project, "--user", "lead", "-c", setUp]).status == 0)
    let work: [(String, String)] = [
      (
        "amal",
        #"show 1; claim "قاموا بتدريب 120 ألف مقاتل" type=statistical; claim "تحرير ثمانية ملايين شخص" type=statistical; speaker "كيفين كويثي""#
      ),
      (
        "karim",
        #"show 1; claim "قاموا بتدريب 120 ألف مقاتل" type=statistical; claim "بتدريب 120 ألف مقاتل" type=statistical verdict=false evidence=""#
          + Self.evidence
          + #""; claim "تحرير ثمانية ملايين شخص" type=statistical; speaker "كيفين كويثي""#
      ),
    ]
    for (user, commands) in work {
      let run = try hashiya.run([project, "--user", user, "-c", commands])
      #expect(run.status == 0, "\(user): \(run.stderr)")
    }
  }

  func lead(_ script: String) throws -> HashiyaBinary.Run {
    try hashiya.run([project, "--user", "lead"], input: script + "\n", environment: ["NO_COLOR": "1"])
  }

  func documents(_ commands: String) throws -> [[String: Any]] {
    let run = try hashiya.run([project, "--json", "--user", "lead", "-c", commands])
    #expect(run.status == 0, "\(commands): \(run.stderr)")
    return try run.stdoutLines.map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  /// karim's two versions in the contested unit: the plain one first (by range), then the one with evidence.
  func karimsVersions() throws -> (plain: Int, withEvidence: Int) {
    let start = try #require(try documents("review claim-labeling").first)
    let unit = try #require((start["queue"] as? [[String: Any]])?.first)
    let karim = try #require((unit["spans"] as? [String: Any])?["karim"] as? [[String: Any]])
    #expect(karim.count == 2)
    let plain = try #require(karim.first { ($0["attributes"] as? [String: Any])?["evidence"] == nil }?["id"] as? Int)
    let other = try #require(karim.first { ($0["attributes"] as? [String: Any])?["evidence"] != nil }?["id"] as? Int)
    return (plain, other)
  }

  /// The annotated project and karim's two versions in its contested unit.
  func contested() throws -> (plain: Int, withEvidence: Int) {
    try annotate()
    return try karimsVersions()
  }

  /// The only annotation of a gold export, incomplete gold allowed.
  func onlyGoldAnnotation() throws -> [String: Any] {
    let annotations = try goldReports().flatMap { $0["annotations"] as? [[String: Any]] ?? [] }
    #expect(annotations.count == 1)
    return try #require(annotations.first)
  }

  func goldReports(_ options: String = "--allow-open") throws -> [[String: Any]] {
    let gold = hashiya.path("gold.jsonl")
    let run = try hashiya.run([project, "-c", "export --gold \(options) \(gold)"])
    #expect(run.status == 0, "\(run.stderr)")
    return try String(contentsOfFile: gold, encoding: .utf8).split(separator: "\n").dropFirst().map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  @Test func everyVersionIsShownAndAcceptByHandleTakesItsVerdictAndEvidenceIntoTheGold() throws {
    let (plain, evidence) = try contested()
    let run = try lead("review claim-labeling\naccept karim\naccept 1\naccept #\(evidence)")
    #expect(run.status != 0)
    // Both of karim's versions are on screen, each with its handle, evidence included.
    #expect(run.stdout.contains("#\(plain) claim"), "\(run.stdout)")
    #expect(run.stdout.contains("#\(evidence) claim"), "\(run.stdout)")
    #expect(run.stdout.contains("verdict=false"), "\(run.stdout)")
    #expect(run.stdout.contains("differs: boundaries, attribute(evidence), attribute(verdict)"), "\(run.stdout)")
    #expect(run.stderr.contains("karim has 2 annotations here"), "\(run.stderr)")
    #expect(run.stderr.contains("accept #\(plain) or accept #\(evidence)"), "\(run.stderr)")
    #expect(run.stderr.contains("not \"1\""), "\(run.stderr)")
    #expect(run.stdout.contains("accepted #\(evidence), karim's version"), "\(run.stdout)")
    let gold = try onlyGoldAnnotation()
    #expect(gold["quote"] as? String == "بتدريب 120 ألف مقاتل")
    let attributes = gold["attributes"] as? [String: Any]
    #expect(attributes?["verdict"] as? String == "false")
    #expect(attributes?["evidence"] as? String == Self.evidence)
  }

  @Test func anExactDuplicateIsShownTooAndAcceptNameAsksWhich() throws {
    _ = try contested()
    let again = try hashiya.run([
      project, "--user", "amal", "-c", #"show 1; claim "قاموا بتدريب 120 ألف مقاتل" type=statistical"#,
    ])
    #expect(again.status == 0, "\(again.stderr)")
    let start = try #require(try documents("review claim-labeling").first)
    let unit = try #require((start["queue"] as? [[String: Any]])?.first)
    let amal = try #require((unit["spans"] as? [String: Any])?["amal"] as? [[String: Any]])
    try #require(amal.count == 2)
    #expect(Set(amal.map { "\($0["start"] ?? "")..\($0["end"] ?? "")" }).count == 1)
    let handles = amal.compactMap { $0["id"] as? Int }
    let run = try lead("review claim-labeling\naccept amal")
    #expect(run.status == 1)
    #expect(run.stdout.contains("#\(handles[0]) claim") && run.stdout.contains("#\(handles[1]) claim"), "\(run.stdout)")
    #expect(run.stderr.contains("amal has 2 annotations here"), "\(run.stderr)")
  }

  @Test func editByHandleInAReviewTakesThatVersionWithChanges() throws {
    let (_, evidence) = try contested()
    let run = try lead("review claim-labeling\nedit #\(evidence) verdict=mixed")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("edited #\(evidence), karim's version"), "\(run.stdout)")
    let gold = try onlyGoldAnnotation()
    #expect((gold["attributes"] as? [String: Any])?["verdict"] as? String == "mixed")
    #expect((gold["attributes"] as? [String: Any])?["evidence"] as? String == Self.evidence)
    #expect(gold["origin"] as? String == "adjudicated")
  }

  @Test func reportsShowTheReviewStatePerLayer() throws {
    let (_, evidence) = try contested()
    let partly = try lead("review claim-labeling --accept-unanimous\naccept #\(evidence)\nreports")
    #expect(partly.status == 0, "\(partly.stderr)")
    #expect(partly.stdout.contains("claim-labeling settled, speaker-tagging unreviewed"), "\(partly.stdout)")
    let report = try #require((try documents("reports").first?["reports"] as? [[String: Any]])?.first)
    #expect(report["review"] as? String == "in-review")
    let layers = report["reviewLayers"] as? [String: String]
    #expect(layers == ["claim-labeling": "settled", "speaker-tagging": "unreviewed"])
    #expect(try lead("review speaker-tagging --accept-unanimous").status == 0)
    let settled = try #require((try documents("reports").first?["reports"] as? [[String: Any]])?.first)
    #expect(settled["review"] as? String == "settled")
  }

  @Test func commentsAreShownInTheUnitTheQueueTheHistoryAndTheGold() throws {
    let (plain, evidence) = try contested()
    #expect(try lead("flag #\(plain) \"\(Self.flagComment)\"").status == 0)
    let queue = try #require(try documents("review claim-labeling").first?["queue"] as? [[String: Any]])
    let reviews = try #require(queue.first?["reviews"] as? [[String: Any]])
    #expect(reviews.first?["comment"] as? String == Self.flagComment)
    #expect(reviews.first?["annotation"] as? Int == plain)
    let run = try lead(
      "review claim-labeling\ncomment \"\(Self.decisionComment)\"\naccept #\(evidence)\nback")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("flag by lead: "), "\(run.stdout)")
    #expect(run.stdout.contains(Self.flagComment), "\(run.stdout)")
    #expect(run.stdout.contains("comment: "), "\(run.stdout)")
    #expect(run.stdout.contains(Self.decisionComment), "\(run.stdout)")
    let decisions = try goldReports().flatMap { $0["reviewDecisions"] as? [[String: Any]] ?? [] }
    let decision = try #require(decisions.first { $0["comment"] != nil && !($0["comment"] is NSNull) })
    #expect(decision["comment"] as? String == Self.decisionComment)
    let gold = try #require(decision["annotation"] as? String)
    let ls = try hashiya.run([project, "--json", "-c", "ls --all --author lead"])
    let listed = try #require(try JSONSerialization.jsonObject(with: Data(ls.stdout.utf8)) as? [[String: Any]])
    let handle = try #require(listed.first { $0["uuid"] as? String == gold }?["handle"] as? Int)
    let history = try hashiya.run(
      [project, "-c", "history #\(handle); blame #\(handle)"], environment: ["NO_COLOR": "1"])
    #expect(history.status == 0, "\(history.stderr)")
    #expect(history.stdout.contains("comments:"), "\(history.stdout)")
    #expect(history.stdout.components(separatedBy: Self.decisionComment).count == 3, "\(history.stdout)")
    let entries = try hashiya.run([project, "--json", "-c", "history #\(handle)"])
    let list = try #require(try JSONSerialization.jsonObject(with: Data(entries.stdout.utf8)) as? [[String: Any]])
    let comment = try #require(list.last)
    #expect(comment["entity"] as? String == "comment")
    #expect(comment["action"] as? String == "accepted")
    #expect(comment["comment"] as? String == Self.decisionComment)
  }

  @Test func theDecisionCommentIsInTheUnitsJSON() throws {
    let (_, evidence) = try contested()
    let docs = try documents(
      "review claim-labeling; comment \"\(Self.decisionComment)\"; accept #\(evidence); back")
    let unit = try #require(docs.last?["unit"] as? [String: Any])
    #expect(unit["comment"] as? String == Self.decisionComment)
    #expect((unit["decision"] as? String)?.hasPrefix("accepted → #") == true)
  }

  @Test func aGoldExportIsRefusedWhileUnitsAreOpen() throws {
    try annotate()
    let gold = hashiya.path("gold.jsonl")
    let refused = try hashiya.run([project, "-c", "export --gold \(gold)"])
    #expect(refused.status == 1)
    #expect(
      refused.stderr.contains("3 review units are still open (claim-labeling 2, speaker-tagging 1)"),
      "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: gold))
    #expect(try hashiya.run([project, "-c", "export --gold --allow-open \(gold)"]).status == 0)
    #expect(try hashiya.run([project, "-c", "export --allow-open \(gold)"]).status == 1)
    let (_, evidence) = try karimsVersions()
    let settled = try lead(
      "review claim-labeling --accept-unanimous\naccept #\(evidence)\nreview speaker-tagging --accept-unanimous")
    #expect(settled.status == 0, "\(settled.stderr)")
    #expect(try hashiya.run([project, "-c", "export --gold \(gold)"]).status == 0)
  }

  @Test func thePromptShowsTheReviewInProgress() throws {
    try annotate()
    let session = try TerminalSession.run(
      [project, "--user", "lead"], in: hashiya.folder,
      steps: [
        .expect("> "), .type("review claim-labeling\r"), .expect("hashiya review 1/2 #1 claim> "),
        .type("accept 1\r"), .expect("name or an annotation's #ID"), .expect("hashiya review 1/2 #1 claim> "),
        .type("skip\r"), .expect("hashiya review 2/2 #1 claim> "), .type("quit\r"), .expect("bye"),
      ])
    #expect(session.failedStep == nil, "\(session.output)")
    // The refused bare number counts as a failed command, as any refusal does.
    #expect(session.status == 1, "\(session.output)")
  }
}
