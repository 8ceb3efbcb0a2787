import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite struct W3CExportTests {
  typealias F = NativeFixtures

  func export(_ bundles: [ReportBundle]) throws -> (JSONValue, [UInt8], ExportSummary) {
    let path = F.temporaryPath("annotations.jsonld")
    var exporter = try W3CExporter(path: path, context: F.context())
    for bundle in bundles { try exporter.write(bundle, text: F.reportText(bundle)) }
    let summary = try exporter.finish()
    let bytes = F.bytes(path)
    return (try JSONParser.parse(bytes), bytes, summary)
  }

  /// The Web Annotation context, then Hashiya's: its prefix, and attributes under their own
  /// vocabulary with the Web Annotation terms (`type`, `id`, …) cleared.
  static let context: JSONValue = [
    "http://www.w3.org/ns/anno.jsonld",
    [
      "@version": .double(1.1), "hashiya": "urn:hashiya:vocab:",
      "hashiya:attributes": ["@context": [.null, ["@vocab": "urn:hashiya:vocab:attribute:"]]],
    ],
  ]

  func selector(_ item: JSONValue, _ type: String) -> JSONValue? {
    item["target"]?["selector"]?.arrayValue?.first { $0["type"]?.stringValue == type }
  }

  /// Checks each item's selectors against `text` through `String.unicodeScalars` alone.
  func expectSelectorsMatch(_ items: [JSONValue], text: String, spans: [ReportBundle]) throws {
    let annotations = spans.flatMap(\.annotations).filter { $0.status == .active }
    #expect(items.count == annotations.count)
    for (item, annotation) in zip(items, annotations) {
      let position = try #require(selector(item, "TextPositionSelector"))
      let quote = try #require(selector(item, "TextQuoteSelector"))
      let exact = try #require(quote["exact"]?.stringValue)
      // The fixture found this range with String.range(of:) and unicodeScalars distances.
      let expected = annotation.range
      #expect(position["start"] == .int(expected.start) && position["end"] == .int(expected.end))
      #expect(F.slice(text, position["start"]!.intValue!, position["end"]!.intValue!) == exact)
      #expect(exact == annotation.quote)
      if let prefix = quote["prefix"]?.stringValue {
        #expect(F.slice(text, expected.start - prefix.unicodeScalars.count, expected.start) == prefix)
      }
      if let suffix = quote["suffix"]?.stringValue {
        #expect(F.slice(text, expected.end, expected.end + suffix.unicodeScalars.count) == suffix)
      }
    }
  }

  @Test func seedReportIsAnAnnotationCollection() throws {
    let bundle = F.seedBundle()
    let (collection, bytes, summary) = try export([bundle])
    #expect(collection["@context"] == Self.context)
    #expect(collection["id"] == "urn:hashiya:proj-7f3a:collection")
    #expect(collection["type"] == "AnnotationCollection")
    #expect(collection["label"]?.stringValue?.contains("team.hashiya") == true)
    #expect(collection["first"]?["type"] == "AnnotationPage")
    let items = try #require(collection["first"]?["items"]?.arrayValue)
    #expect(collection["total"] == .int(items.count) && summary.annotations == items.count)
    #expect(summary.links == 1 && summary.reports == 1)
    #expect(!F.bytes(bytes, contain: #"\u06"#))
    try expectSelectorsMatch(items, text: F.seedText, spans: [bundle])
    for (item, annotation) in zip(items, bundle.annotations) {
      #expect(item["@context"] == Self.context)
      #expect(item["id"] == .string("urn:uuid:" + annotation.uuid))
      #expect(item["type"] == "Annotation")
      #expect(item["creator"] == ["type": "Person", "nickname": .string(annotation.author)])
      #expect(item["created"] == .string(annotation.createdAt) && item["modified"] == .string(annotation.updatedAt))
      #expect(item["target"]?["source"] == "urn:hashiya:proj-7f3a:report:seed-coalition-sdf")
      #expect(item["body"]?[0] == ["type": "TextualBody", "purpose": "tagging", "value": .string(annotation.label)])
      #expect(item["hashiya:layer"] == .string(annotation.layer))
      #expect(item["hashiya:attributes"] == .object(annotation.attributes))
    }
    #expect(items[0]["motivation"] == "tagging")
    // The quote is said by the second speaker: a linking body pointing at its annotation.
    #expect(
      items[1]["body"]?[1]
        == [
          "type": "SpecificResource", "purpose": "linking", "source": .string("urn:uuid:" + F.uuid(1, 2)),
          "hashiya:linkType": "said-by",
        ])
  }

  @Test func notesAreCommentsWithLanguageAndDirection() throws {
    let (collection, _, _) = try export([F.seedBundle()])
    let items = try #require(collection["first"]?["items"]?.arrayValue)
    let english = items[3]
    #expect(english["motivation"] == "commenting")
    #expect(
      english["body"]?[1]
        == [
          "type": "TextualBody", "purpose": "commenting", "value": "SDF, Syrian Democratic Forces",
          "format": "text/plain", "language": "en",
        ])
    let arabic = items[4]
    #expect(arabic["body"]?[1]?["value"] == "خلايا غير نشطة")
    #expect(arabic["body"]?[1]?["language"] == "ar")
    #expect(arabic["body"]?[1]?["textDirection"] == "rtl" && arabic["body"]?[1]?["dir"] == nil)
    #expect(TextDirection.of("SDF (قسد)") == .ltr)
    #expect(TextDirection.of("«قسد» SDF") == .rtl)
    #expect(TextDirection.of("١٢٠ 🙂") == nil)
  }

  @Test func emojiAndCRLFPositionsAreCodePoints() throws {
    let bundle = F.emojiBundle()
    let (collection, _, summary) = try export([bundle])
    let items = try #require(collection["first"]?["items"]?.arrayValue)
    // The deleted annotation is a tombstone: left out, and counted nowhere.
    #expect(items.count == 3 && summary.annotations == 3)
    try expectSelectorsMatch(items, text: F.emojiText, spans: [bundle])
    // Code points, not UTF-16: the emoji before the span make the two differ.
    let start = try #require(selector(items[2], "TextPositionSelector")?["start"]?.intValue)
    let text = F.emojiText
    let lower = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: start)
    #expect(text.utf16.distance(from: text.startIndex, to: lower) > start)
  }

  @Test func manyReportsStreamIntoOnePage() throws {
    let bundles = (1...6).map { $0.isMultiple(of: 2) ? F.emojiBundle(id: $0) : F.seedBundle(id: $0) }
    let (collection, _, summary) = try export(bundles)
    #expect(collection["total"] == .int(3 * 5 + 3 * 3))
    #expect(summary.reports == 6 && summary.links == 6)
    let sources = Set(collection["first"]!["items"]!.arrayValue!.compactMap { $0["target"]?["source"]?.stringValue })
    #expect(sources == ["urn:hashiya:proj-7f3a:report:seed-coalition-sdf", "urn:hashiya:proj-7f3a:report:emoji-crlf"])
  }

  @Test func anEmptyCollectionIsValidJSON() throws {
    let (collection, _, _) = try export([])
    #expect(collection["total"] == 0 && collection["first"]?["items"] == [])
  }
}
