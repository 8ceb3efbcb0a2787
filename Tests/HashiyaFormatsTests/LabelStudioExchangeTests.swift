import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite("Label Studio export and import")
struct LabelStudioExchangeTests {
  private func export(_ bundles: [ReportBundle]) throws -> (String, JSONValue) {
    let path = ExchangeFixtures.temporaryFolder() + "/tasks.json"
    var exporter = try LabelStudioExporter(path: path, context: ExchangeFixtures.context)
    _ = try ExchangeFixtures.export(bundles, with: &exporter)
    return (path, try JSONParser.parse(try String(contentsOfFile: path, encoding: .utf8)))
  }

  @Test func seedReportRoundTripsWithOneAnnotationPerAuthor() throws {
    let bundle = ExchangeFixtures.seedBundle()
    let (path, tasks) = try export([bundle, ExchangeFixtures.emojiBundle()])
    #expect(tasks.arrayValue?.count == 2)
    let task = try #require(tasks[0])
    #expect(task["data"]?["hashiya_uid"] == "seed-report")
    let annotations = try #require(task["annotations"]?.arrayValue)
    // Label Studio refuses a completed_by that is none of its users: plain names stay in the data.
    #expect(annotations.allSatisfy { $0["completed_by"] == nil })
    #expect(task["data"]?["hashiya_authors"] == ["amira", "omar"])
    let result = try #require(annotations[0]["result"]?[0])
    // from_name is the span's layer: the label config beside the file names each layer's control.
    #expect(result["from_name"] == "speaker-tagging" && result["to_name"] == "text" && result["type"] == "labels")
    #expect(result["value"]?["labels"] == ["speaker"])

    let (reports, errors) = try ExchangeFixtures.read(LabelStudioReader.self, path: path, layer: "speakers")
    #expect(errors.isEmpty)
    let report = try #require(reports.first)
    #expect(report.report.uid == "seed-report" && report.report.title == "Coalition press conference")
    #expect(ExchangeFixtures.spans(report) == ExchangeFixtures.spans(bundle))
    #expect(ExchangeFixtures.links(report) == ExchangeFixtures.links(bundle))
    #expect(report.annotations.first { $0.key == "4" }?.author == "omar")
    #expect(report.annotations.first { $0.label == "note" }?.layer == "translation-notes")
    #expect(report.annotations.filter { $0.label != "note" }.allSatisfy { $0.layer == "speaker-tagging" })
    #expect(reports.count == 2)
  }

  /// An email is an author Label Studio can match to one of its users; task fields beside the
  /// text are the report's metadata, both ways.
  @Test func emailAuthorsAndTaskFieldsSurvive() throws {
    var bundle = ExchangeFixtures.seedBundle()
    bundle.report.metadataJSON = #"{"source_id":"A-17","desk":"تحقق","tags":["سوريا","قسد"]}"#
    bundle.annotations = bundle.annotations.map { annotation in
      var copy = annotation
      if copy.author == "omar" { copy.author = "omar@newsroom.example" }
      return copy
    }
    let (path, tasks) = try export([bundle])
    let task = try #require(tasks[0])
    #expect(task["data"]?["desk"] == "تحقق")
    #expect(task["data"]?["tags"] == ["سوريا", "قسد"])
    let annotations = try #require(task["annotations"]?.arrayValue)
    #expect(annotations.compactMap { $0["completed_by"]?["email"]?.stringValue } == ["omar@newsroom.example"])

    let (reports, errors) = try ExchangeFixtures.read(LabelStudioReader.self, path: path, layer: "speakers")
    #expect(errors.isEmpty)
    let report = try #require(reports.first)
    let metadata = try JSONParser.parse(report.report.metadataJSON)
    #expect(metadata["source_id"] == "A-17" && metadata["desk"] == "تحقق")
    #expect(metadata["hashiya_authors"] == nil && metadata["text"] == nil)
    #expect(Set(report.annotations.compactMap(\.author)) == ["amira", "omar@newsroom.example"])
  }

  /// A file Label Studio exported names its users by id; the names Hashiya recorded win.
  @Test func labelStudioUserIdsGiveWayToRecordedNames() throws {
    let (path, _) = try export([ExchangeFixtures.seedBundle()])
    let exported = try String(contentsOfFile: path, encoding: .utf8)
    let document = exported.replacingOccurrences(of: #""annotations":[{"#, with: #""annotations":[{"completed_by":10,"#)
    #expect(document != exported, "the file names no user id, so the test would prove nothing")
    try document.write(toFile: path, atomically: true, encoding: .utf8)
    let (reports, errors) = try ExchangeFixtures.read(LabelStudioReader.self, path: path, layer: "speakers")
    #expect(errors.isEmpty)
    #expect(Set(try #require(reports.first).annotations.compactMap(\.author)) == ["amira", "omar"])
  }

  /// Label Studio 1.23 exports every annotation it imported with `"ground_truth": true` and
  /// `"completed_by"` the importing user's id: the task data still says who wrote each and which are gold.
  @Test func goldSurvivesLabelStudioMarkingEveryAnnotationGroundTruth() throws {
    var bundle = ExchangeFixtures.seedBundle()
    bundle.annotations[5].author = "lead"
    bundle.annotations[5].origin = "adjudicated"
    let (path, tasks) = try export([bundle])
    #expect(tasks[0]?["data"]?["hashiya_gold"] == [false, false, true])
    #expect(tasks[0]?["annotations"]?.arrayValue?.map { $0["ground_truth"] } == [nil, nil, true])
    let exported = try String(contentsOfFile: path, encoding: .utf8)
    let relabelled = exported.replacingOccurrences(of: #"{"ground_truth":true,"#, with: "{")
      .replacingOccurrences(of: #"{"result":"#, with: #"{"completed_by":1,"ground_truth":true,"result":"#)
    #expect(relabelled.components(separatedBy: #""ground_truth":true"#).count == 4)
    try relabelled.write(toFile: path, atomically: true, encoding: .utf8)
    let (reports, errors) = try ExchangeFixtures.read(LabelStudioReader.self, path: path, layer: nil)
    #expect(errors.isEmpty)
    let annotations = try #require(reports.first?.annotations)
    #expect(annotations.filter { $0.origin == "adjudicated" }.map(\.author) == ["lead"])
    #expect(Set(annotations.compactMap(\.author)) == ["amira", "omar", "lead"])
  }

  @Test func emojiOffsetsAreUTF16CodeUnits() throws {
    let bundle = ExchangeFixtures.emojiBundle()
    let (path, tasks) = try export([bundle])
    let text = ExchangeFixtures.emojiText
    let results = try #require(tasks[0]?["annotations"]?[0]?["result"]?.arrayValue)
    for (needle, label) in [("friends", "speaker"), ("المتحدث", "quote"), ("🎉", "note")] {
      let found = text.range(of: needle)!
      let start = text.utf16.distance(from: text.startIndex, to: found.lowerBound)
      let end = text.utf16.distance(from: text.startIndex, to: found.upperBound)
      #expect(start != text.unicodeScalars.distance(from: text.startIndex, to: found.lowerBound))
      #expect(
        results.contains {
          $0["value"]?["start"]?.intValue == start && $0["value"]?["end"]?.intValue == end
            && $0["value"]?["labels"] == [.string(label)]
        })
    }
    let (reports, errors) = try ExchangeFixtures.read(LabelStudioReader.self, path: path, layer: "l")
    #expect(errors.isEmpty)
    #expect(ExchangeFixtures.spans(try #require(reports.first)) == ExchangeFixtures.spans(bundle))
    #expect(ExchangeFixtures.links(try #require(reports.first)) == ExchangeFixtures.links(bundle))
  }

  @Test func completedByInItsVariousSpellings() throws {
    let path = ExchangeFixtures.temporaryFolder() + "/in.json"
    let result = #"{"id": "a", "type": "labels", "value": {"start": 0, "end": 5, "labels": ["P"]}}"#
    ExchangeFixtures.write(
      #"[{"data": {"text": "Hello world"}, "annotations": [{"completed_by": 7, "result": [\#(result)]}]},"#
        + #" {"data": {"text": "Hello world"}, "annotations": [{"completed_by": {"id": 1, "email": "a@b.c"}, "result": [\#(result)]}]}]"#,
      to: path)
    let (reports, errors) = try ExchangeFixtures.read(LabelStudioReader.self, path: path, layer: "l")
    #expect(errors.isEmpty)
    #expect(reports.map { $0.annotations[0].author } == ["user-7", "a@b.c"])
  }

  @Test(arguments: [
    (#"{"id": "a", "type": "labels", "value": {"start": 4, "end": 9, "labels": ["P"]}}"#, "result a", "surrogate pair"),
    (#"{"id": "a", "type": "labels", "value": {"start": 3, "end": 99, "labels": ["P"]}}"#, "result a", "outside"),
    (
      #"{"id": "a", "type": "labels", "value": {"start": 0, "end": 2, "text": "Hx", "labels": ["P"]}}"#, "result a",
      "does not match"
    ),
    (
      #"{"id": "a", "type": "labels", "value": {"start": 0, "end": 2, "labels": ["P"]}}, {"type": "relation", "from_id": "a", "to_id": "zz", "labels": ["r"]}"#,
      "relation 1", "\"zz\""
    ),
  ])
  func badResultsAreReportedWithTheirLocation(results: String, location: String, reason: String) throws {
    let path = ExchangeFixtures.temporaryFolder() + "/in.json"
    ExchangeFixtures.write(#"[{"data": {"text": "Hi 😀 there"}, "annotations": [{"result": [\#(results)]}]}]"#, to: path)
    let (_, errors) = try ExchangeFixtures.read(LabelStudioReader.self, path: path, layer: "l")
    #expect(errors.count == 1)
    #expect(errors.first?.location == "in.json:task 1 \(location)")
    #expect(errors.first?.reason.contains(reason) == true, "\(errors)")
  }

  @Test func malformedJSONAndMissingTextAreReported() throws {
    let path = ExchangeFixtures.temporaryFolder() + "/in.json"
    ExchangeFixtures.write(#"[{"data": {"text": "Hi"}"#, to: path)
    #expect(throws: FormatError.self) { _ = try ExchangeFixtures.read(LabelStudioReader.self, path: path, layer: "l") }
    ExchangeFixtures.write(#"[{"data": {"body": "Hi"}}]"#, to: path)
    let (_, errors) = try ExchangeFixtures.read(LabelStudioReader.self, path: path, layer: "l")
    #expect(errors == [FormatError(location: "in.json:task 1", reason: "missing \"data\".\"text\"")])
  }
}
