import Foundation
import Testing

/// The reported bias: one annotator's accept and reject hid candidates from everyone, and undo
/// never gave them back. Decisions now belong to whoever made them.
@Suite struct SuggestionOwnershipTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("team.hashiya") }

  /// A candidate as `layer/label@start..end`, the same whatever number a list gives it.
  static func key(_ item: [String: Any]) -> String {
    "\(item["layer"] ?? "")/\(item["label"] ?? "")@\(item["start"] ?? "")..\(item["end"] ?? "")"
  }

  func imported() throws {
    let run = try hashiya.run([
      project, "--user", "lead", "-c",
      "import \(HashiyaBinary.samples); team add amal annotator; team add karim annotator; team add tester lead",
    ])
    #expect(run.status == 0, "\(run.stderr)")
  }

  /// `user`'s candidates on the Arabic sample, in order (`options` as in `suggest --again`).
  func suggestions(_ user: String, _ options: String = "") throws -> [[String: Any]] {
    let run = try hashiya.run([project, "--user", user, "--json", "-c", "show 1; suggest \(options)"])
    #expect(run.status == 0, "\(run.stderr)")
    let list = try JSONSerialization.jsonObject(with: Data(run: run, line: 1)) as? [String: Any]
    return try #require(list?["suggestions"] as? [[String: Any]])
  }

  func run(_ user: String, _ commands: String) throws -> HashiyaBinary.Run {
    let run = try hashiya.run([project, "--user", user, "-c", commands], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(user): \(commands): \(run.stderr)")
    return run
  }

  /// The first two candidates that link to nothing, so accepting one accepts only itself.
  func twoPlain(_ list: [[String: Any]]) throws -> (first: [String: Any], second: [String: Any]) {
    let plain = list.filter { ($0["links"] as? [Any])?.isEmpty ?? false }
    try #require(plain.count >= 2)
    return (plain[0], plain[1])
  }

  @Test func amalsDecisionsHideNothingFromKarimAndUndoGivesHerCandidatesBack() throws {
    try imported()
    let all = try suggestions("amal")
    let (rejected, accepted) = try twoPlain(all)
    let keys = Set(all.map(Self.key))
    try #require(keys.count == all.count)
    let decided = try run(
      "amal", "show 1; suggest; reject \(rejected["n"] ?? 0); accept \(accepted["n"] ?? 0)")
    #expect(decided.stdout.contains("rejected 1 suggestion"))
    #expect(decided.stdout.contains(accepted["quote"] as? String ?? "?"))

    // karim is offered everything, amal's two decisions included.
    #expect(Set(try suggestions("karim").map(Self.key)) == keys)
    let amals = Set(try suggestions("amal").map(Self.key))
    #expect(amals == keys.subtracting([Self.key(rejected), Self.key(accepted)]))

    // undo of the accept takes her annotation away and offers the candidate again.
    let undone = try run("amal", "undo")
    #expect(undone.stdout.hasPrefix("undo of create on #"))
    #expect(Set(try suggestions("amal").map(Self.key)) == keys.subtracting([Self.key(rejected)]))
    let listed = try hashiya.run([project, "--json", "-c", "show 1; ls"])
    #expect(listed.stdoutLines.last == "[]")

    // undo of the reject offers that one again too; redo takes it back.
    #expect(try run("amal", "undo").stdout == "undo of reject\n")
    #expect(Set(try suggestions("amal").map(Self.key)) == keys)
    #expect(try run("amal", "redo").stdout == "redo of reject\n")
    #expect(Set(try suggestions("amal").map(Self.key)) == keys.subtracting([Self.key(rejected)]))
  }

  @Test func suggestAgainOffersTheUsersRejectedCandidates() throws {
    try imported()
    let all = try suggestions("amal")
    let (first, second) = try twoPlain(all)
    _ = try run("amal", "show 1; suggest; reject \(first["n"] ?? 0) \(second["n"] ?? 0)")
    #expect(try suggestions("amal").count == all.count - 2)
    let again = try suggestions("amal", "--again")
    #expect(Set(again.map(Self.key)) == Set(all.map(Self.key)))
    // Accepting a candidate offered again turns the rejection into an acceptance.
    let offered = try #require(again.first { Self.key($0) == Self.key(first) })
    _ = try run("amal", "show 1; suggest --again; accept \(offered["n"] ?? 0)")
    let afterwards = try suggestions("amal", "--again")
    #expect(Set(afterwards.map(Self.key)) == Set(all.map(Self.key)).subtracting([Self.key(first)]))
  }

  @Test func acceptAllThenUndoGivesEverythingBackToThatUserOnly() throws {
    try imported()
    let all = try suggestions("karim")
    let (karims, _) = try twoPlain(all)
    _ = try run("karim", "show 1; suggest; accept \(karims["n"] ?? 0)")
    _ = try run("amal", "show 1; suggest; accept all")
    #expect(try suggestions("amal").isEmpty)
    let listed = try hashiya.json(project, "show 1; ls")
    #expect((listed.documents.last as? [Any])?.count == all.count + 1)
    _ = try run("amal", "undo")
    #expect(Set(try suggestions("amal").map(Self.key)) == Set(all.map(Self.key)))
    #expect(Set(try suggestions("karim").map(Self.key)) == Set(all.map(Self.key)).subtracting([Self.key(karims)]))
    let left = try hashiya.json(project, "show 1; ls")
    let annotations = try #require(left.documents.last as? [[String: Any]])
    #expect(annotations.count == 1)
    #expect(annotations.first?["author"] as? String == "karim")
    #expect(annotations.first?["quote"] as? String == karims["quote"] as? String)
  }

  /// In one session, the numbers of the last `suggest` still work after an undo: what was undone
  /// is open again, and a redo settles it again.
  @Test func undoReopensCandidatesOfTheListOnScreen() throws {
    try imported()
    let run = try hashiya.run(
      [project, "--user", "amal"],
      input:
        "show 1\nsuggest speaker-tagging\naccept 1\nundo\naccept 1\nreject 2\nundo\nredo\nreject 2\nls\n",
      environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.components(separatedBy: "rejected 1 suggestion\n").count == 2, "\(run.stdout)")
    #expect(run.stdout.contains("rejected 0 suggestions"), "\(run.stdout)")
    let listed = try hashiya.json(project, "show 1; ls")
    let annotations = try #require(listed.documents.last as? [[String: Any]])
    #expect(annotations.map { $0["quote"] as? String } == ["كيفين كويثي"])
    #expect(try suggestions("amal").allSatisfy { ($0["quote"] as? String) != "كويثي" })
  }
}
