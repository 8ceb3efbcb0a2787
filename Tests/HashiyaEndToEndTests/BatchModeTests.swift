import Foundation
import Testing

/// The binary in batch mode over the sample reports: import, list, show, search, find.
@Suite struct BatchModeTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  func importSamples() throws {
    let run = try hashiya.run([project, "-c", "import \(HashiyaBinary.samples)"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("imported 3 reports"))
  }

  @Test func importsListsAndReimportsAsANoOp() throws {
    try importSamples()
    let again = try hashiya.run([project, "-c", "import \(HashiyaBinary.samples)"])
    #expect(again.status == 0)
    #expect(again.stdout.contains("nothing new"))
    let (run, docs) = try hashiya.json(project, "reports")
    #expect(run.status == 0)
    let list = try #require(docs.first as? [String: Any])
    #expect(list["total"] as? Int == 3)
    let reports = try #require(list["reports"] as? [[String: Any]])
    #expect(reports.map { $0["language"] as? String } == ["ar", "en", "ar"])
    #expect(reports[0]["title"] as? String == "التحالف الدولي يؤكد استمرار دعمهم لقسد حتى القضاء على داعش بشكل نهائي")
    let seedScalars = try String(contentsOfFile: HashiyaBinary.seed, encoding: .utf8).unicodeScalars.count
    #expect(reports[0]["length"] as? Int == seedScalars)
  }

  @Test func stdinCommandsRunWithoutPromptEcho() throws {
    try importSamples()
    let run = try hashiya.run([project], input: "whoami\nshow 2\nnext\nprev\n")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("hashiya>"))
    #expect(run.stdout.contains("tester on \(project) (3 reports, lead)"))
    #expect(run.stdout.contains("River port reopens after three-month closure"))
    #expect(run.stdout.contains("#3"))
  }

  @Test func showNumbersSentencesAndTokensWithExactOffsets() throws {
    try importSamples()
    let (run, docs) = try hashiya.json(project, "show 1 --tokens")
    #expect(run.status == 0, "\(run.stderr)")
    let view = try #require(docs.first as? [String: Any])
    let sentences = try #require(view["sentences"] as? [[String: Any]])
    let text = Array(try String(contentsOfFile: HashiyaBinary.seed, encoding: .utf8).unicodeScalars)
    #expect(sentences.count == 13)
    for sentence in sentences {
      let start = try #require(sentence["start"] as? Int)
      let end = try #require(sentence["end"] as? Int)
      #expect(String(String.UnicodeScalarView(text[start..<end])) == sentence["text"] as? String)
      for token in try #require(sentence["tokens"] as? [[String: Any]]) {
        let s = try #require(token["start"] as? Int)
        let e = try #require(token["end"] as? Int)
        #expect(String(String.UnicodeScalarView(text[s..<e])) == token["text"] as? String)
      }
    }
    let fourth = try #require(sentences[3]["tokens"] as? [[String: Any]])
    #expect(fourth.prefix(3).map { $0["text"] as? String } == ["أكد", "“", "كيفين"])
    let human = try hashiya.run([project, "-c", "show 1"], environment: ["NO_COLOR": "1"])
    #expect(human.stdout.contains("s13"))
    #expect(!human.stdout.contains("\u{1B}["))
    // A pipe gets plain text; isolates on request, for a viewer that orders runs itself.
    #expect(!human.stdout.unicodeScalars.contains { (0x2066...0x2069).contains($0.value) })
    let isolated = try hashiya.run([project, "--bidi", "always", "-c", "show 1"])
    #expect(isolated.stdout.contains("\u{2068}"))
  }

  @Test func findIgnoresDiacriticsAndReportsOriginalOffsets() throws {
    try importSamples()
    let text = Array(try String(contentsOfFile: HashiyaBinary.seed, encoding: .utf8).unicodeScalars)
    let needle = Array("كيفين كويثي".unicodeScalars)
    let expected = (0...(text.count - needle.count)).first { Array(text[$0..<$0 + needle.count]) == needle }!
    for query in ["كيفين كويثي", "\"كِيفِين كُوَيثِي\"", "كيـــفين كويثى"] {
      let (run, docs) = try hashiya.json(project, "show 1; find \(query)")
      #expect(run.status == 0, "\(run.stderr)")
      let found = try #require(docs.last as? [String: Any])
      let matches = try #require(found["matches"] as? [[String: Any]])
      #expect(matches.count == 1, "\(query)")
      #expect(matches.first?["start"] as? Int == expected)
      #expect(matches.first?["end"] as? Int == expected + needle.count)
      #expect(matches.first?["sentence"] as? Int == 4)
      #expect(matches.first?["token"] as? Int == 3)
    }
    let (_, regexDocs) = try hashiya.json(project, "find /[0-9]+ ألف/")
    let regexFound = try #require(regexDocs.first as? [String: Any])
    #expect((regexFound["matches"] as? [[String: Any]])?.first?["text"] as? String == "120 ألف")
  }

  @Test func findReportsScalarAndUTF16OffsetsPastEmoji() throws {
    try importSamples()
    let (run, docs) = try hashiya.json(project, "show 3; find John Miller")
    #expect(run.status == 0, "\(run.stderr)")
    let match = try #require(((docs.last as? [String: Any])?["matches"] as? [[String: Any]])?.first)
    let text = try String(contentsOfFile: HashiyaBinary.samples + "/tech-summit-dubai.mixed.txt", encoding: .utf8)
    let prefix = try #require(text.range(of: "John Miller")).lowerBound
    let scalarOffset = text.unicodeScalars.distance(from: text.startIndex, to: prefix)
    let utf16Offset = text.utf16.distance(from: text.startIndex, to: prefix)
    #expect(match["start"] as? Int == scalarOffset)
    #expect((match["utf16"] as? [Int])?.first == utf16Offset)
    #expect(utf16Offset > scalarOffset)
  }

  @Test func searchFindsArabicAcrossDiacriticsWithASnippet() throws {
    try importSamples()
    let (run, docs) = try hashiya.json(
      project, "search الخلايا النائمة; search الخَلايا; search Okafor; search nothingmatches")
    #expect(run.status == 0, "\(run.stderr)")
    let results = docs.compactMap { $0 as? [String: Any] }
    #expect(results.map { $0["total"] as? Int } == [1, 1, 1, 0])
    let hit = try #require((results[0]["results"] as? [[String: Any]])?.first)
    #expect(hit["id"] as? Int == 1)
    #expect((hit["snippet"] as? String)?.contains("الخلايا النائمة") == true)
  }

  @Test func anyFailedCommandMakesTheExitCodeNonZeroButTheRestStillRun() throws {
    try importSamples()
    let run = try hashiya.run([project, "-c", "shwo 1; whoami"])
    #expect(run.status == 1)
    #expect(run.stderrLines == ["error: unknown command \"shwo\" — did you mean \"show\"?"])
    #expect(run.stdout.contains("tester on"))
  }

  @Test func jsonErrorsAreJSONOnStandardError() throws {
    let run = try hashiya.run([project, "--json", "-c", "show 99999"])
    #expect(run.status == 1)
    let error = try JSONSerialization.jsonObject(with: Data(run.stderr.utf8)) as? [String: Any]
    #expect(error?["error"] as? String == "no report #99999")
    #expect(error?["command"] as? String == "show 99999")
  }

  @Test func helpListsCommandsAndExplainsOne() throws {
    let run = try hashiya.run([project, "-c", "help; help find"])
    #expect(run.status == 0)
    for name in ["import", "reports", "show", "next", "prev", "search", "find", "whoami", "help", "quit"] {
      #expect(run.stdout.contains(name))
    }
    #expect(run.stdout.contains("ignoring Arabic diacritics"))
    // The list fits a terminal: no line padded out to the longest synopsis.
    let list = run.stdout.split(separator: "\n").prefix { !$0.hasPrefix("find ") }
    let widest = list.map { $0.count }.max() ?? 0
    #expect(widest <= 80, "\(list.first { $0.count == widest } ?? "")")
    #expect(!list.contains { $0.hasSuffix(" ") })
  }

  @Test func userComesFromTheFlagThenTheEnvironment() throws {
    #expect(
      try hashiya.run([project, "--user", "amal", "-c", "whoami; team add karim annotator"]).stdout.hasPrefix("amal on")
    )
    #expect(
      try hashiya.run([project, "-c", "whoami"], environment: ["HASHIYA_USER": "karim"]).stdout.hasPrefix("karim on"))
  }

  @Test func quitStopsTheRemainingCommands() throws {
    let run = try hashiya.run([project], input: "quit\nwhoami\n")
    #expect(run.status == 0)
    #expect(!run.stdout.contains("tester on"))
  }

  @Test func theDemoProjectIsCreatedFromTheSamples() throws {
    let projects = hashiya.folder.appendingPathComponent("projects")
    try FileManager.default.createDirectory(at: projects, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: HashiyaBinary.samples, toPath: projects.appendingPathComponent("samples").path)
    let first = try hashiya.run([], input: "reports\n")
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stderr.contains("created the demo project"))
    #expect(first.stdout.contains("3 reports"))
    #expect(FileManager.default.fileExists(atPath: projects.appendingPathComponent("demo.hashiya").path))
    let second = try hashiya.run([], input: "reports\n")
    #expect(!second.stderr.contains("created"))
    #expect(second.stdout.contains("3 reports"))
  }
}
