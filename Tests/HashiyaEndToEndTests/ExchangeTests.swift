import Foundation
import Testing

/// Export, import and merge through the binary: round trip, every format, bad input, merging twice.
@Suite struct ExchangeTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  /// The samples with annotations by two people, a link and a review.
  func annotated() throws {
    #expect(
      try hashiya.run([project, "-c", "import \(HashiyaBinary.samples); team add amal lead; team add karim lead"])
        .status
        == 0)
    let amal = try hashiya.run([
      project, "--user", "amal", "-c",
      "show 1; speaker \"كينو كابرييل\"; quote s10 by #1; claim \"ثمانية ملايين\" type=statistical; show 3; note \"دبي\"#2 \"Dubai\"; note \"Tech Summit\"#2 \"a conference\"",
    ])
    #expect(amal.status == 0, "\(amal.stderr)")
    let karim = try hashiya.run([
      project, "--user", "karim", "-c",
      "show 1; claim \"120 ألف\" checkworthiness=5; approve #1; flag #3 \"too short\"",
    ])
    #expect(karim.status == 0, "\(karim.stderr)")
  }

  func lines(_ path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
  }

  @Test func nativeExportRoundTripsIntoAnEmptyProjectIdentically() throws {
    try annotated()
    #expect(
      try hashiya.run([
        project, "-c", "export \(hashiya.path("a.jsonl")); export --offsets all \(hashiya.path("a.json"))",
      ]).status == 0)
    let other = hashiya.path("copy.hashiya")
    let imported = try hashiya.run([
      other, "--user", "someone", "-c", "import \(hashiya.path("a.jsonl")); export \(hashiya.path("b.jsonl"))",
    ])
    #expect(imported.status == 0, "\(imported.stderr)")
    let first = try lines(hashiya.path("a.jsonl"))
    let second = try lines(hashiya.path("b.jsonl"))
    #expect(first.count == 4)
    #expect(Array(first.dropFirst()) == Array(second.dropFirst()))
    let report = try #require(try JSONSerialization.jsonObject(with: Data(first[1].utf8)) as? [String: Any])
    let text = Array(try #require(report["text"] as? String).unicodeScalars)
    let annotations = try #require(report["annotations"] as? [[String: Any]])
    #expect(annotations.count == 4)
    for annotation in annotations {
      let start = try #require(annotation["start"] as? Int)
      let end = try #require(annotation["end"] as? Int)
      #expect(String(String.UnicodeScalarView(text[start..<end])) == annotation["quote"] as? String)
    }
    #expect(annotations.contains { ($0["links"] as? [[String: Any]])?.first?["type"] as? String == "said-by" })
    #expect(annotations.contains { ($0["reviews"] as? [[String: Any]])?.first?["verdict"] as? String == "approve" })
    #expect(Set(annotations.compactMap { $0["author"] as? String }) == ["amal", "karim"])
    let raw = try String(contentsOfFile: hashiya.path("a.jsonl"), encoding: .utf8)
    #expect(!raw.contains("\\u06"))
    let again = try hashiya.run([other, "--user", "someone", "-c", "import \(hashiya.path("a.jsonl"))"])
    #expect(again.stdout.contains("imported 0 annotations"))
  }

  @Test func utf16OffsetsDifferFromCodePointsPastEmojiAndLabelStudioUsesThem() throws {
    try annotated()
    #expect(
      try hashiya.run([
        project, "-c",
        "export --offsets all --reports 3 \(hashiya.path("m.jsonl")); export --format labelstudio --reports 3 \(hashiya.path("ls.json"))",
      ]).status == 0)
    let report = try #require(
      try JSONSerialization.jsonObject(with: Data(try lines(hashiya.path("m.jsonl"))[1].utf8)) as? [String: Any])
    let text = try #require(report["text"] as? String)
    #expect(text.contains("\r\n"))
    let note = try #require((report["annotations"] as? [[String: Any]])?.first { $0["quote"] as? String == "دبي" })
    let prefix = try #require(text.range(of: "دبي", range: text.range(of: "🚀")!.upperBound..<text.endIndex))
    let utf16Start = text.utf16.distance(from: text.startIndex, to: prefix.lowerBound)
    #expect((note["utf16"] as? [Int])?.first == utf16Start)
    #expect((note["start"] as? Int) != utf16Start)
    let tasks = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: hashiya.path("ls.json"))))
        as? [[String: Any]])
    let results =
      (tasks.first?["annotations"] as? [[String: Any]])?.flatMap { $0["result"] as? [[String: Any]] ?? [] } ?? []
    let value = try #require(
      results.first { (($0["value"] as? [String: Any])?["text"] as? String) == "دبي" }?["value"] as? [String: Any])
    #expect(value["start"] as? Int == utf16Start)
  }

  @Test func everyFormatExportsAndTheExchangeFormatsComeBack() throws {
    try annotated()
    let out = hashiya.path("out")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    for format in ["json", "jsonl", "w3c", "prodigy", "doccano", "labelstudio", "html"] {
      let run = try hashiya.run([project, "-c", "export --format \(format) \(out)/x.\(format)"])
      #expect(run.status == 0, "\(format): \(run.stderr)")
      #expect(FileManager.default.fileExists(atPath: "\(out)/x.\(format)"), "\(format)")
    }
    #expect(try hashiya.run([project, "-c", "export --format brat \(out)/brat"]).status == 0)
    let seedText = try Data(contentsOf: URL(fileURLWithPath: HashiyaBinary.seed))
    // One folder per annotator, each with the reports they annotated.
    for author in ["amal", "karim"] {
      let bratText = try FileManager.default.contentsOfDirectory(atPath: "\(out)/brat/\(author)").filter {
        $0.hasPrefix("1-") && $0.hasSuffix(".txt")
      }
      #expect(try Data(contentsOf: URL(fileURLWithPath: "\(out)/brat/\(author)/\(bratText[0])")) == seedText)
    }
    #expect(FileManager.default.fileExists(atPath: "\(out)/brat/annotation.conf"))
    let w3c =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(out)/x.w3c"))) as? [String: Any]
    #expect(w3c?["type"] as? String == "AnnotationCollection")
    for (format, layer) in [
      ("prodigy", "claim-labeling"), ("doccano", "claim-labeling"), ("labelstudio", "claim-labeling"),
    ] {
      let fresh = hashiya.path("\(format).hashiya")
      let run = try hashiya.run([
        fresh, "-c", "import --format \(format) --layer \(layer) --skip-bad \(out)/x.\(format); ls --all",
      ])
      #expect(run.status == 0, "\(format): \(run.stderr)")
      #expect(run.stdout.contains("ثمانية ملايين"), "\(format)")
    }
  }

  @Test func badAnnotatedRecordsAreRejectedWithTheirLocationOrSkipped() throws {
    try annotated()
    let good = hashiya.path("good.jsonl")
    #expect(try hashiya.run([project, "-c", "export \(good)"]).status == 0)
    var records = try lines(good)
    records[1] = records[1].replacingOccurrences(of: "\"quote\":\"كينو كابرييل\"", with: "\"quote\":\"كينو\"")
    let bad = hashiya.write("bad.jsonl", records.joined(separator: "\n") + "\n")
    let fresh = hashiya.path("fresh.hashiya")
    let refused = try hashiya.run([fresh, "-c", "import \(bad)"])
    #expect(refused.status == 1)
    #expect(refused.stderrLines.count == 1)
    #expect(refused.stderr.contains("bad.jsonl:2"))
    #expect(refused.stderr.contains("quote"))
    let empty = try hashiya.run([fresh, "--json", "-c", "reports"])
    #expect(empty.stdout.contains("\"total\":0"))
    let skipped = try hashiya.run([fresh, "-c", "import --skip-bad \(bad)"])
    #expect(skipped.status == 0, "\(skipped.stderr)")
    #expect(skipped.stdout.contains("skipped 1 bad record"))
  }

  @Test func bratFileNamesNeverEscapeTheFolder() throws {
    let hostile = hashiya.write(
      "hostile.jsonl",
      "{\"id\": \"../../escape\", \"text\": \"نص قصير\"}\n{\"id\": \"/abs/path\", \"text\": \"another\"}\n")
    #expect(
      try hashiya.run([project, "-c", "import \(hostile); export --format brat \(hashiya.path("b/out"))"]).status == 0)
    let inside = try FileManager.default.contentsOfDirectory(atPath: hashiya.path("b/out"))
    #expect(inside.count == 5)
    #expect(!FileManager.default.fileExists(atPath: hashiya.path("escape.txt")))
    #expect(!FileManager.default.fileExists(atPath: hashiya.path("b/escape.txt")))
  }

  @Test func mergeBringsATeammatesWorkAndIsIdempotent() throws {
    try annotated()
    let mine = hashiya.path("mine.hashiya")
    #expect(try hashiya.run([mine, "-c", "import \(HashiyaBinary.samples); team add lina lead"]).status == 0)
    #expect(
      try hashiya.run([mine, "--user", "lina", "-c", "show 2; claim \"40,000 tonnes\" type=statistical"]).status == 0)
    let first = try hashiya.run([mine, "--json", "-c", "merge \(project)"])
    #expect(first.status == 0, "\(first.stderr)")
    let outcome = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
    #expect(outcome["annotations"] as? Int == 6)
    let second = try hashiya.run([mine, "-c", "merge \(project)"])
    #expect(second.stdout.contains("nothing new"))
    let listed = try hashiya.run([mine, "--json", "-c", "ls --all"])
    let all = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(all.count == 7)
    #expect(Set(all.compactMap { $0["author"] as? String }) == ["amal", "karim", "lina"])
    let notAProject = hashiya.write("x.hashiya", String(repeating: "nope ", count: 30))
    let refused = try hashiya.run([mine, "-c", "merge \(notAProject)"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("not a Hashiya project"))
  }
}
