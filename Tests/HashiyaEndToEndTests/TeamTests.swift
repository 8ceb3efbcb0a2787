import Foundation
import Testing

/// The team through the binary: who a `--user` is, what an annotator may change, and what a
/// blind annotator sees of the others' work.
@Suite struct TeamTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("team.hashiya") }

  /// A lead sets up the team; amal, karim and lina each mark a claim on report 1 (#1, #2, #3).
  func annotate() throws {
    let setup = try run(
      "lead",
      "import \(HashiyaBinary.samples); team add amal annotator; team add karim annotator; team add لينا annotator")
    #expect(setup.stdout.contains("لينا"), "\(setup.stdout)")
    try run("amal", "show 1; claim \"قاموا بتدريب 120 ألف مقاتل\" type=statistical")
    try run("karim", "show 1; claim \"تحرير ثمانية ملايين شخص\" type=statistical")
    try run("لينا", "show 1; claim \"قاموا بتدريب 120 ألف مقاتل\" type=comparison")
  }

  @discardableResult
  func run(_ user: String, _ commands: String, json: Bool = false, succeeds: Bool = true) throws -> HashiyaBinary.Run {
    let run = try hashiya.run(
      [project, "--user", user] + (json ? ["--json"] : []) + ["-c", commands], environment: ["NO_COLOR": "1"])
    if succeeds { #expect(run.status == 0, "\(user): \(commands): \(run.stderr)") }
    return run
  }

  // MARK: Who a user is (problem 6)

  @Test func anEmptyOrBlankUserIsRefused() throws {
    for name in ["", "   "] {
      let refused = try hashiya.run([project, "--user", name, "-c", "whoami"])
      #expect(refused.status == 2, "\(refused.stdout)")
      #expect(refused.stderr.contains("cannot be empty"), "\(refused.stderr)")
    }
  }

  @Test func aCaseVariantIsTheMemberAndATypoGetsDidYouMean() throws {
    try annotate()
    let variant = try run("Amal", "whoami; ls --mine", json: true)
    #expect(variant.stdoutLines.first?.contains("\"user\":\"amal\"") == true, "\(variant.stdout)")
    #expect(variant.stdoutLines.last?.contains("\"author\":\"amal\"") == true, "\(variant.stdout)")
    let typo = try run("amla", "claim \"تحرير ثمانية ملايين شخص\"", succeeds: false)
    #expect(typo.status == 2)
    #expect(typo.stderr.contains("did you mean amal?"), "\(typo.stderr)")
    // Nothing was written as the typo, and it did not join the team.
    let team = try run("lead", "team; ls --all", json: true)
    #expect(!team.stdout.contains("amla"), "\(team.stdout)")
  }

  @Test func onlyALeadAddsMembers() throws {
    try annotate()
    let refused = try run("amal", "team add nour annotator", succeeds: false)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("is for leads"), "\(refused.stderr)")
    try run("lead", "team add nour annotator")
    #expect(try run("Nour", "whoami").stdout.hasPrefix("nour on"))
    let removed = try run("lead", "team rm karim; team")
    #expect(removed.stdout.contains("removed"), "\(removed.stdout)")
    let gone = try run("karim", "whoami", succeeds: false)
    #expect(gone.status == 2 && gone.stderr.contains("removed"), "\(gone.stderr)")
    // karim's claim is still there, and still karim's.
    #expect(try run("lead", "show 1; ls --author karim").stdout.contains("تحرير ثمانية ملايين شخص"))
  }

  // MARK: Whose annotation it is (problem 1)

  @Test func anAnnotatorCannotEditOrRemoveAnothersAnnotationButALeadCan() throws {
    try annotate()
    let edit = try run("لينا", "edit #1 type=comparison", succeeds: false)
    #expect(edit.status == 1)
    #expect(edit.stderr.contains("#1 is amal's annotation"), "\(edit.stderr)")
    let remove = try run("لينا", "rm #1", succeeds: false)
    #expect(remove.stderr.contains("#1 is amal's annotation"), "\(remove.stderr)")
    try run("lead", "edit #1 evidence=\"مفوضية اللاجئين 2019\"")
    let history = try run("lead", "history #1", json: true)
    let events = try JSONSerialization.jsonObject(with: Data((history.stdoutLines.last ?? "").utf8)) as? [[String: Any]]
    #expect(events?.map { $0["author"] as? String } == ["amal", "lead"])
    let listed = try run("lead", "show 1; ls", json: true)
    #expect(listed.stdoutLines.last?.contains("\"author\":\"amal\"") == true)
  }

  // MARK: Blind annotation

  @Test func aBlindAnnotatorSeesListsAndExportsOnlyHerOwnWork() throws {
    try annotate()
    let show = try run("amal", "show 1")
    #expect(show.stdout.contains("#1"), "\(show.stdout)")
    #expect(!show.stdout.contains("#2") && !show.stdout.contains("#3"), "\(show.stdout)")
    #expect(show.stdout.contains("1 annotations"), "\(show.stdout)")
    let reports = try run("amal", "reports", json: true)
    #expect(reports.stdout.contains("\"annotations\":1,"), "\(reports.stdout)")
    #expect(try run("lead", "reports", json: true).stdout.contains("\"annotations\":3,"))
    let list = try run("amal", "show 1; ls --all")
    #expect(!list.stdout.contains("karim") && !list.stdout.contains("لينا"), "\(list.stdout)")
    let json = try run("amal", "ls --all", json: true)
    let listed = try JSONSerialization.jsonObject(with: Data((json.stdoutLines.last ?? "").utf8)) as? [[String: Any]]
    #expect(listed?.compactMap { $0["author"] as? String } == ["amal"])
    let history = try run("amal", "history --limit 100")
    #expect(!history.stdout.contains("karim") && !history.stdout.contains("لينا"), "\(history.stdout)")
    #expect(history.stdout.contains("amal"))
    for hidden in ["history #2", "blame #3", "show 1 --author karim", "ls --author karim", "approve #2"] {
      let refused = try run("amal", hidden, succeeds: false)
      #expect(refused.status == 1, "\(hidden)")
      #expect(refused.stderr.contains("annotated blind"), "\(hidden): \(refused.stderr)")
    }
    for (format, name) in [
      ("jsonl", "a.jsonl"), ("json", "a.json"), ("w3c", "a.w3c.json"), ("brat", "brat"), ("prodigy", "a.prodigy"),
      ("doccano", "a.doccano"), ("labelstudio", "a.ls.json"), ("html", "a.html"),
    ] {
      let out = hashiya.path(name)
      let exported = try run("amal", "export --format \(format) --layer claim-labeling \(out)", json: true)
      let summary =
        try JSONSerialization.jsonObject(with: Data((exported.stdoutLines.last ?? "").utf8)) as? [String: Any]
      #expect(summary?["annotations"] as? Int == 1, "\(format): \(exported.stdout)")
      let text = try Self.contents(out)
      #expect(!text.contains("karim") && !text.contains("لينا"), "\(format)")
      #expect(!text.contains("type\":\"comparison"), "\(format)")
    }
    let conflicts = try run("amal", "conflicts", succeeds: false)
    #expect(conflicts.stderr.contains("conflicts is for leads"), "\(conflicts.stderr)")
    let others = try run("amal", "export --author karim \(hashiya.path("k.jsonl"))", succeeds: false)
    #expect(others.stderr.contains("annotated blind"), "\(others.stderr)")
  }

  @Test func theLeadSeesEveryoneAndAnnotatorsAreRefusedAgreementAndReview() throws {
    try annotate()
    let lead = try run("lead", "show 1")
    for handle in ["#1", "#2", "#3"] { #expect(lead.stdout.contains(handle), "\(lead.stdout)") }
    let karims = try run("lead", "show 1 --author karim")
    #expect(karims.stdout.contains("#2") && !karims.stdout.contains("#3"), "\(karims.stdout)")
    #expect(try run("lead", "agreement claim-labeling").status == 0)
    for command in ["agreement claim-labeling", "review claim-labeling", "diff"] {
      let refused = try run("karim", command, succeeds: false)
      #expect(refused.status == 1, "\(command)")
      #expect(refused.stderr.contains("\(command.split(separator: " ")[0]) is for leads"), "\(refused.stderr)")
    }
    // With blind off, annotators see one another's work again.
    try run("lead", "team blind off")
    #expect(try run("karim", "show 1").stdout.contains("#1"))
  }

  /// Every file an export wrote, as one text: a folder's files together.
  static func contents(_ path: String) throws -> String {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return "" }
    guard isDirectory.boolValue else { return try String(contentsOfFile: path, encoding: .utf8) }
    // A brat export holds a folder per annotator.
    return try FileManager.default.contentsOfDirectory(atPath: path).sorted().map {
      try contents(path + "/" + $0)
    }.joined(separator: "\n")
  }
}
