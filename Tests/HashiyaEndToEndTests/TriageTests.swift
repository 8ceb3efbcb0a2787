import AnnotatorTesting
import Foundation
import Testing

/// `triage`: one key per decision, replayed with --keys in batch, typed at a terminal, and over
/// the units of a review.
@Suite struct TriageTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("triage.hashiya") }

  func importSeed() throws {
    let run = try hashiya.run([project, "--user", "tester", "-c", "import \(HashiyaBinary.seed)"])
    #expect(run.status == 0, "\(run.stderr)")
  }

  func objects(_ documents: [Any], _ index: Int) throws -> [String: Any] {
    try #require(documents.count > index ? documents[index] as? [String: Any] : nil)
  }

  /// Runs `commands` as `user` without colour, expecting success.
  func plainRun(_ commands: String, user: String) throws -> HashiyaBinary.Run {
    let run = try hashiya.run([project, "--user", user, "-c", commands], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(run.stderr)")
    return run
  }

  @Test func keysReplayedInBatchDecideSuggestionsAndShowInTheList() throws {
    try importSeed()
    let (run, documents) = try hashiya.json(
      project, "suggest claim-labeling; triage claim-labeling --keys \"ax\"; ls --author tester")
    #expect(run.status == 0, "\(run.stderr)")
    let suggestions = try #require(try objects(documents, 0)["suggestions"] as? [[String: Any]])
    let summary = try objects(documents, 1)
    #expect(summary["accepted"] as? Int == 1)
    #expect(summary["rejected"] as? Int == 1)
    #expect(summary["total"] as? Int == suggestions.count)
    let handles = try #require(summary["handles"] as? [Int])
    let listed = try #require(documents.last as? [[String: Any]])
    #expect(listed.map { $0["handle"] as? Int } == handles.map { $0 })
    #expect(listed.first?["start"] as? Int == suggestions.first?["start"] as? Int)
    #expect(listed.first?["quote"] as? String == suggestions.first?["quote"] as? String)
    #expect((listed.first?["origin"] as? String)?.hasPrefix("suggested:claim-labeling@") == true)
    // The reject is remembered: the second suggestion is not offered again.
    let (_, again) = try hashiya.json(project, "suggest claim-labeling")
    let left = try #require(try objects(again, 0)["suggestions"] as? [[String: Any]])
    #expect(left.count == suggestions.count - 2)
  }

  @Test func theTextSummaryCountsEveryKindOfDecision() throws {
    try importSeed()
    let run = try plainRun("triage translation-notes --keys \"a x  u?q\"", user: "tester")
    // Skipped: the second, fourth and fifth; the third is open again but was never skipped.
    #expect(run.stdout.contains("triage: 1 accepted, 0 rejected, 3 skipped of "), "\(run.stdout)")
  }

  @Test func withoutKeysABatchRunIsToldWhatToUseInstead() throws {
    try importSeed()
    // A command that cannot run fails the run like any other (exit code 1, see ExitCodeTests).
    for run in [
      try hashiya.run([project, "-c", "triage"]), try hashiya.run([project], input: "triage claim-labeling\n"),
    ] {
      #expect(run.status == 1, "\(run.stderr)")
      #expect(run.stderr.contains("accept N… and reject N…, or --keys"), "\(run.stderr)")
    }
    let (_, documents) = try hashiya.json(project, "ls")
    #expect((documents.first as? [Any])?.isEmpty == true)
  }

  /// amal and karim claim the same two spans with different types.
  func disagree() throws {
    let team = "team add amal annotator; team add karim annotator; team add lead lead"
    #expect(try hashiya.run([project, "-c", "import \(HashiyaBinary.seed); \(team)"]).status == 0)
    let work = [
      (
        "amal",
        "claim \"قاموا بتدريب 120 ألف مقاتل\" type=statistical; claim \"تحرير ثمانية ملايين شخص\" type=statistical"
      ),
      ("karim", "claim \"قاموا بتدريب 120 ألف مقاتل\" type=comparison; claim \"تحرير ثمانية ملايين شخص\" type=causal"),
    ]
    for (user, commands) in work {
      let run = try hashiya.run([project, "--user", user, "-c", commands])
      #expect(run.status == 0, "\(user): \(run.stderr)")
    }
  }

  @Test func aDigitTakesThatAnnotatorsVersionOfAReviewUnit() throws {
    try disagree()
    // 2 takes karim's version of the first unit, Arabic-Indic ١ amal's of the second.
    let run = try hashiya.run([
      project, "--user", "lead", "--json", "-c", "review claim-labeling; triage --keys \"2١\"",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data((run.stdoutLines.last ?? "").utf8)) as? [String: Any])
    #expect(summary["accepted"] as? Int == 2)
    #expect(summary["total"] as? Int == 2)
    let (_, documents) = try hashiya.json(project, "ls --author lead")
    let gold = try #require(documents.first as? [[String: Any]])
    #expect(gold.map { $0["handle"] as? Int } == (summary["handles"] as? [Int] ?? []).map { $0 })
    let types = gold.sorted { ($0["start"] as? Int ?? 0) < ($1["start"] as? Int ?? 0) }.map {
      ($0["attributes"] as? [String: Any])?["type"] as? String
    }
    #expect(types == ["comparison", "statistical"])
    #expect(gold.allSatisfy { $0["origin"] as? String == "adjudicated" })
  }

  @Test func inAReviewAIsRefusedWhereAnnotatorsDisagreeAndUReopensTheUnit() throws {
    try disagree()
    let run = try plainRun("review claim-labeling; triage --keys \"a2u1\"", user: "lead")
    #expect(run.stdout.contains("the annotators disagree here"), "\(run.stdout)")
    #expect(run.stdout.contains("triage: 1 accepted, 0 rejected, 0 skipped of 2"), "\(run.stdout)")
    // karim's version was taken back, amal's taken instead; the second unit is still open.
    let (_, documents) = try hashiya.json(project, "ls --author lead")
    let gold = try #require(documents.first as? [[String: Any]])
    #expect(gold.count == 1)
    #expect((gold.first?["attributes"] as? [String: Any])?["type"] as? String == "statistical")
    let (_, queue) = try hashiya.json(project, "review claim-labeling")
    #expect(try objects(queue, 0)["remaining"] as? Int == 1)
  }

  @Test func helpShowsTheKeys() throws {
    let run = try hashiya.run([project, "-c", "help triage"], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(run.stderr)")
    for key in ["a        accept", "x        reject", "space    skip", "u        undo", "1–9", "١–٩", "--keys"] {
      #expect(run.stdout.contains(key), "\(key)")
    }
  }

  /// Runs `steps` at the prompt of an 80-column terminal on the seed report, then quits; checks
  /// that every step was seen, the exit status and that escape sequences are whole.
  func atTerminal(_ steps: [TerminalSession.Step]) throws -> TerminalSession.Result {
    try importSeed()
    let prompt = TerminalSession.Step.expect("hashiya #1> ")
    let session = try TerminalSession.run(
      [project], in: hashiya.folder, steps: [prompt] + steps + [prompt, .type("quit\r"), .expect("bye")],
      columns: 80)
    #expect(session.failedStep == nil, "\(session.output)")
    #expect(session.status == 0, "\(session.output)")
    let malformed = EscapeSequences.malformed(in: session.output)
    #expect(malformed.isEmpty, "\(malformed)")
    // Cards fit the terminal, as every other output does.
    let tooWide = ScreenText.lines(session.output).filter { ScreenText.width($0) > 80 }
    #expect(tooWide.isEmpty, "\(tooWide)")
    return session
  }

  @Test func singleKeysAtATerminalDecideWithoutEnter() throws {
    _ = try atTerminal([
      .type("triage translation-notes\r"), .expect(" · 0 accepted · 0 rejected"),
      .type("a"), .expect(" · 1 accepted · 0 rejected"), .type("x"), .expect(" · 1 accepted · 1 rejected"),
      .type(" "), .expect(" · 1 accepted · 1 rejected"), .type("u"), .expect(" · 1 accepted · 0 rejected"),
      .type("?"), .expect("e edit attributes"), .type("q"), .expect("triage: 1 accepted, 0 rejected, 1 skipped of "),
      .expect("hashiya #1> "), .type("ls\r"), .expect("translation-notes/note"),
    ])
  }

  /// An Arabic-Indic digit arrives as two bytes and is read as one key; an arrow key's escape
  /// sequence is one unknown key, not three; Ctrl-D quits.
  @Test func multibyteKeysAtTheTerminalAreOneKeyEach() throws {
    let session = try atTerminal([
      .type("triage speaker-tagging\r"), .expect("1 speaker · 2 quote"), .type("\u{1B}[A"),
      .expect("does nothing here"), .type("٢"), .expect("accepted as #1"), .type("\u{4}"),
      .expect("triage: 1 accepted"), .expect("hashiya #1> "), .type("ls\r"), .expect("speaker-tagging/quote"),
    ])
    #expect(session.output.components(separatedBy: "does nothing here").count == 2, "\(session.output)")
  }

  @Test func ctrlCLeavesTriageWithItsDecisionsAndAUsableTerminal() throws {
    _ = try atTerminal([
      .type("triage translation-notes\r"), .expect(" · 0 accepted"), .type("a"), .expect(" · 1 accepted"),
      .type("\u{3}"), .expect("(interrupted)"), .expect("hashiya #1> "), .type("whoami\r"), .expect("tester on"),
    ])
    let (_, documents) = try hashiya.json(project, "ls")
    #expect((documents.first as? [Any])?.count == 1, "the accept before Ctrl-C stays")
  }
}
