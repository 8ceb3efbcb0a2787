import Foundation
import Testing

/// Input that cannot be stored, that would run forever, or that is huge is refused with one short
/// message that says where, and the project is left as it was.
@Suite struct InputLimitTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  /// How many reports `project` holds.
  func reportCount(_ path: String? = nil) throws -> Int {
    let (_, documents) = try hashiya.json(path ?? project, "reports")
    return try #require((documents.first as? [String: Any])?["total"] as? Int)
  }

  /// Runs `command` on `project`, expecting one error line that contains every piece of `message`.
  func expectRefusal(_ command: String, _ message: [String], timeout: TimeInterval = 60) throws -> HashiyaBinary.Run {
    let run = try hashiya.run([project, "-c", command], timeout: timeout)
    #expect(!run.timedOut, "\(command) was still running after \(timeout) s")
    #expect(run.status == 1, "\(command): \(run.stderr)")
    #expect(run.stderrLines.count == 1, "\(run.stderr.prefix(500))")
    for piece in message { #expect(run.stderr.contains(piece), "\(run.stderr.prefix(500))") }
    return run
  }

  // MARK: U+0000

  @Test func nulInJSONLinesTextOrTitleIsRefusedWithTheLine() throws {
    let text = hashiya.write(
      "text.jsonl", "{\"text\": \"سطر جيد\"}\n{\"text\": \"abc\\u0000def and more words here\"}\n")
    _ = try expectRefusal("import \(text)", ["text.jsonl:2", "U+0000", "\"text\""])
    let title = hashiya.write(
      "title.jsonl", "{\"text\": \"نص\", \"title\": \"ok\"}\r\n{\"text\": \"a body 👋\", \"title\": \"x\\u0000y\"}\r\n")
    _ = try expectRefusal("import \(title)", ["title.jsonl:2", "U+0000", "\"title\""])
    #expect(try reportCount() == 0)
  }

  @Test func nulLateInATextFileIsRefusedWithTheLine() throws {
    let body = String(repeating: "سطرٌ عربيٌّ طويلٌ بالتشكيل\r\n", count: 400) + "abc\u{0}def\r\n"
    let path = hashiya.write("late.txt", body)
    _ = try expectRefusal("import \(path)", ["late.txt:401", "U+0000"])
    #expect(try reportCount() == 0)
  }

  @Test func nulInANativeExportIsRefusedWithItsRecord() throws {
    #expect(
      try hashiya.run([project, "-c", "import \(HashiyaBinary.seed); export \(hashiya.path("a.jsonl"))"]).status == 0)
    var lines = try String(contentsOfFile: hashiya.path("a.jsonl"), encoding: .utf8).split(separator: "\n").map(
      String.init)
    var record = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
    record["title"] = "تقرير\u{0}مخفي"
    lines[1] = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
    let bad = hashiya.write("nul.jsonl", lines.joined(separator: "\n") + "\n")
    let fresh = hashiya.path("fresh.hashiya")
    let run = try hashiya.run([fresh, "-c", "import \(bad)"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("nul.jsonl:2"), "\(run.stderr)")
    #expect(run.stderr.contains("U+0000"), "\(run.stderr)")
    #expect(try reportCount(fresh) == 0)
  }

  @Test func nulInALabelStudioTaskIsRefused() throws {
    let path = hashiya.write(
      "tasks.json", "[{\"data\": {\"text\": \"مرحبا\\u0000 بالعالم\"}, \"annotations\": []}]")
    _ = try expectRefusal("import --format labelstudio --layer claim-labeling \(path)", ["task 1", "U+0000"])
    #expect(try reportCount() == 0)
  }

  @Test func nulInABratTextIsRefused() throws {
    _ = hashiya.write("brat/x.txt", "سطر أول\r\nقال\u{0} 👋🏽\r\n")
    _ = hashiya.write("brat/x.ann", "T1\tclaim 0 3\tسطر\n")
    _ = try expectRefusal(
      "import --format brat --layer claim-labeling \(hashiya.path("brat"))", ["x.txt", "U+0000", "character 12"])
    #expect(try reportCount() == 0)
  }

  // MARK: Regular expressions

  /// Two reports on which `(a+)+$` backtracks: #1 is the 22-character line that once ran past a
  /// minute, #2 has 40 `a`s, which no backtracking engine finishes in a lifetime.
  func catastrophicReports() throws {
    let short = hashiya.write("short.txt", String(repeating: "a", count: 22) + "!\n")
    let long = hashiya.write("long.txt", String(repeating: "a", count: 40) + "!\n")
    #expect(try hashiya.run([project, "-c", "import \(short); import \(long)"]).status == 0)
  }

  @Test func catastrophicFindGivesUpWithinSeconds() throws {
    try catastrophicReports()
    let started = Date()
    _ = try expectRefusal("show 2; find /(a+)+$/", ["pattern too expensive", "(a+)+$", "gave up after"], timeout: 30)
    #expect(Date().timeIntervalSince(started) < 15)
    let short = try hashiya.run([project, "-c", "show 1; find /(a+)+$/"], timeout: 30)
    #expect(!short.timedOut)
    #expect(short.status == 0 || short.stderr.contains("pattern too expensive"), "\(short.stderr)")
  }

  @Test func catastrophicSpanPatternGivesUp() throws {
    try catastrophicReports()
    _ = try expectRefusal("show 2; speaker /(a+)+$/", ["pattern too expensive"], timeout: 30)
    #expect(try hashiya.run([project, "-c", "ls --all"]).stdout.contains("speaker") == false)
  }

  @Test func catastrophicManifestPatternGivesUp() throws {
    try catastrophicReports()
    _ = hashiya.write(
      ".config/hashiya/plugins/slow/plugin.json",
      """
      {"id": "slow", "version": "1.0", "kind": "manifest",
       "schema": {"labels": [{"name": "run"}]},
       "suggesters": [{"type": "regex", "label": "run", "pattern": "(a+)+$"}]}
      """)
    _ = try expectRefusal("show 2; suggest slow", ["pattern too expensive", "gave up after"], timeout: 30)
  }

  @Test func regexMatchesKeepExactOffsetsOnArabicAndEmoji() throws {
    let text = "قالَ المُتحدِّثُ: 👨‍👩‍👧 حضرَ ١٢٠ ألفَ شخصٍ\r\nوغادرَ 👋🏽 كثيرون"
    let path = hashiya.write("r.txt", text)
    #expect(try hashiya.run([project, "-c", "import \(path)"]).status == 0)
    let (run, documents) = try hashiya.json(project, "show 1; find /[٠-٩]+ ألف|👋|الم/")
    #expect(run.status == 0, "\(run.stderr)")
    let found = try #require(documents.last as? [String: Any])
    let matches = try #require(found["matches"] as? [[String: Any]])
    let scalars = Array(text.unicodeScalars)
    // Each match is widened to whole characters: the damma stays with its meem, the fatha with its
    // faa, the skin tone with its hand.
    let expected = ["المُ", "١٢٠ ألفَ", "👋🏽"].map { whole -> [Int?] in
      let range = text.range(of: whole)!
      let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
      return [start, start + whole.unicodeScalars.count]
    }
    #expect(matches.map { [$0["start"] as? Int, $0["end"] as? Int] } == expected)
    for match in matches {
      let start = try #require(match["start"] as? Int)
      let end = try #require(match["end"] as? Int)
      #expect(String(String.UnicodeScalarView(scalars[start..<end])) == match["text"] as? String)
    }
  }

  // MARK: Echoed input

  @Test func errorsDoNotEchoHugeInput() throws {
    let good = hashiya.write("good.txt", "A good report\nwith a body.")
    #expect(try hashiya.run([project, "-c", "import \(good)"]).status == 0)
    let huge = String(repeating: "كلمة", count: 25_000)
    for command in ["\(huge)", "show \(huge)", "show 1; speaker \"\(huge)\"", "show 1; speaker \(huge)"] {
      let run = try hashiya.run([project], input: command + "\n")
      #expect(run.status == 1)
      #expect(run.stderr.utf8.count < 1_000, "\(run.stderr.prefix(200))…")
    }
    let json = try hashiya.run([project, "--json"], input: "show \(huge)\n")
    #expect(json.status == 1)
    #expect(json.stderr.utf8.count < 1_000, "\(json.stderr.prefix(200))…")
    let notFound = try hashiya.run([project], input: "show 1; find \"\(huge)\"\n")
    #expect(notFound.stdout.utf8.count < 1_000, "\(notFound.stdout.prefix(200))…")
    let line = hashiya.write("long.jsonl", "{\"text\": \"ok\", \"\(huge)\": [1, 2,]}\n")
    let run = try hashiya.run([project, "-c", "import \(line)"])
    #expect(run.status == 1)
    #expect(run.stderr.utf8.count < 1_000, "\(run.stderr.prefix(200))…")
  }

  @Test func aWrongAttributeEchoesOnlyAnExcerptOfItsValue() throws {
    #expect(try hashiya.run([project, "-c", "import \(HashiyaBinary.seed)"]).status == 0)
    let value = String(repeating: "x", count: 100_000)
    let run = try hashiya.run([project], input: "show 1; claim s1 checkworthiness=\(value)\n")
    #expect(run.status == 1)
    #expect(run.stderr.contains("checkworthiness"), "\(run.stderr.prefix(200))")
    #expect(run.stderr.utf8.count < 1_000, "\(run.stderr.prefix(200))…")
  }

  // MARK: Attribute types on import

  /// A native export of one speaker annotation whose `name` attribute is replaced by `value`.
  func exportWithSpeakerName(_ value: Any) throws -> String {
    let run = try hashiya.run([
      project, "-c",
      "import \(HashiyaBinary.seed); speaker \"كينو كابرييل\" name=Kino; export \(hashiya.path("a.jsonl"))",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    var lines = try String(contentsOfFile: hashiya.path("a.jsonl"), encoding: .utf8).split(separator: "\n").map(
      String.init)
    var record = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
    var annotations = try #require(record["annotations"] as? [[String: Any]])
    annotations[0]["attributes"] = ["name": value]
    record["annotations"] = annotations
    lines[1] = String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self)
    return hashiya.write("typed.jsonl", lines.joined(separator: "\n") + "\n")
  }

  @Test func nativeImportChecksAttributeTypesAgainstTheSchema() throws {
    let bad = try exportWithSpeakerName(["not", "text"])
    let fresh = hashiya.path("fresh.hashiya")
    let refused = try hashiya.run([fresh, "-c", "import \(bad)"])
    #expect(refused.status == 1)
    #expect(refused.stderrLines.count == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("typed.jsonl:2 annotation 1"), "\(refused.stderr)")
    #expect(refused.stderr.contains("name"), "\(refused.stderr)")
    #expect(try reportCount(fresh) == 0)
    let skipped = try hashiya.run([fresh, "-c", "import --skip-bad \(bad); ls --all"])
    #expect(skipped.status == 0, "\(skipped.stderr)")
    #expect(skipped.stdout.contains("skipped 1 bad record"), "\(skipped.stdout)")
    #expect(!skipped.stdout.contains("Kino"))
  }

  @Test func nativeImportKeepsWellTypedAttributes() throws {
    let good = try exportWithSpeakerName("Kino Gabriel")
    let fresh = hashiya.path("fresh.hashiya")
    let run = try hashiya.run([fresh, "-c", "import \(good); ls --all"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("Kino Gabriel"))
  }
}
