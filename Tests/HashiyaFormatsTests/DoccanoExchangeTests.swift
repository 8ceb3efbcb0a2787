import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite("doccano JSONL export and import")
struct DoccanoExchangeTests {
  private func export(_ bundles: [ReportBundle]) throws -> String {
    let path = ExchangeFixtures.temporaryFolder() + "/doccano.jsonl"
    var exporter = try DoccanoExporter(path: path, context: ExchangeFixtures.context)
    let summary = try ExchangeFixtures.export(bundles, with: &exporter)
    #expect(summary.files == [path, ExchangeFixtures.temporaryFolderOf(path) + "/label_config.json"])
    #expect(summary.bytes > 0)
    return path
  }

  @Test func seedReportRoundTripsWithOneRecordPerAnnotator() throws {
    let bundle = ExchangeFixtures.seedBundle()
    let path = try export([bundle])
    let records = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
      try JSONParser.parse($0.description)
    }
    #expect(records.count == 2)
    let record = try #require(records.first)
    #expect(record["id"] == 1)
    let range = bundle.annotations[0].range
    let expected: JSONValue = [
      "id": 1, "label": "speaker", "start_offset": .int(range.start), "end_offset": .int(range.end),
    ]
    #expect(record["entities"]?[0] == expected)
    #expect(record["relations"]?[0] == ["id": 100, "type": "said-by", "from_id": 2, "to_id": 1])
    #expect(records.map { $0["hashiya_author"] } == ["amira", "omar"])
    #expect(
      record["hashiya_layers"] == [
        "speaker": "speaker-tagging", "quote": "speaker-tagging", "note": "translation-notes",
      ])
    #expect(records.allSatisfy { $0["hashiya_gold"] == false })

    // The record's layers win over --layer, which serves files without them.
    let (reports, errors) = try ExchangeFixtures.read(DoccanoReader.self, path: path, layer: "speakers")
    #expect(errors.isEmpty)
    #expect(reports.count == 2 && reports.allSatisfy { $0.report.text == bundle.report.text })
    let spans = reports.flatMap(\.annotations).map { "\($0.label) \($0.range.start) \($0.range.end)" }.sorted()
    #expect(spans == ExchangeFixtures.spans(bundle))
    #expect(reports.flatMap { ExchangeFixtures.links($0) }.sorted() == ExchangeFixtures.links(bundle))
    for annotation in bundle.annotations {
      let back = reports.flatMap(\.annotations).first { $0.range == annotation.range && $0.label == annotation.label }
      #expect(back?.layer == annotation.layer && back?.author == annotation.author)
    }
  }

  @Test func aLabelSharedByTwoLayersIsQualifiedAndReadBack() throws {
    var schemas = ExchangeFixtures.schemas
    schemas[1].labels.append(LabelSchema(name: "speaker", description: "A speaker named in a note."))
    var context = ExchangeFixtures.context
    context.schemas = schemas
    var bundle = ExchangeFixtures.seedBundle()
    bundle.annotations[2].label = "speaker"
    let path = ExchangeFixtures.temporaryFolder() + "/doccano.jsonl"
    var exporter = try DoccanoExporter(path: path, context: context)
    _ = try ExchangeFixtures.export([bundle], with: &exporter)
    let line = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")[0].description
    #expect(line.contains(#""label":"translation-notes/speaker""#))
    #expect(line.contains(#""label":"speaker-tagging/speaker""#))
    let (reports, errors) = try ExchangeFixtures.read(DoccanoReader.self, path: path, layer: nil)
    #expect(errors.isEmpty)
    let speakers = try #require(reports.first).annotations.filter { $0.label == "speaker" }.map(\.layer)
    #expect(speakers.sorted() == ["speaker-tagging", "translation-notes"])
    // The label list says the same, so a project without the plugins learns both layers.
    let listed = try DoccanoLabelList.schemas(
      path: ExchangeFixtures.temporaryFolderOf(path) + "/label_config.json", defaultLayer: nil, known: [:])
    #expect(listed.map { $0.labels.map(\.name) } == [["speaker", "quote"], ["note", "speaker"]])
  }

  @Test func emojiAndCRLFOffsetsAreCodePoints() throws {
    let bundle = ExchangeFixtures.emojiBundle()
    let path = try export([bundle])
    let record = try JSONParser.parse(
      try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")[0].description)
    let text = ExchangeFixtures.emojiText
    let needle = text.range(of: "friends")!
    let start = text.unicodeScalars.distance(from: text.startIndex, to: needle.lowerBound)
    #expect(record["entities"]?[0]?["start_offset"]?.intValue == start)
    #expect(start != text.utf16.distance(from: text.startIndex, to: needle.lowerBound))
    let (reports, errors) = try ExchangeFixtures.read(DoccanoReader.self, path: path, layer: "l")
    #expect(errors.isEmpty)
    #expect(ExchangeFixtures.spans(try #require(reports.first)) == ExchangeFixtures.spans(bundle))
    #expect(ExchangeFixtures.links(try #require(reports.first)) == ExchangeFixtures.links(bundle))
  }

  /// doccano's own label list has no layers: `--layer` names the one its labels make.
  @Test func doccanosLabelListMakesTheLayerNamedByTheArgument() throws {
    let folder = ExchangeFixtures.temporaryFolder()
    ExchangeFixtures.write(
      ##"[{"id": 1, "text": "شخص", "prefix_key": null, "suffix_key": "p", "background_color": "#E5484D", "text_color": "#ffffff"},"##
        + ##" {"id": 2, "text": "ORG", "prefix_key": "ctrl", "suffix_key": "o", "background_color": "#123456", "text_color": "#000000"}]"##,
      to: folder + "/label_config.json")
    ExchangeFixtures.write(
      #"{"id": 5, "text": "قالَ 😀 أحمد", "entities": [{"id": 7, "label": "شخص", "start_offset": 7, "end_offset": 11}], "relations": []}"#
        + "\n", to: folder + "/admin.jsonl")
    var handed: [LayerSchema] = []
    var reports: [ImportedReport] = []
    try DoccanoReader.read(
      path: folder + "/admin.jsonl", request: ReadRequest(layer: "people", onSchemas: { handed += $0 }),
      onBadRecord: { throw $0 }
    ) { reports.append($0) }
    #expect(handed.map(\.layer) == ["people"])
    #expect(handed.first?.labels.map(\.name) == ["شخص", "ORG"])
    #expect(handed.first?.labels.map(\.colour) == ["red", "cyan"])
    #expect(handed.first?.labels.map(\.key) == ["p", "o"])
    let annotation = try #require(reports.first?.annotations.first)
    #expect(annotation.layer == "people" && annotation.quote == "أحمد" && annotation.author == nil)

    // Without --layer the list's labels belong nowhere: a clear error before any record.
    #expect {
      try DoccanoReader.read(path: folder + "/admin.jsonl", request: ReadRequest(), onBadRecord: { throw $0 }) { _ in }
    } throws: { error in
      (error as? FormatError)?.reason.contains("--layer") == true
    }
  }

  @Test(arguments: [
    (#"{"text": "PER"}"#, "JSON array"),
    (#"[{"text": ""}]"#, "non-empty \"text\""),
    (#"[{"text": "A", "hashiya_layer": "l"}, {"text": "A", "hashiya_layer": "l"}]"#, "listed twice"),
    (#"[{"text": "A""#, "not valid JSON"),
  ])
  func aBadLabelListIsAClearError(list: String, reason: String) {
    let folder = ExchangeFixtures.temporaryFolder()
    ExchangeFixtures.write(list, to: folder + "/labels.json")
    #expect {
      try DoccanoLabelList.schemas(path: folder + "/labels.json", defaultLayer: "l", known: [:])
    } throws: { error in
      (error as? FormatError)?.reason.contains(reason) == true
    }
  }

  @Test func olderLabelFormIsRead() throws {
    let path = ExchangeFixtures.temporaryFolder() + "/old.jsonl"
    ExchangeFixtures.write(
      #"{"text": "قال 😀 المتحدث", "label": [[6, 13, "SPEAKER"], [0, 3, "VERB"]]}"# + "\n", to: path)
    let (reports, errors) = try ExchangeFixtures.read(DoccanoReader.self, path: path, layer: "l")
    #expect(errors.isEmpty)
    let annotations = try #require(reports.first?.annotations)
    #expect(annotations.map(\.key) == ["1", "2"])
    #expect(annotations[0].quote == "المتحدث" && annotations[1].label == "VERB")
  }

  @Test func layerIsRequired() throws {
    let path = ExchangeFixtures.temporaryFolder() + "/in.jsonl"
    ExchangeFixtures.write(#"{"text": "Hello world", "label": [[6, 11, "P"]]}"# + "\n", to: path)
    #expect(throws: FormatError.self) { _ = try ExchangeFixtures.read(DoccanoReader.self, path: path, layer: nil) }
  }

  @Test(arguments: [
    (
      #"{"text": "Hello world", "entities": [{"id": 1, "label": "P", "start_offset": 6, "end_offset": 12}]}"#,
      "in.jsonl:1 entity 1", "outside"
    ),
    (
      #"{"text": "Hello world", "entities": [{"id": 1, "label": "P", "start_offset": 0, "end_offset": 5}], "relations": [{"id": 1, "type": "r", "from_id": 1, "to_id": 9}]}"#,
      "in.jsonl:1 relation 1", "entity 9"
    ),
    (
      #"{"text": "Hello world", "entities": [{"label": "P", "start_offset": 0, "end_offset": 5}]}"#,
      "in.jsonl:1 entity 1", "\"id\""
    ),
    (#"{"text": "Hello world", "label": [[0, 5]]}"#, "in.jsonl:1 entity 1", "[start, end"),
    (#"{"text": "Hello"#, "in.jsonl:1", "not valid JSON"),
  ])
  func badRecordsAreReportedWithTheirLocation(line: String, location: String, reason: String) throws {
    let path = ExchangeFixtures.temporaryFolder() + "/in.jsonl"
    ExchangeFixtures.write("\n" + line + "\n", to: path)
    let (_, errors) = try ExchangeFixtures.read(DoccanoReader.self, path: path, layer: "l")
    #expect(errors.count == 1)
    #expect(errors.first?.location == location.replacingOccurrences(of: ":1", with: ":2"))
    #expect(errors.first?.reason.contains(reason) == true, "\(errors)")
  }
}
