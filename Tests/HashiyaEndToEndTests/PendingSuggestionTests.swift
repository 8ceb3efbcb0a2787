import AnnotatorTesting
import Foundation
import Testing

/// The numbered list of `suggest` is kept in the project: decisions on it work from a new process,
/// `--all-reports` sums it up and pages it, and bulk decisions print a summary, not every row.
@Suite struct PendingSuggestionTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("pending.hashiya") }

  /// Imports `count` copies of the Arabic seed report, each opened by its own numbered line.
  func importCopies(_ count: Int) throws {
    for index in 1...count {
      _ = hashiya.write("reports/r\(index).txt", "تقرير رقم \(index) 🌍\n" + SeedReport.text)
    }
    let run = try hashiya.run([project, "-c", "import \(hashiya.path("reports"))"])
    #expect(run.status == 0, "\(run.stderr)")
  }

  func run(_ commands: String, user: String = "tester") throws -> HashiyaBinary.Run {
    let run = try hashiya.run([project, "--user", user, "-c", commands], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(user): \(commands): \(run.stderr)")
    return run
  }

  func object(_ commands: String, user: String = "tester") throws -> [String: Any] {
    let run = try hashiya.run([project, "--user", user, "--json", "-c", commands])
    #expect(run.status == 0, "\(commands): \(run.stderr)")
    return try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdoutLines.last?.utf8 ?? "".utf8)) as? [String: Any])
  }

  func listed(_ object: [String: Any]) throws -> [[String: Any]] {
    try #require(object["suggestions"] as? [[String: Any]])
  }

  @Test func decisionsOnTheListWorkFromANewProcess() throws {
    try importCopies(1)
    let offered = try listed(try object("show 1; suggest"))
    let plain = offered.filter { ($0["links"] as? [Any])?.isEmpty ?? false }
    try #require(plain.count >= 3)
    let (first, second) = (plain[0], plain[1])
    // Each command below runs in a process of its own, as after a restart.
    let accepted = try run("accept \(first["n"] ?? 0)")
    #expect(accepted.stdout.contains(first["quote"] as? String ?? "?"), "\(accepted.stdout)")
    #expect(try run("reject \(second["n"] ?? 0)").stdout == "rejected 1 suggestion\n")
    let states = try listed(try object("suggest --list"))
    #expect(states.count == offered.count)
    #expect(states.map { $0["n"] as? Int } == offered.map { $0["n"] as? Int })
    let state = Dictionary(uniqueKeysWithValues: states.map { ($0["n"] as? Int ?? 0, $0["state"] as? String) })
    #expect(state[first["n"] as? Int ?? 0] == "accepted")
    #expect(state[second["n"] as? Int ?? 0] == "rejected")
    #expect(states.filter { $0["state"] as? String == "open" }.count == offered.count - 2)
    // Deciding an already decided one again changes nothing.
    #expect(try run("reject \(second["n"] ?? 0)").stdout == "rejected 0 suggestions\n")

    // triage in yet another process walks what is still open, and undo reopens what it accepted.
    let triage = try run("triage --keys \"aq\"")
    #expect(triage.stdout.contains("triage: 1 accepted"), "\(triage.stdout)")
    #expect(try run("undo").stdout.hasPrefix("undo of create on #"))
    #expect(
      try listed(try object("suggest --list")).filter { $0["state"] as? String == "open" }.count == offered.count - 2)
  }

  @Test func theListIsTheAnnotatorsOwn() throws {
    try importCopies(1)
    _ = try run("team add tester lead; team add amal annotator; team add karim annotator")
    let amals = try listed(try object("show 1; suggest speaker-tagging", user: "amal"))
    try #require(!amals.isEmpty)
    let karim = try hashiya.run([project, "--user", "karim", "-c", "accept 1"])
    #expect(karim.status == 1)
    #expect(karim.stderr.contains("no suggestions to choose from"), "\(karim.stderr)")
    #expect(try hashiya.run([project, "--user", "karim", "-c", "suggest --list"]).status == 1)
    // Karim's own suggest leaves amal's list as it was.
    _ = try run("show 1; suggest claim-labeling", user: "karim")
    #expect(
      try listed(try object("suggest --list", user: "amal")).map { $0["quote"] as? String }
        == amals.map { $0["quote"] as? String })
  }

  @Test func allReportsSumsUpEachLayerAndPagesTheRest() throws {
    try importCopies(12)
    let whole = try object("suggest --all-reports")
    let total = try #require(whole["total"] as? Int)
    let layers = try #require(whole["layers"] as? [String: Int])
    #expect(whole["reports"] as? Int == 12)
    #expect(layers.values.reduce(0, +) == total)
    #expect(Set(layers.keys) == ["claim-labeling", "speaker-tagging", "translation-notes"])
    try #require(total > 200, "twelve copies of the seed give more than one page")
    let firstPage = try listed(whole)
    #expect(firstPage.map { $0["n"] as? Int } == (1...200).map { $0 })
    #expect(whole["pages"] as? Int == (total + 199) / 200)
    let second = try object("suggest --list --page 2")
    #expect(try listed(second).first?["n"] as? Int == 201)
    #expect(try listed(second).count == min(200, total - 200))
    #expect(Set(try listed(second).compactMap { $0["report"] as? Int }).isSubset(of: Set(1...12)))

    let text = try run("suggest --all-reports").stdout
    let head = try #require(text.split(separator: "\n").first.map(String.init))
    #expect(head.hasPrefix("\(total.formatted()) suggestions on 12 reports: claim-labeling "), "\(head)")
    #expect(text.contains("suggest --list --page 2"), "\(text)")
    #expect(text.split(separator: "\n").count < 230, "one page is shown, not the whole list")
    let beyond = try hashiya.run([project, "-c", "suggest --list --page 999"])
    #expect(beyond.status == 1)
    #expect(beyond.stderr.contains("there is no page 999"), "\(beyond.stderr)")
  }

  @Test func acceptAllAndRejectAllPrintOneSummaryAndUndoRevertsThem() throws {
    try importCopies(6)
    let total = try #require(try object("suggest --all-reports")["total"] as? Int)
    try #require(total > 20)
    let accepted = try run("accept all")
    #expect(
      accepted.stdout == "accepted \(total.formatted()) suggestions as #1–#\(total) on 3 layers; undo reverts them\n",
      "\(accepted.stdout)")
    #expect(accepted.stdoutLines.count == 1)
    let annotations = try hashiya.json(project, "ls --all")
    #expect((annotations.documents.last as? [Any])?.count == total)
    #expect(try listed(try object("suggest --list")).allSatisfy { $0["state"] as? String == "accepted" })
    let undone = try run("undo")
    #expect(undone.stdout.hasPrefix("undo of create on #1–#\(total)"), "\(undone.stdout)")
    #expect(try listed(try object("suggest --list")).allSatisfy { $0["state"] as? String == "open" })
    let rejected = try object("reject all")
    #expect((rejected["rejected"] as? [Int])?.count == total)
    #expect(try run("undo").stdout == "undo of reject\n")
    let again = try run("reject all")
    #expect(again.stdout == "rejected \(total.formatted()) suggestions on 3 layers; undo reverts them\n")
  }
}
