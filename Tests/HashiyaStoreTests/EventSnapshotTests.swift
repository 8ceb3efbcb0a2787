import AnnotatorKit
import Testing

@testable import HashiyaModel

/// The states events record are written straight to text, and that text is the JSON of the
/// fields the log has always recorded, in their order, byte for byte: logs written before and
/// after, and by file and server, compare equal in merges.
@Suite struct EventSnapshotTests {
  static func annotation(quote: String, attributes: JSONObject, fragments: [SpanFragment]) -> Annotation {
    Annotation(
      id: 42, uuid: "01a2427e-b339-7008-82af-98448c57a015", reportID: 7, layer: "speaker-tagging",
      label: "متحدث \"رسمي\"", range: TextRange(3, 3 + quote.unicodeScalars.count), quote: quote,
      attributes: attributes, author: "amal", origin: "suggested:speaker-tagging@1", status: .deleted,
      createdAt: "2026-12-04T10:00:00.000Z", updatedAt: "2026-12-04T10:00:01.000Z", fragments: fragments)
  }

  static let annotations = [
    annotation(quote: "كيفين كويثي", attributes: [:], fragments: []),
    annotation(
      quote: "أنّهم درّبوا 🌍 🇸🇾", attributes: ["note": .string("سطر\r\nثانٍ\t\\ \"مقتبس\" \u{1}"), "rank": .int(-3)],
      fragments: [SpanFragment(range: TextRange(20, 25), quote: "مُقاتِل")]),
    annotation(
      quote: "line one\r\nline two",
      attributes: ["nested": .object(["list": .array([.bool(true), .null, .double(0.5)])]), "ميزة": .string("𝔸")],
      fragments: []),
  ]

  /// The fields as the log recorded them when they were built as a JSON value.
  static func recorded(_ a: Annotation) -> JSONValue {
    var object: JSONObject = [
      "handle": .int(a.id), "uuid": .string(a.uuid), "report": .int(a.reportID), "layer": .string(a.layer),
      "label": .string(a.label), "start": .int(a.range.start), "end": .int(a.range.end), "quote": .string(a.quote),
      "attributes": .object(a.attributes), "origin": .string(a.origin), "status": .string(a.status.rawValue),
    ]
    if !a.fragments.isEmpty { object["fragments"] = SpanFragment.json(a.fragments) }
    return .object(object)
  }

  @Test(arguments: annotations)
  func anAnnotationsStateIsTheJSONOfItsFields(_ annotation: Annotation) throws {
    let state = EventSnapshot.of(annotation)
    #expect(state.text == JSONWriter.string(Self.recorded(annotation)))
    #expect(try JSONParser.parse(state.text) == Self.recorded(annotation))
  }

  @Test func aLinksStateIsTheJSONOfItsFields() throws {
    let link = AnnotationLink(
      id: 3, uuid: "01a2427e-b339-7008-82af-98448c57a016", type: "قال-\"عن\"", fromID: 42, toID: 43, author: "karim",
      status: .active, createdAt: "2026-12-04T10:00:00.000Z")
    let recorded: JSONValue = .object([
      "uuid": .string(link.uuid), "type": .string(link.type), "from": .int(42), "to": .int(43),
      "status": .string("active"),
    ])
    #expect(EventSnapshot.of(link).text == JSONWriter.string(recorded))
  }

  @Test(arguments: [
    ("claim-labeling", "ادعاء \"مُوثَّق\"", "accepted", "suggested:claim-labeling@1"),
    ("speaker-tagging", "متحدث\r\n🎙️", "rejected", "process:نسخة 𝔸\t\\"),
  ])
  func aDecisionsStateIsTheJSONOfItsFields(layer: String, label: String, verdict: String, origin: String) throws {
    let decision = SuggestionDecision(
      reportID: 7, layer: layer, label: label, range: TextRange(12, 30), verdict: .accepted)
    let recorded: JSONValue = .object([
      "layer": .string(layer), "label": .string(label), "start": .int(12), "end": .int(30),
      "decision": .string(verdict), "origin": .string(origin),
    ])
    let state = SuggestionDecision.eventState(decision, verdict: verdict, origin: origin)
    #expect(state.text == JSONWriter.string(recorded))
    #expect(SuggestionDecision.key(try JSONParser.parse(state.text))?.range == TextRange(12, 30))
  }
}
