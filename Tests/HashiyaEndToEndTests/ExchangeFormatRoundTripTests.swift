import Foundation
import Testing

/// doccano, Label Studio and Prodigy through the binary: multi-layer exports come back without
/// --layer, annotators and gold stay apart, and a tool's own label config makes a layer.
@Suite struct ExchangeFormatRoundTripTests {
  /// The project ExchangeTests annotates: two annotators on three layers, with attributes and a link.
  let exchange = ExchangeTests()

  var hashiya: HashiyaBinary { exchange.hashiya }
  var project: String { exchange.project }

  func annotated() throws { try exchange.annotated() }

  /// Every live annotation of `path` as `quote layer/label author attributes`, and its links.
  func listed(_ path: String, attributes: Bool = true) throws -> (spans: [String], links: [String]) {
    let run = try hashiya.run([path, "--json", "-c", "ls --all"])
    #expect(run.status == 0, "\(run.stderr)")
    let all = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    let quotes = Dictionary(
      uniqueKeysWithValues: all.compactMap { a in (a["handle"] as? Int).map { ($0, a["quote"]) } })
    var spans: [String] = []
    var links: [String] = []
    for annotation in all {
      let values =
        attributes ? (annotation["attributes"] as? [String: Any]).map { "\($0.sorted { $0.key < $1.key })" } ?? "" : ""
      spans.append(
        "\(annotation["quote"] ?? "") \(annotation["layer"] ?? "")/\(annotation["label"] ?? "") \(annotation["author"] ?? "") \(values)"
      )
      for link in annotation["links"] as? [[String: Any]] ?? [] {
        links.append(
          "\(annotation["quote"] ?? "") \(link["type"] ?? "") \(quotes[link["to"] as? Int ?? 0] as? String ?? "?")")
      }
    }
    return (spans.sorted(), links.sorted())
  }

  @Test(arguments: ["doccano", "labelstudio", "prodigy"])
  func aMultiLayerExportComesBackWithoutTheLayerOption(format: String) throws {
    try annotated()
    let file = hashiya.path("x.\(format)")
    #expect(try hashiya.run([project, "-c", "export --format \(format) \(file)"]).status == 0)
    let fresh = hashiya.path("fresh.hashiya")
    let run = try hashiya.run([fresh, "-c", "import --format \(format) \(file)"])
    #expect(run.status == 0, "\(run.stderr)")
    // doccano has no place for attributes, Prodigy none for links: the documented losses.
    let original = try listed(project, attributes: format != "doccano")
    let back = try listed(fresh, attributes: format != "doccano")
    #expect(original.spans.count == 6)
    #expect(back.spans == original.spans)
    #expect(back.links == (format == "prodigy" ? [] : original.links))
    #expect(!original.links.isEmpty)
  }

  /// amal and karim claim the same span, lead settles it: lead's adjudicated claim is a record of
  /// its own, and --gold writes it alone.
  @Test(arguments: ["doccano", "labelstudio"])
  func goldIsARecordApartAndAloneWithTheGoldOption(format: String) throws {
    let team = "team add amal annotator; team add karim annotator; team add lead lead"
    #expect(try hashiya.run([project, "-c", "import \(HashiyaBinary.seed); \(team)"]).status == 0)
    for user in ["amal", "karim"] {
      let run = try hashiya.run([project, "--user", user, "-c", "show 1; claim \"120 ألف\" type=statistical"])
      #expect(run.status == 0, "\(run.stderr)")
    }
    let review = try hashiya.run([project, "--user", "lead"], input: "review claim-labeling --accept-unanimous\n")
    #expect(review.status == 0, "\(review.stderr)")
    let all = hashiya.path("all.\(format)")
    let gold = hashiya.path("gold.\(format)")
    #expect(try hashiya.run([project, "-c", "export --format \(format) \(all)"]).status == 0)
    #expect(try hashiya.run([project, "-c", "export --gold --format \(format) \(gold)"]).status == 0)
    let everyone = try records(all, format: format)
    #expect(everyone.map(\.author).sorted() == ["amal", "karim", "lead"])
    #expect(everyone.allSatisfy { $0.spans == 1 && $0.gold == ($0.author == "lead") })
    let golden = try records(gold, format: format)
    #expect(golden.map(\.author) == ["lead"] && golden.allSatisfy(\.gold))
    // Imported elsewhere, the gold record's claim is adjudicated again.
    let fresh = hashiya.path("fresh.hashiya")
    let imported = try hashiya.run([fresh, "-c", "import --format \(format) \(gold)"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let listed = try hashiya.run([fresh, "--json", "-c", "ls --all"])
    let annotations = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
    #expect(annotations.map { $0["origin"] as? String } == ["adjudicated"])
    #expect(annotations.map { $0["author"] as? String } == ["lead"])
  }

  /// A doccano record or Label Studio annotation: its author, whether it is gold, how many spans.
  func records(_ path: String, format: String) throws -> [(author: String, gold: Bool, spans: Int)] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    if format == "doccano" {
      return try text.split(separator: "\n").map {
        let record = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        return (
          record["hashiya_author"] as? String ?? "", record["hashiya_gold"] as? Bool ?? false,
          (record["entities"] as? [Any])?.count ?? 0
        )
      }
    }
    let tasks = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
    return tasks.flatMap { task in
      let authors = (task["data"] as? [String: Any])?["hashiya_authors"] as? [String] ?? []
      let annotations = task["annotations"] as? [[String: Any]] ?? []
      return zip(authors, annotations).map { author, annotation in
        let spans = (annotation["result"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "labels" }
        return (author, annotation["ground_truth"] as? Bool ?? false, spans.count)
      }
    }
  }

  /// A Label Studio project's export with its label config beside: the config's layer is recorded
  /// in the project, with no plugin and no --layer.
  @Test func aLabelStudioProjectImportsWithItsOwnConfig() throws {
    let text = "قالَ المُتَحَدِّثُ 🧕🏽 أحمد: «الهُدنةُ صامدة»"
    _ = hashiya.write(
      "ls/label_config.xml",
      """
      <View>
        <Text name="text" value="$text"/>
        <Labels name="ner" toName="text"><Label value="شخص"/><Label value="ORG"/></Labels>
        <Choices name="certainty" toName="text" perRegion="true"><Choice value="sure"/><Choice value="unsure"/></Choices>
      </View>
      """)
    let start = text.utf16.distance(from: text.startIndex, to: try #require(text.range(of: "أحمد")).lowerBound)
    let result =
      #"{"id": "r1", "from_name": "ner", "to_name": "text", "type": "labels", "value": {"start": \#(start), "end": \#(start + 4), "labels": ["شخص"]}}, "#
      + #"{"id": "r1", "from_name": "certainty", "to_name": "text", "type": "choices", "value": {"start": \#(start), "end": \#(start + 4), "choices": ["unsure"]}}"#
    let tasks = hashiya.write(
      "ls/project-1.json",
      #"[{"id": 1, "data": {"text": "\#(text)"}, "annotations": [{"completed_by": {"email": "amal@example.org"}, "result": [\#(result)]}]}]"#
    )
    let run = try hashiya.run([project, "-c", "import \(tasks)"])
    #expect(run.status == 0, "\(run.stderr)")
    let (spans, _) = try listed(project)
    #expect(spans == ["أحمد ner/شخص amal@example.org [(key: \"certainty\", value: \"unsure\")]"])
    // A config that is not XML stops the import, naming the file.
    _ = hashiya.write("ls/label_config.xml", "<View><Labels name=\"ner\">")
    let bad = try hashiya.run([hashiya.path("other.hashiya"), "-c", "import \(tasks)"])
    #expect(bad.status == 1)
    #expect(bad.stderr.contains("label_config.xml") && bad.stderr.contains("well-formed"), "\(bad.stderr)")
  }

  /// doccano's own files have no layers: --layer names the layer and --schema the label list
  /// doccano exported, which makes the layer's schema.
  @Test func aDoccanoProjectImportsWithItsLabelListNamedBySchema() throws {
    let list = hashiya.write(
      "labels/people.json",
      ##"[{"id": 1, "text": "شخص", "suffix_key": "p", "background_color": "#e5484d"}, {"id": 2, "text": "مكان"}]"##)
    let text = "قالَ المُتَحَدِّثُ 🧕🏽 أحمد في «دمشق»\r\nend"
    let start = text.unicodeScalars.distance(
      from: text.unicodeScalars.startIndex, to: try #require(text.range(of: "أحمد")).lowerBound)
    let record =
      #"{"id": 4, "text": "\#(text.replacingOccurrences(of: "\r\n", with: "\\r\\n"))", "entities": [{"id": 9, "label": "شخص", "start_offset": \#(start), "end_offset": \#(start + 4)}], "relations": []}"#
    let file = hashiya.write("admin.jsonl", record + "\n")
    let missing = try hashiya.run([project, "-c", "import --format doccano --schema \(list) \(file)"])
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("--layer"), "\(missing.stderr)")
    let run = try hashiya.run([project, "-c", "import --format doccano --layer people --schema \(list) \(file)"])
    #expect(run.status == 0, "\(run.stderr)")
    let spans = try listed(project).spans
    #expect(spans == ["أحمد people/شخص tester []"])
    // The label list made the layer: its other label can be used at once.
    let tagged = try hashiya.run([project, "-c", "show 1; tag people مكان \"دمشق\"; ls"])
    #expect(tagged.status == 0, "\(tagged.stderr)")
    #expect(tagged.stdout.contains("people/مكان"))
  }
}
