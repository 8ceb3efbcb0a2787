import AnnotatorKit
import Foundation
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite("Prodigy JSONL export and import")
struct ProdigyExchangeTests {
  private func export(_ bundles: [ReportBundle]) throws -> String {
    let path = ExchangeFixtures.temporaryFolder() + "/tasks.jsonl"
    var exporter = try ProdigyExporter(path: path, context: ExchangeFixtures.context)
    _ = try ExchangeFixtures.export(bundles, with: &exporter)
    return path
  }

  private func tasks(_ path: String) throws -> [JSONValue] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
  }

  @Test func seedReportRoundTrips() throws {
    let bundle = ExchangeFixtures.seedBundle()
    let path = try export([bundle])
    let task = try #require(try tasks(path).first)
    #expect(task["answer"] == "accept" && task["meta"]?["uid"] == "seed-report" && task["_input_hash"]?.intValue != nil)
    let tokens = try #require(task["tokens"]?.arrayValue)
    let flat = ReportText(bundle.report.text).sentences.flatMap(\.tokens)
    #expect(tokens.count == flat.count)
    let span = try #require(task["spans"]?[0])
    let first = try #require(tokens[span["token_start"]!.intValue!].objectValue)
    #expect(first["start"]?.intValue == span["start"]?.intValue)
    #expect(tokens[span["token_end"]!.intValue!]["end"] == span["end"])
    #expect(span["text"] == "كيفين كويثي")

    let (reports, errors) = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: nil)
    #expect(errors.isEmpty)
    let report = try #require(reports.first)
    #expect(report.report.uid == "seed-report" && report.report.text == bundle.report.text)
    #expect(ExchangeFixtures.spans(report) == ExchangeFixtures.spans(bundle))
    #expect(Set(report.annotations.map(\.layer)) == ["speaker-tagging", "translation-notes"])
  }

  @Test func emojiAndCRLFOffsetsAreCodePoints() throws {
    let bundle = ExchangeFixtures.emojiBundle()
    let path = try export([bundle])
    let text = ExchangeFixtures.emojiText
    let spans = try #require(try tasks(path).first?["spans"]?.arrayValue)
    let needle = text.range(of: "المتحدث")!
    let start = text.unicodeScalars.distance(from: text.startIndex, to: needle.lowerBound)
    #expect(spans.contains { $0["start"]?.intValue == start && $0["text"] == "المتحدث" })
    #expect(start != text.utf16.distance(from: text.startIndex, to: needle.lowerBound))
    let (reports, errors) = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: nil)
    #expect(errors.isEmpty)
    #expect(ExchangeFixtures.spans(try #require(reports.first)) == ExchangeFixtures.spans(bundle))
  }

  @Test func spansWithoutTokenIndicesAndLayerTakeTheArgument() throws {
    let path = ExchangeFixtures.temporaryFolder() + "/in.jsonl"
    ExchangeFixtures.write(
      #"{"text": "Hello world", "spans": [{"start": 6, "end": 11, "label": "PERSON"}], "_annotator_id": "ds-amira"}"#
        + "\n", to: path)
    let (reports, errors) = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: "people")
    #expect(errors.isEmpty)
    let annotation = try #require(reports.first?.annotations.first)
    #expect(annotation.layer == "people" && annotation.label == "PERSON" && annotation.range == TextRange(6, 11))
    #expect(annotation.author == "ds-amira" && annotation.quote == "world")
    #expect(throws: FormatError.self) { _ = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: nil) }
  }

  @Test(arguments: [
    (#"{"text": "Hello world", "spans": [{"start": 6, "end": 40, "label": "P"}]}"#, "in.jsonl:1 span 1", "outside"),
    (
      #"{"text": "Hello world", "spans": [{"start": 0, "end": 5, "label": "P", "text": "Hullo"}]}"#,
      "in.jsonl:1 span 1", "does not match"
    ),
    (#"{"text": "Hello world", "spans": [{"start": 0, "label": "P"}]}"#, "in.jsonl:1 span 1", "\"end\""),
    (#"{"text": "Hello world", "spans": [{"start": 0, "end"#, "in.jsonl:1", "not valid JSON"),
    (#"["text"]"#, "in.jsonl:1", "JSON object"),
    (#"{"spans": []}"#, "in.jsonl:1", "\"text\""),
  ])
  func badRecordsAreReportedWithTheirLocation(line: String, location: String, reason: String) throws {
    let path = ExchangeFixtures.temporaryFolder() + "/in.jsonl"
    ExchangeFixtures.write(line + "\n", to: path)
    let (_, errors) = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: "people")
    #expect(errors.count == 1)
    #expect(errors.first?.location == location)
    #expect(errors.first?.reason.contains(reason) == true, "\(errors)")
  }
}
