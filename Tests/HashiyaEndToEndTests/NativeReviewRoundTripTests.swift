import Foundation
import Testing

/// Review work through export and import with the real binary: decisions, their comments, review
/// state and suggestion decisions survive a round trip into a fresh project, tombstones travel
/// with `--deleted` only, and a bad value refuses the whole import with its place.
@Suite struct NativeReviewRoundTripTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("team.hashiya") }

  /// Tashkeel, a tatweel-free Arabic quote, and emoji outside the Basic Multilingual Plane, so
  /// code points, UTF-16 units and bytes all differ.
  static let text = """
    بيان المرصد 🚢 حول الميناء
    قَالَ المُتَحَدِّثُ الرَّسْمِيُّ كينو كابرييل إنَّ التَّحَالُفَ دَرَّبَ 120 ألف مقاتل 🛡️ في سوريا.
    وأكد “كيفين كويثي” نائب قائد العمليات أن قسد حررت ثمانية ملايين شخص.

    """

  static let boundaryComment = "الجملة كاملة 🚢 هي الادعاء"
  static let rejectComment = "ليس متحدثاً في هذا التقرير 🛡️"
  static let flagComment = "حدود قصيرة"

  /// Runs `commands` as `user`, expecting success.
  @discardableResult
  func run(_ project: String, _ user: String, _ commands: String, input: String? = nil) throws -> HashiyaBinary.Run {
    let arguments = input == nil ? [project, "--user", user, "-c", commands] : [project, "--user", user]
    let run = try hashiya.run(arguments, input: input, environment: ["NO_COLOR": "1"])
    #expect(run.status == 0, "\(user): \(commands) \(input ?? ""): \(run.stderr)")
    return run
  }

  /// One `--json` document of `commands` (the `line`-th output line).
  func document(_ project: String, _ commands: String, line: Int = 0, user: String = "lead") throws -> [String: Any] {
    let run = try hashiya.run([project, "--json", "--user", user, "-c", commands])
    #expect(run.status == 0, "\(commands): \(run.stderr)")
    let lines = run.stdoutLines
    try #require(lines.count > line, "\(commands): \(run.stdout)")
    return try #require(try JSONSerialization.jsonObject(with: Data(lines[line].utf8)) as? [String: Any])
  }

  /// The candidates `suggest LAYER` offers `user` on report 1.
  func suggestions(_ project: String, _ layer: String, user: String = "lead") throws -> [[String: Any]] {
    let list = try document(project, "show 1; suggest \(layer)", line: 1, user: user)
    return try #require(list["suggestions"] as? [[String: Any]])
  }

  /// amal and karim claim and tag speakers; amal takes one suggested speaker and turns the other
  /// speaker-tagging candidates down; the lead settles both layers (commenting twice, rejecting
  /// one unit) and flags karim's short claim; amal's undone note is a tombstone.
  func reviewedProject() throws {
    let report = hashiya.write("report.ar.txt", Self.text)
    try run(project, "tester", "import \(report); team add amal lead; team add karim lead; team add lead lead")
    try run(
      project, "amal",
      #"show 1; claim "دَرَّبَ 120 ألف مقاتل" type=statistical; claim "ثمانية ملايين شخص" type=statistical; speaker "كينو كابرييل""#
    )
    try run(
      project, "karim",
      #"show 1; claim "120 ألف مقاتل" type=statistical; claim "ثمانية ملايين شخص" type=statistical; speaker "كينو كابرييل""#
    )
    let offered = try suggestions(project, "speaker-tagging")
    #expect(offered.count >= 2)
    let kuwaithi = try #require(offered.first { $0["quote"] as? String == "كيفين كويثي" }?["n"] as? Int)
    try run(project, "amal", "show 1; suggest speaker-tagging; accept \(kuwaithi); reject all")
    let review = try run(
      project, "lead",
      "",
      input: """
        review claim-labeling --accept-unanimous
        comment "\(Self.boundaryComment)"
        accept amal
        review speaker-tagging --accept-unanimous
        comment "\(Self.rejectComment)"
        reject
        flag #4 "\(Self.flagComment)"

        """)
    #expect(review.stdout.contains("accepted amal's version"), "\(review.stdout)")
    #expect(review.stdout.contains("rejected: no annotation here"), "\(review.stdout)")
    try run(project, "amal", #"show 1; note "قسد" "SDF, Syrian Democratic Forces"; undo"#)
    let reports = try document(project, "reports")
    #expect((reports["reports"] as? [[String: Any]])?.first?["review"] as? String == "settled")
  }

  /// The report objects of a native export: every line after the header of `jsonl`, the
  /// `reports` of `json`.
  func reports(_ path: String) throws -> [[String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    if path.hasSuffix(".json") {
      let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      return try #require(document["reports"] as? [[String: Any]])
    }
    return try String(decoding: data, as: UTF8.self).split(separator: "\n").dropFirst().map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  /// Every line but the first (the header, or the document's opening with its header members).
  func reportLines(_ path: String) throws -> [String] {
    Array(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init))
  }

  @Test(arguments: ["jsonl", "json"])
  func aRoundTripKeepsDecisionsCommentsStateAndSuggestionDecisions(ext: String) throws {
    try reviewedProject()
    let first = hashiya.path("first.\(ext)")
    try run(project, "lead", "export \(first)")
    let exported = try #require(try reports(first).first)
    let decisions = try #require(exported["reviewDecisions"] as? [[String: Any]])
    #expect(decisions.count == 4)
    #expect(
      decisions.compactMap { $0["decision"] as? String }.sorted() == ["accepted", "accepted", "accepted", "rejected"])
    #expect(decisions.allSatisfy { $0["reviewer"] as? String == "lead" && $0["status"] as? String == "active" })
    let rejected = try #require(decisions.first { $0["decision"] as? String == "rejected" })
    #expect(rejected["annotation"] is NSNull)
    #expect(rejected["comment"] as? String == Self.rejectComment)
    #expect(decisions.contains { $0["comment"] as? String == Self.boundaryComment })
    // Each adjudicated annotation is one of the report's, in the unit's extent.
    let annotations = try #require(exported["annotations"] as? [[String: Any]])
    let byUUID = Dictionary(uniqueKeysWithValues: annotations.compactMap { a in (a["id"] as? String).map { ($0, a) } })
    for decision in decisions where decision["decision"] as? String == "accepted" {
      let gold = try #require(byUUID[decision["annotation"] as? String ?? ""])
      #expect(gold["origin"] as? String == "adjudicated")
      #expect(gold["start"] as? Int == decision["start"] as? Int && gold["end"] as? Int == decision["end"] as? Int)
    }
    let states = try #require(exported["reviewState"] as? [[String: Any]])
    #expect(states.compactMap { $0["layer"] as? String } == ["claim-labeling", "speaker-tagging"])
    #expect(states.allSatisfy { $0["state"] as? String == "settled" })
    #expect(states.compactMap { $0["units"] as? Int } == [2, 2])
    let suggestionDecisions = try #require(exported["suggestionDecisions"] as? [[String: Any]])
    #expect(suggestionDecisions.filter { $0["decision"] as? String == "accepted" }.count == 1)
    #expect(suggestionDecisions.filter { $0["decision"] as? String == "rejected" }.count >= 1)
    #expect(suggestionDecisions.allSatisfy { $0["author"] as? String == "amal" })
    // Offsets are code points past the emoji: the accepted one covers exactly the name.
    let accepted = try #require(suggestionDecisions.first { $0["decision"] as? String == "accepted" })
    let scalars = Array(Self.text.unicodeScalars)
    let start = try #require(accepted["start"] as? Int)
    let end = try #require(accepted["end"] as? Int)
    #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "كيفين كويثي")

    // Into a fresh project and out again: the same reports, review work included.
    let copy = hashiya.path("copy.hashiya")
    let second = hashiya.path("second.\(ext)")
    let imported = try run(copy, "lead", "import \(first); export \(second)")
    #expect(
      imported.stdout.contains(
        "imported 10 annotations, 0 links, 1 reviews, 4 review decisions, 2 review states, \(suggestionDecisions.count) suggestion decisions on 1 reports (1 new)"
      ), "\(imported.stdout)")
    #expect(try reportLines(second) == reportLines(first))

    // A settled unit stays settled: the queue offers nothing, and `reports` says so.
    for layer in ["claim-labeling", "speaker-tagging"] {
      let queue = try document(copy, "review \(layer)")
      #expect(queue["units"] as? Int == 0, "\(layer): \(queue)")
    }
    let list = try document(copy, "reports")
    #expect((list["reports"] as? [[String: Any]])?.first?["review"] as? String == "settled")
    // The comments are there to read, the decisions' and the flag's.
    let shown = try run(copy, "lead", "export -")
    #expect(shown.stdout.contains(Self.boundaryComment) && shown.stdout.contains(Self.rejectComment))
    #expect(shown.stdout.contains(Self.flagComment))
    // Candidates amal turned down are not offered to her again, while a project that never
    // decided offers them, and so does this one to someone who has not decided. (A team is the
    // project's own: the lead of the copy adds amal.)
    try run(copy, "lead", "team add amal annotator")
    #expect(try suggestions(copy, "speaker-tagging", user: "amal").isEmpty)
    #expect(try suggestions(copy, "speaker-tagging").count >= 2)
    let fresh = hashiya.path("fresh.hashiya")
    try run(fresh, "lead", "import \(hashiya.path("report.ar.txt"))")
    #expect(try suggestions(fresh, "speaker-tagging").count >= 2)
    #expect(try !suggestions(copy, "claim-labeling").isEmpty)

    // Importing the file again adds nothing.
    let again = try run(copy, "lead", "import \(first)")
    #expect(again.stdout.contains("imported 0 annotations, 0 links, 0 reviews on 1 reports (0 new)"), "\(again.stdout)")
  }

  @Test func tombstonesTravelOnlyWithDeleted() throws {
    try reviewedProject()
    let active = hashiya.path("active.jsonl")
    let all = hashiya.path("all.jsonl")
    try run(project, "lead", "export \(active); export --deleted \(all)")
    func annotations(_ path: String) throws -> [[String: Any]] {
      try #require(try reports(path).first?["annotations"] as? [[String: Any]])
    }
    /// The statuses of amal's notes on "قسد": the note she made and undid.
    func notes(_ path: String) throws -> [String] {
      try annotations(path).filter { $0["quote"] as? String == "قسد" && $0["author"] as? String == "amal" }
        .compactMap { $0["status"] as? String }
    }
    #expect(try notes(active).isEmpty)
    #expect(try notes(all) == ["deleted"])
    #expect(try annotations(active).count == 10)
    #expect(try annotations(all).count == 11)

    let copy = hashiya.path("copy.hashiya")
    try run(copy, "lead", "import \(all)")
    let listed = try run(copy, "lead", "show 1; ls --deleted --layer translation-notes")
    #expect(listed.stdout.contains("(deleted)") && listed.stdout.contains("قسد"), "\(listed.stdout)")
    let again = hashiya.path("again.jsonl")
    let plain = hashiya.path("plain.jsonl")
    try run(copy, "lead", "export --deleted \(again); export \(plain)")
    #expect(try reportLines(again) == reportLines(all))
    #expect(try reportLines(plain) == reportLines(active))

    // The other formats cannot mark a tombstone: refused, naming the format, nothing written.
    for (format, target) in [("brat", "brat-out"), ("w3c", "notes.jsonld"), ("prodigy", "spans.jsonl")] {
      let refused = try hashiya.run(
        [project, "-c", "export --deleted --format \(format) \(hashiya.path(target))"], environment: ["NO_COLOR": "1"])
      #expect(refused.status == 1)
      #expect(
        refused.stderr.contains("--deleted is for the native formats (json, jsonl): \(format) has no way"),
        "\(refused.stderr)")
      #expect(!FileManager.default.fileExists(atPath: hashiya.path(target)))
    }
    let help = try run(project, "lead", "help export")
    #expect(help.stdout.contains("--deleted"))
  }

  /// One corruption of the exported report and where the import must say it went wrong.
  struct BadValue: Sendable, CustomTestStringConvertible {
    var ext: String
    var member: String
    var index: Int
    var key: String
    /// The new value, as JSON text.
    var value: String
    var place: String
    var reason: String

    var testDescription: String { "\(ext) \(member)[\(index)].\(key) = \(value)" }
  }

  @Test(arguments: [
    BadValue(
      ext: "jsonl", member: "reviewDecisions", index: 0, key: "decision", value: #""maybe""#,
      place: ":2 review decision 1", reason: #""decision" is "maybe", not one of accepted, rejected, edited"#),
    BadValue(
      ext: "jsonl", member: "reviewDecisions", index: 1, key: "annotation",
      value: #""00000000-0000-4000-8000-000000000000""#, place: ":2 review decision 2",
      reason: "names annotation 00000000-0000-4000-8000-000000000000, which is not in this report"),
    BadValue(
      ext: "json", member: "suggestionDecisions", index: 0, key: "end", value: "\(Self.text.unicodeScalars.count + 1)",
      place: ": report 1 suggestion decision 1",
      reason: "are outside the text (\(Self.text.unicodeScalars.count) code points)"),
    BadValue(
      ext: "json", member: "reviewState", index: 1, key: "state", value: #""finished""#,
      place: ": report 1 review state 2", reason: #""state" is "finished""#),
  ])
  func aBadValueRefusesTheWholeImportWithItsPlace(bad: BadValue) throws {
    try reviewedProject()
    let path = hashiya.path("bad.\(bad.ext)")
    try run(project, "lead", "export \(path)")
    // Edited as text on the report's line, so the rest of the file stays byte for byte.
    var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
    let reportLine = lines.indices.first { lines[$0].contains("\"reviewDecisions\"") } ?? 1
    var report = try #require(
      try JSONSerialization.jsonObject(with: Data(lines[reportLine].utf8)) as? [String: Any])
    var list = try #require(report[bad.member] as? [[String: Any]])
    list[bad.index][bad.key] = try JSONSerialization.jsonObject(with: Data(bad.value.utf8), options: .fragmentsAllowed)
    report[bad.member] = list
    lines[reportLine] = String(decoding: try JSONSerialization.data(withJSONObject: report), as: UTF8.self)
    try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)

    let copy = hashiya.path("copy.hashiya")
    let refused = try hashiya.run([copy, "--user", "lead", "-c", "import \(path)"], environment: ["NO_COLOR": "1"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("\(path)\(bad.place): "), "\(refused.stderr)")
    #expect(refused.stderr.contains(bad.reason), "\(refused.stderr)")
    let after = try document(copy, "reports")
    #expect(after["total"] as? Int == 0)
  }
}
