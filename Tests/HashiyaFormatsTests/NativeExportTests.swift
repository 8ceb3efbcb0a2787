import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite struct NativeExportTests {
  typealias F = NativeFixtures

  /// Every exported annotation, with the text of its report.
  func annotations(of reports: [JSONValue]) -> [(text: String, annotation: JSONValue)] {
    reports.flatMap { report in
      (report["annotations"]?.arrayValue ?? []).map { (report["text"]!.stringValue!, $0) }
    }
  }

  @Test func seedReportMatchesTheSchemaAndItsQuotes() throws {
    let path = try F.export([F.seedBundle()], format: .json)
    let document = try F.json(path)
    #expect(F.schema.errors(document).isEmpty, "\(F.schema.errors(document))")
    #expect(document["format"] == "hashiya-export")
    #expect(document["offsets"] == ["unicode-scalar"])
    #expect(document["project"]?["uid"] == "proj-7f3a")
    #expect(document["schemas"]?[0]?["layer"] == "speaker-tagging")
    let report = try #require(document["reports"]?[0])
    #expect(report["text"]?.stringValue == F.seedText)
    #expect(report["metadata"] == ["desk": "سوريا", "tags": ["coalition", 3]])
    let found = annotations(of: [report])
    #expect(found.count == 5)
    for (text, annotation) in found {
      let start = try #require(annotation["start"]?.intValue)
      let end = try #require(annotation["end"]?.intValue)
      #expect(F.slice(text, start, end) == annotation["quote"]?.stringValue)
      #expect(annotation["utf16"] == nil)
    }
    #expect(found[1].annotation["links"]?[0]?["to"] == .string(F.uuid(1, 2)))
    #expect(found[1].annotation["reviews"]?[0]?["comment"] == "يبدأ الاقتباس قبل “لكن”")
    #expect(found[0].annotation["reviews"]?[0]?["comment"] == .null)
  }

  @Test func arabicIsWrittenAsUTF8NotEscaped() throws {
    for format in [ExportFormat.json, .jsonl] {
      let bytes = F.bytes(try F.export([F.seedBundle()], format: format))
      #expect(!F.bytes(bytes, contain: #"\u06"#), "\(format)")
      #expect(F.bytes(bytes, contain: "كيفين كويثي"))
    }
  }

  @Test func emojiAndCRLFOffsetsInEveryUnit() throws {
    let path = try F.export([F.emojiBundle()], format: .json, context: F.context(offsets: .all))
    let document = try F.json(path)
    #expect(F.schema.errors(document).isEmpty, "\(F.schema.errors(document))")
    #expect(document["offsets"] == ["unicode-scalar", "utf16", "utf8"])
    let text = F.emojiText
    #expect(document["reports"]?[0]?["text"]?.stringValue == text)
    let found = annotations(of: [document["reports"]![0]!])
    #expect(found.count == 4)
    var unitsDiffer = false
    for (_, annotation) in found {
      let start = annotation["start"]!.intValue!
      let end = annotation["end"]!.intValue!
      let quote = annotation["quote"]!.stringValue!
      #expect(F.slice(text, start, end) == quote)
      let scalars = text.unicodeScalars
      let lower = scalars.index(scalars.startIndex, offsetBy: start)
      let upper = scalars.index(scalars.startIndex, offsetBy: end)
      let utf16 = [
        text.utf16.distance(from: text.startIndex, to: lower), text.utf16.distance(from: text.startIndex, to: upper),
      ]
      let utf8 = [
        text.utf8.distance(from: text.startIndex, to: lower), text.utf8.distance(from: text.startIndex, to: upper),
      ]
      #expect(annotation["utf16"] == .array(utf16.map(JSONValue.int)))
      #expect(annotation["utf8"] == .array(utf8.map(JSONValue.int)))
      if utf16[0] != start { unitsDiffer = true }
    }
    // Without this the test would pass even if every unit were written as code points.
    #expect(unitsDiffer)
    #expect(found[3].annotation["status"] == "deleted")
    #expect(found[3].annotation["quote"] == "Latakia\r\nقال")
  }

  @Test func prefixAndSuffixAreTheTextAroundTheQuote() throws {
    let path = try F.export([F.seedBundle(), F.emojiBundle()], format: .json, context: F.context(contextLength: 10))
    for (text, annotation) in annotations(of: try F.json(path)["reports"]!.arrayValue!) {
      let start = annotation["start"]!.intValue!
      let end = annotation["end"]!.intValue!
      let prefix = annotation["prefix"]!.stringValue!.unicodeScalars.count
      let suffix = annotation["suffix"]!.stringValue!.unicodeScalars.count
      #expect(prefix <= 10 && suffix <= 10)
      #expect(start == 0 || prefix > 0)
      #expect(F.slice(text, start - prefix, start) == annotation["prefix"]!.stringValue!)
      #expect(F.slice(text, end, end + suffix) == annotation["suffix"]!.stringValue!)
    }
  }

  @Test func jsonlIsAHeaderLineThenOneReportPerLine() throws {
    let bundles = (1...25).map { id in id.isMultiple(of: 2) ? F.emojiBundle(id: id) : F.seedBundle(id: id) }
    let path = F.temporaryPath("stream.jsonl")
    var exporter = try NativeExporter(format: .jsonl, path: path, context: F.context(offsets: .all))
    for bundle in bundles { try exporter.write(bundle, text: F.reportText(bundle)) }
    // Written to a temporary name until finished, so a failed export leaves nothing under `path`.
    #expect(!FileManager.default.fileExists(atPath: path))
    let summary = try exporter.finish()
    #expect(summary.reports == 25 && summary.annotations == 13 * 5 + 12 * 4 && summary.links == 25)
    #expect(summary.bytes == F.bytes(path).count && summary.files == [path])
    let lines = F.lines(path)
    #expect(lines.count == 26)
    let header = try JSONParser.parse(lines[0])
    #expect(header["kind"] == "header")
    #expect(header["reports"] == nil)
    for (index, line) in lines.enumerated() {
      let value = try JSONParser.parse(line)
      #expect(F.schema.errors(value, definition: "jsonlLine").isEmpty, "line \(index + 1)")
      if index > 0 { #expect(value["id"] == .int(index)) }
    }
    // A report line is not a header, so the header definition alone must refuse it.
    #expect(!F.schema.errors(try JSONParser.parse(lines[1]), definition: "headerLine").isEmpty)
  }

  @Test func anEmptyExportIsStillAValidDocument() throws {
    let json = try F.json(try F.export([], format: .json))
    #expect(json["reports"] == [])
    #expect(F.schema.errors(json).isEmpty)
    #expect(F.lines(try F.export([], format: .jsonl)).count == 1)
  }

  /// Every export reads through `ReportPrefetch`, which checks each annotation with this before
  /// any exporter sees it (the end-to-end hostile-project tests run every format on such a row).
  @Test func aDriftedQuoteIsCaughtBeforeExport() throws {
    var bundle = F.seedBundle()
    bundle.annotations[2].quote = "كينو"
    #expect(throws: StoreError.self) { try bundle.annotations[2].check(against: F.reportText(bundle)) }
    bundle.annotations[2].range = TextRange(0, 1_000_000)
    #expect(throws: StoreError.self) { try bundle.annotations[2].check(against: F.reportText(bundle)) }
  }

  @Test func otherFormatsAreRefused() {
    #expect(throws: FormatError.self) { _ = try NativeExporter(format: .w3c, path: "-", context: F.context()) }
  }
}
