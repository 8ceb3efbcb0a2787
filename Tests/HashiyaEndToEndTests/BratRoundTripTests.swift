import Foundation
import Testing

/// A brat corpus with its own `annotation.conf`, events and two annotators, through the binary:
/// imported with no plugin for its layer and exported back the same, annotator by annotator.
@Suite struct BratRoundTripTests {
  let hashiya = HashiyaBinary()

  /// The seed report with CRLF line ends and a last line with emoji outside the BMP.
  static func reportText() throws -> String {
    let seed = try String(contentsOfFile: HashiyaBinary.seed, encoding: .utf8)
    return seed.replacingOccurrences(of: "\n", with: "\r\n") + "ختام 🇸🇾 نعمْ 🎉\r\n"
  }

  static let conf = """
    # annotator: amira amira
    # annotator: omar %D8%B9%D9%85%D8%B1%20%D8%A3
    [entities]
    !Participant
    \tPerson
    \tOrganisation
    Quote
    [relations]
    Said-by\tArg1:Quote, Arg2:Participant
    <OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>
    [events]
    Statement\tSpeaker:Participant, Topic*:Quote
    [attributes]
    Negated\tArg:<EVENT>
    Confidence\tArg:Quote, Value:Low|High
    """

  /// A `T` line for the `occurrence`-th `needle` of `text`, in code points.
  static func t(_ id: String, _ label: String, _ needle: String, in text: String, occurrence: Int = 0) -> String {
    let scalars = Array(text.unicodeScalars)
    let pattern = Array(needle.unicodeScalars)
    var found = 0
    for start in 0...(scalars.count - pattern.count) where Array(scalars[start..<start + pattern.count]) == pattern {
      if found == occurrence { return "\(id)\t\(label) \(start) \(start + pattern.count)\t\(needle)" }
      found += 1
    }
    Issue.record("\(needle) is not in the text")
    return ""
  }

  /// A `T` line in pieces (`T4 Quote 10 20;35 48`), one `T` line's worth per needle.
  static func tPieces(_ id: String, _ label: String, _ needles: [String], in text: String) -> String {
    let lines = needles.map { t(id, label, $0, in: text).split(separator: "\t").map(String.init) }
    let offsets = lines.map { $0[1].split(separator: " ", maxSplits: 1)[1] }.joined(separator: ";")
    return "\(id)\t\(label) \(offsets)\t\(needles.joined(separator: " "))"
  }

  /// Two annotators: the same speaker tagged by both, an event each, binary and valued
  /// attributes, notes on an entity and on an event, a relation.
  func corpus() throws -> String {
    let text = try Self.reportText()
    let amira = [
      Self.t("T1", "Person", "كيفين كويثي", in: text),
      Self.t("T2", "Statement", "أكد", in: text),
      Self.t("T3", "Quote", "على استمرارية مهمتهم في القضاء على تنظيم داعش بشكل نهائي", in: text),
      "E1\tStatement:T2 Speaker:T1 Topic:T3",
      "A1\tNegated E1",
      "A2\tConfidence T3 High",
      "#1\tAnnotatorNotes T1\tنائب قائد العمليات",
      "R1\tSaid-by Arg1:T3 Arg2:T1",
      // A quotation «مشيراً إلى أنّ» splits, as one span in two pieces.
      Self.tPieces("T4", "Quote", ["إنّهم يتلقون الدعم بأشكال مختلفة من التحالف الدولي", "هذا الدعم يساعد"], in: text),
      "R2\tSaid-by Arg1:T4 Arg2:T1",
    ]
    let omar = [
      Self.t("T1", "Person", "كيفين كويثي", in: text),
      Self.t("T2", "Organisation", "قسد", in: text, occurrence: 1),
      Self.t("T3", "Statement", "وبيّن", in: text),
      Self.t("T4", "Quote", "بتقديم المساعدة لقسد", in: text),
      Self.t("T5", "Quote", "نعمْ 🎉", in: text),
      "E1\tStatement:T3 Speaker:T2 Topic:T4 Topic2:T5",
      "A1\tConfidence T5 Low",
      "#1\tAnnotatorNotes E1\tقالها 🇸🇾 مرتين",
    ]
    _ = hashiya.write("attribution/annotation.conf", Self.conf)
    _ = hashiya.write("attribution/amira/r1.txt", text)
    _ = hashiya.write("attribution/amira/r1.ann", amira.joined(separator: "\n") + "\n")
    _ = hashiya.write("attribution/omar/r1.txt", text)
    // brat files written on Windows end their lines with CRLF.
    _ = hashiya.write("attribution/omar/r1.ann", omar.joined(separator: "\r\n") + "\r\n")
    return hashiya.path("attribution")
  }

  /// A `.ann` file with every id replaced by the span it stands for, in a stable order, so two
  /// files compare equal when they say the same thing whatever their numbering.
  static func canonical(_ ann: String) -> [String] {
    let lines = ann.split(whereSeparator: \.isNewline).map { $0.split(separator: "\t").map(String.init) }
    var spans: [String: String] = [:]
    for fields in lines where fields.first?.hasPrefix("T") == true && fields.count == 3 {
      spans[fields[0]] = fields[1]
    }
    for fields in lines where fields.first?.hasPrefix("E") == true && fields.count == 2 {
      let trigger = fields[1].split(separator: " ")[0].split(separator: ":")
      spans[fields[0]] = "event " + (spans[String(trigger[1])] ?? "?")
    }
    let span = { (id: Substring) in spans[String(id)] ?? "?\(id)" }
    return lines.map { fields in
      let id = fields[0]
      let words = fields.count > 1 ? fields[1].split(separator: " ") : []
      switch id.first {
      case "T": return "T " + fields.dropFirst().joined(separator: " | ")
      case "E":
        let arguments = words.dropFirst().map { word -> String in
          let pair = word.split(separator: ":")
          return "\(pair[0].filter { !$0.isNumber }):\(span(pair[1]))"
        }
        return "E \(span(Substring(id))) " + arguments.sorted().joined(separator: " ")
      case "A": return "A \(words[0]) \(span(words[1])) \(words.dropFirst(2).joined())"
      case "R": return "R \(words[0]) \(span(words[1].dropFirst(5))) \(span(words[2].dropFirst(5)))"
      case "#": return "# \(span(words[1])) \(fields.dropFirst(2).joined())"
      default: return id
      }
    }.sorted()
  }

  /// The one `.ann` file in `folder`.
  func ann(in folder: String) throws -> String {
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".ann") }
    try #require(names.count == 1, "\(folder): \(names)")
    return try String(contentsOfFile: folder + "/" + names[0], encoding: .utf8)
  }

  @Test func aCorpusWithItsOwnConfigurationComesBackAsItWasPerAnnotator() throws {
    let corpus = try corpus()
    let project = hashiya.path("fresh.hashiya")
    let out = hashiya.path("out")
    let run = try hashiya.run([project, "-c", "import \(corpus); export --format brat \(out)"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["amira", "annotation.conf", "عمر_أ"])
    for (source, exported) in [("amira", "amira"), ("omar", "عمر_أ")] {
      let original = try ann(in: corpus + "/" + source)
      let again = try ann(in: out + "/" + exported)
      #expect(Self.canonical(again) == Self.canonical(original), "\(source):\n\(again)")
      let texts = try FileManager.default.contentsOfDirectory(atPath: out + "/" + exported).filter {
        $0.hasSuffix(".txt")
      }
      #expect(
        try texts.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + exported + "/" + $0)) } == [
          Data(try Self.reportText().utf8)
        ])
    }
    // The layer took its schema from the configuration, events included, and says so when exported.
    let conf = try String(contentsOfFile: out + "/annotation.conf", encoding: .utf8)
    for line in [
      "# layer: attribution", "Statement\tSpeaker:Person|Organisation, Topic*:Quote",
      "Said-by\tArg1:Quote, Arg2:Person|Organisation", "Negated\tArg:Statement",
      "Confidence\tArg:Quote, Value:Low|High",
      "# annotator: amira amira", "# annotator: عمر_أ عمر%20أ",
    ] {
      #expect(conf.split(separator: "\n").contains(Substring(line)), "missing \(line) in\n\(conf)")
    }
    // The quotation in two pieces is one annotation with one further piece.
    let listed = try hashiya.run([project, "--json", "-c", "ls --all --author amira"])
    let entries = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
    let split = try #require(
      entries.first { $0["quote"] as? String == "إنّهم يتلقون الدعم بأشكال مختلفة من التحالف الدولي" })
    #expect((split["fragments"] as? [[String: Any]])?.map { $0["quote"] as? String } == ["هذا الدعم يساعد"])
    // Each annotator's work is theirs in the project.
    let authors = try hashiya.run([project, "--json", "-c", "ls --all --author \"عمر أ\""])
    #expect(authors.stdout.contains("بتقديم المساعدة لقسد") && !authors.stdout.contains("على استمرارية"), "\(authors)")

    // The export imports back as it was exported: same annotators, same annotations.
    let copy = hashiya.path("copy.hashiya")
    let out2 = hashiya.path("out2")
    #expect(try hashiya.run([copy, "-c", "import \(out); export --format brat \(out2)"]).status == 0)
    for folder in ["amira", "عمر_أ"] {
      #expect(try Self.canonical(ann(in: out2 + "/" + folder)) == Self.canonical(ann(in: out + "/" + folder)))
    }
  }

  @Test func anEventThatCannotBeImportedIsNamedAndSkippedNotDropped() throws {
    let corpus = try corpus()
    let ann = corpus + "/amira/r1.ann"
    let broken = try String(contentsOfFile: ann, encoding: .utf8) + "E2\tStatement:T2 Speaker:T9\n"
    try Data(broken.utf8).write(to: URL(fileURLWithPath: ann))
    let project = hashiya.path("p.hashiya")
    let refused = try hashiya.run([project, "-c", "import \(corpus)"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("amira/r1.ann:E2") && refused.stderr.contains("T9"), "\(refused.stderr)")
    let skipped = try hashiya.run([project, "--json", "-c", "import --skip-bad \(corpus)"])
    #expect(skipped.status == 0, "\(skipped.stderr)")
    #expect(skipped.stdout.contains("amira/r1.ann:E2"), "\(skipped.stdout)")
  }

  @Test func eachAnnotatorsSpansGoToTheirOwnFolderAndGoldToTheTop() throws {
    let project = hashiya.path("team.hashiya")
    let setup = try hashiya.run([
      project, "-c", "import \(HashiyaBinary.seed); team add amal lead; team add karim lead",
    ])
    #expect(setup.status == 0, "\(setup.stderr)")
    for user in ["amal", "karim"] {
      let tagged = try hashiya.run([project, "--user", user, "-c", "show 1; speaker \"كيفين كويثي\""])
      #expect(tagged.status == 0, "\(tagged.stderr)")
    }
    let out = hashiya.path("brat")
    #expect(try hashiya.run([project, "-c", "export --format brat \(out)"]).status == 0)
    for user in ["amal", "karim"] {
      let lines = try ann(in: out + "/" + user).split(separator: "\n")
      #expect(lines.filter { $0.contains("كيفين كويثي") }.count == 1, "\(user): \(lines)")
    }
    let back = hashiya.path("back.hashiya")
    #expect(try hashiya.run([back, "-c", "import \(out)"]).status == 0)
    for user in ["amal", "karim"] {
      let theirs = try hashiya.run([back, "-c", "ls --all --author \(user)"])
      #expect(theirs.stdout.contains("كيفين كويثي"), "\(user): \(theirs.stdout)")
    }
    let gold = hashiya.path("gold")
    let goldRun = try hashiya.run([project, "-c", "export --gold --allow-open --format brat \(gold)"])
    #expect(goldRun.status == 0, "\(goldRun.stderr)")
    let top = try FileManager.default.contentsOfDirectory(atPath: gold)
    #expect(top.contains("annotation.conf") && top.contains { $0.hasSuffix(".ann") } && !top.contains("amal"), "\(top)")
  }
}
