import Foundation
import Testing

/// Annotating the seed report in batch: every SPAN form, undo across restarts, plugin failures.
@Suite struct AnnotatingTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  /// The help says what the schema does: a claim's type has a default, so it is not required.
  @Test func helpClaimMatchesTheSchema() throws {
    let help = try hashiya.run([project, "-c", "help claim"])
    #expect(help.stdout.contains("(default other)"), "\(help.stdout)")
    #expect(!help.stdout.contains("(required)"))
    let made = try hashiya.run([project, "--json", "-c", "import \(HashiyaBinary.seed); claim \"ثمانية ملايين\""])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdoutLines.last?.contains("\"type\":\"other\"") == true, "\(made.stdout)")
  }

  @Test func aLabelsOneKeyShortcutStandsForIt() throws {
    let examples = HashiyaBinary.repository.appendingPathComponent("plugins/examples").path
    let run = try hashiya.run([
      project, "--plugins", examples, "--json", "-c", "import \(HashiyaBinary.seed); tag gazetteer o \"قسد\"#1",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdoutLines.last?.contains("\"label\":\"organisation\"") == true, "\(run.stdout)")
  }
  static var examples: String { HashiyaBinary.repository.appendingPathComponent("plugins/examples").path }
  static var fixtures: String {
    HashiyaBinary.repository.appendingPathComponent("Tests/HashiyaPluginsTests/Fixtures").path
  }
  let seed = Array(try! String(contentsOfFile: HashiyaBinary.seed, encoding: .utf8).unicodeScalars)

  func offset(of needle: String, occurrence: Int = 1) -> Int {
    let n = Array(needle.unicodeScalars)
    let starts = (0...(seed.count - n.count)).filter { Array(seed[$0..<$0 + n.count]) == n }
    return starts[occurrence - 1]
  }

  /// Runs commands on the project with the example plugins and returns the JSON documents printed.
  func json(_ commands: String, user: String = "amal", plugins: [String] = [examples]) throws -> [[String: Any]] {
    let run = try hashiya.run(
      [project, "--json", "--user", user] + plugins.flatMap { ["--plugins", $0] } + ["-c", commands])
    #expect(run.status == 0, "\(commands): \(run.stderr)")
    return try run.stdoutLines.map {
      try JSONSerialization.jsonObject(with: Data($0.utf8), options: [.fragmentsAllowed])
    }.compactMap { ($0 as? [[String: Any]])?.first ?? ($0 as? [String: Any]) }
  }

  func importSeed() throws {
    #expect(
      try hashiya.run([project, "-c", "import \(HashiyaBinary.samples); team add amal lead; team add karim lead"])
        .status
        == 0)
  }

  @Test func annotatesByEverySpanForm() throws {
    try importSeed()
    let kuwaithi = offset(of: "كيفين كويثي")
    let cases: [(span: String, start: Int, end: Int)] = [
      ("\"كِيفين كويثى\"", kuwaithi, kuwaithi + 11),
      ("\"كويثي\"#2", offset(of: "كويثي", occurrence: 2), offset(of: "كويثي", occurrence: 2) + 5),
      ("/[0-9]+ ألف مقاتل/", offset(of: "120 ألف مقاتل"), offset(of: "120 ألف مقاتل") + 13),
      ("s3", offset(of: "محمد محمود"), offset(of: "محمد محمود") + 10),
      ("s4.3-4", kuwaithi, kuwaithi + 11),
      ("\(kuwaithi)..\(kuwaithi + 5)", kuwaithi, kuwaithi + 5),
    ]
    for (index, item) in cases.enumerated() {
      let docs = try json("show 1; tag gazetteer person \(item.span) wikidata=Q\(index)")
      let created = try #require(docs.last)
      #expect(created["start"] as? Int == item.start, "\(item.span)")
      #expect(created["end"] as? Int == item.end, "\(item.span)")
      let quote = String(String.UnicodeScalarView(seed[item.start..<item.end]))
      #expect(created["quote"] as? String == quote, "\(item.span)")
      #expect(created["author"] as? String == "amal")
    }
    let found = try json("show 1; find البشمركة; tag gazetteer organisation @")
    #expect(found.last?["quote"] as? String == "البشمركة")
    let listed = try hashiya.run([project, "--json", "--plugins", Self.examples, "-c", "show 1; ls"])
    let all = try JSONSerialization.jsonObject(with: Data(run: listed, line: 1)) as? [[String: Any]]
    #expect(all?.count == cases.count + 1)
  }

  @Test func refusesBadSpansAndAttributesAndKeepsTheProject() throws {
    try importSeed()
    let bad = [
      ("tag gazetteer person \"كويثي\"", "occurs 2 times"),
      ("tag gazetteer person s99", "no sentence s99"),
      ("tag gazetteer person 0..99999", "falls outside the text"),
      ("tag gazetteer person 5..5", "is empty"),
      ("tag gazetteer person /(/", "invalid regular expression /(/: expected ')'"),
      ("tag gazetteer person @", "run find first"),
      ("tag gazetteer nobody s3", "has no label \"nobody\""),
      ("tag gazetteer person s3 age=3", "has no attribute \"age\""),
      ("tag nolayer person s3", "no layer \"nolayer\""),
      ("link #1 said-by #2", "no annotation #1"),
    ]
    for (command, message) in bad {
      let run = try hashiya.run([project, "--plugins", Self.examples, "-c", "show 1; \(command)"])
      #expect(run.status == 1, "\(command)")
      #expect(run.stderrLines.count == 1, "\(command): \(run.stderr)")
      #expect(run.stderr.contains(message), "\(command): \(run.stderr)")
    }
    let listed = try json("ls --all")
    #expect(listed.isEmpty)
  }

  @Test func splittingAnEmojiOrCRLFIsRefused() throws {
    try importSeed()
    let text = Array(
      try String(contentsOfFile: HashiyaBinary.samples + "/tech-summit-dubai.mixed.txt", encoding: .utf8).unicodeScalars
    )
    let rocket = try #require(text.firstIndex(of: "🚀"))
    let ok = try json("show 3; tag gazetteer year \(rocket)..\(rocket + 1)")
    #expect(ok.last?["quote"] as? String == "🚀")
    let woman = try #require(text.firstIndex(of: "👩"))
    let split = try hashiya.run([
      project, "--plugins", Self.examples, "-c", "show 3; tag gazetteer year \(woman)..\(woman + 1)",
    ])
    #expect(split.status == 1)
    #expect(split.stderr.contains("splits a character"))
    let cr = try #require(text.firstIndex(of: "\r"))
    let crlf = try hashiya.run([
      project, "--plugins", Self.examples, "-c", "show 3; tag gazetteer year \(cr)..\(cr + 1)",
    ])
    #expect(crlf.status == 1)
  }

  @Test func undoAndRedoWorkPerUserAcrossRestarts() throws {
    try importSeed()
    _ = try json("show 1; tag gazetteer person \"كينو كابرييل\"", user: "amal")
    _ = try json("show 1; tag gazetteer organisation \"البشمركة\"", user: "karim")
    _ = try json("edit #1 wikidata=Q42", user: "amal")
    let undone = try json("undo", user: "amal")
    #expect(undone.last?["of"] as? String == "update")
    let afterUndo = try hashiya.run([project, "--json", "--plugins", Self.examples, "-c", "show 1; ls"])
    let list = try JSONSerialization.jsonObject(with: Data(run: afterUndo, line: 1)) as? [[String: Any]]
    #expect(list?.count == 2)
    #expect((list?.first?["attributes"] as? [String: Any])?.isEmpty == true)
    _ = try json("undo", user: "amal")
    let afterSecond = try hashiya.run([project, "--json", "--plugins", Self.examples, "-c", "show 1; ls"])
    let remaining = try JSONSerialization.jsonObject(with: Data(run: afterSecond, line: 1)) as? [[String: Any]]
    #expect(remaining?.map { $0["author"] as? String } == ["karim"])
    let nothing = try hashiya.run([project, "--user", "amal", "-c", "undo"])
    #expect(nothing.status == 1)
    #expect(nothing.stderr.contains("nothing to undo for amal"))
    _ = try json("redo; redo", user: "amal")
    let restored = try hashiya.run([project, "--json", "--plugins", Self.examples, "-c", "show 1; ls"])
    let back = try JSONSerialization.jsonObject(with: Data(run: restored, line: 1)) as? [[String: Any]]
    #expect(back?.count == 2)
    #expect(back?.contains { ($0["attributes"] as? [String: Any])?["wikidata"] as? String == "Q42" } == true)
    let history = try hashiya.run([project, "-c", "history #1"], environment: ["NO_COLOR": "1"])
    for action in ["create", "update", "undo", "redo"] { #expect(history.stdout.contains(action)) }
    let blame = try hashiya.run([project, "-c", "blame #1"], environment: ["NO_COLOR": "1"])
    #expect(blame.stdout.contains("wikidata"))
    #expect(blame.stdout.contains("amal"))
  }

  @Test func aLayerStaysReadableWithoutItsPlugin() throws {
    try importSeed()
    _ = try json("show 1; tag gazetteer organisation \"قسد\"#1 wikidata=Q1")
    let without = try hashiya.run([project, "--json", "-c", "show 1; ls; plugins; plugin info gazetteer"])
    #expect(without.status == 0, "\(without.stderr)")
    #expect(without.stdoutLines[1].contains("\"quote\":\"قسد\""))
    #expect(without.stdoutLines[2].contains("\"schemaOnly\":[{\"id\":\"gazetteer\""))
    let edit = try hashiya.run([project, "-c", "edit #1 wikidata=Q2; edit #1 nope=1"])
    #expect(edit.status == 1)
    #expect(edit.stderrLines.count == 1)
    #expect(edit.stderr.contains("no attribute \"nope\""))
  }

  @Test func suggestionsAreAcceptedOnceAndNeverOfferedAgain() throws {
    try importSeed()
    let first = try json("show 1; suggest gazetteer")
    let suggestions = try #require(first.last?["suggestions"] as? [[String: Any]])
    #expect(suggestions.count > 10)
    let accepted = try json("show 1; suggest gazetteer; accept 1 2; reject 3")
    #expect(accepted.count == 4)
    let again = try json("show 1; suggest gazetteer")
    let second = try #require(again.last?["suggestions"] as? [[String: Any]])
    #expect(second.count == suggestions.count - 3)
    let listed = try hashiya.run([project, "--json", "-c", "show 1; ls"])
    let annotations = try JSONSerialization.jsonObject(with: Data(run: listed, line: 1)) as? [[String: Any]]
    #expect(annotations?.count == 2)
    #expect(annotations?.allSatisfy { ($0["origin"] as? String) == "suggested:gazetteer@1.0.0" } == true)
  }

  @Test func brokenAndMisbehavingPluginsGiveClearErrorsAndTheSessionCarriesOn() throws {
    let bad = hashiya.write("bad.txt", "تقرير للاختبار !misbehave\nسطر آخر")
    #expect(try hashiya.run([project, "-c", "import \(bad)"]).status == 0)
    let manifests = Self.fixtures + "/manifests"
    let listing = try hashiya.run([project, "--json", "--plugins", manifests, "-c", "plugins"])
    #expect(listing.status == 0)
    let plugins = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any]
    #expect((plugins?["plugins"] as? [[String: Any]])?.contains { $0["id"] as? String == "fixture-good" } == true)
    #expect(((plugins?["failures"] as? [[String: Any]])?.count ?? 0) >= 5)
    for (mode, message) in [("crash", "fixture-crash"), ("hang", "fixture-hang"), ("garbage", "fixture-garbage")] {
      let folder = Self.fixtures + "/process/" + mode
      let run = try hashiya.run([project, "--plugins", folder, "-c", "show 1; suggest fixture-\(mode); whoami"])
      #expect(run.status == 1, "\(mode)")
      #expect(run.stderr.contains(message), "\(mode): \(run.stderr)")
      #expect(
        run.stdout.contains("tester on") || run.stdout.contains("on \(project)"), "\(mode): the session carries on")
    }
  }
}

extension Data {
  /// The given output line of a run, as data for JSON parsing.
  init(run: HashiyaBinary.Run, line: Int) {
    self.init(run.stdoutLines[line].utf8)
  }
}
