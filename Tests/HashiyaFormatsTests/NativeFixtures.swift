import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// Reports, bundles and files shared by the native and W3C export tests.
enum NativeFixtures {
  /// The seed report, shared with the annotator tests.
  static let seedText = SeedReport.text

  /// Emoji outside the BMP (two UTF-16 units, four UTF-8 bytes each) and CRLF line ends, so the
  /// three offset units all differ.
  static let emojiText =
    "Port update 🚢 from Latakia\r\nقال المدير “الميناء 🌊 مفتوح” اليوم.\r\nFlags: 🇸🇾 and 👩🏽‍⚕️ staff.\r\n"

  static let speakerSchema = LayerSchema(
    layer: "speaker-tagging", description: "Who speaks.",
    labels: [
      LabelSchema(
        name: "speaker", description: "A speaker.",
        attributes: [AttributeSchema(name: "name", kind: .text)]),
      LabelSchema(
        name: "quote", description: "A statement.",
        attributes: [AttributeSchema(name: "mode", kind: .enumeration(["direct", "indirect"]))]),
    ],
    linkTypes: [LinkTypeSchema(name: "said-by", from: ["quote"], to: ["speaker"], description: "")])

  static let notesSchema = LayerSchema(
    layer: "translation-notes", description: "Notes.",
    labels: [
      LabelSchema(
        name: "note", description: "A note.",
        attributes: [
          AttributeSchema(name: "translation", kind: .text, required: true, role: .note),
          AttributeSchema(name: "lang", kind: .text, defaultValue: "en", role: .language),
        ])
    ])

  static func context(offsets: ExportContext.Offsets = .scalar, contextLength: Int = 32) -> ExportContext {
    ExportContext(
      projectUID: "proj-7f3a", projectName: "team.hashiya", exportedAt: "2026-11-29T12:00:00.000Z",
      exportedBy: "amal", schemas: [speakerSchema, notesSchema], offsets: offsets, contextLength: contextLength)
  }

  /// The scalar range of the `occurrence`-th `needle` in `text`, found with `String` alone so it is
  /// an oracle independent of `ReportText`.
  static func scalarRange(of needle: String, in text: String, occurrence: Int = 0) -> TextRange {
    var from = text.startIndex
    var found: Range<String.Index>?
    for _ in 0...occurrence {
      found = text.range(of: needle, range: from..<text.endIndex)
      from = found!.upperBound
    }
    let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: found!.lowerBound)
    return TextRange(start, start + needle.unicodeScalars.count)
  }

  /// `text[range]` in code points, through `String.unicodeScalars` only.
  static func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
  }

  struct Span {
    var layer: String
    var label: String
    var needle: String
    var occurrence = 0
    var attributes: JSONObject = [:]
    var status: Annotation.Status = .active
  }

  /// A bundle whose annotations cover `spans`, with `links` and `reviews` between them by index.
  static func bundle(
    id: Int, uid: String, text: String, spans: [Span], links: [(from: Int, to: Int, type: String)] = [],
    reviews: [(on: Int, verdict: Review.Verdict, comment: String?)] = [], metadataJSON: String = "{}",
    hadBOM: Bool = false
  ) -> ReportBundle {
    let report = Report(
      id: id, uid: uid, title: "تقرير \(id)", source: id.isMultiple(of: 2) ? nil : "ANF",
      url: id.isMultiple(of: 2) ? nil : "https://example.org/\(id)", language: "ar",
      published: id.isMultiple(of: 2) ? nil : "2019-06-04", text: text, sha256: String(repeating: "0", count: 64),
      length: text.unicodeScalars.count, hadBOM: hadBOM, metadataJSON: metadataJSON,
      importedAt: "2026-11-29T09:00:00.000Z", importedBy: "amal")
    let annotations = spans.enumerated().map { index, span in
      let range = scalarRange(of: span.needle, in: text, occurrence: span.occurrence)
      return Annotation(
        id: id * 100 + index + 1, uuid: uuid(id, index), reportID: id, layer: span.layer, label: span.label,
        range: range, quote: span.needle, attributes: span.attributes,
        author: index.isMultiple(of: 2) ? "amal" : "omar",
        origin: index == 0 ? "suggested:speaker-tagging@1.0" : "manual", status: span.status,
        createdAt: "2026-11-29T10:00:0\(index % 10).000Z", updatedAt: "2026-11-29T11:00:0\(index % 10).000Z")
    }
    let linkRecords = links.enumerated().map { index, link in
      AnnotationLink(
        id: id * 100 + index + 1, uuid: uuid(id, 50 + index), type: link.type, fromID: annotations[link.from].id,
        toID: annotations[link.to].id, author: "amal", status: .active, createdAt: "2026-11-29T10:30:00.000Z")
    }
    let reviewRecords = reviews.enumerated().map { index, review in
      Review(
        id: id * 100 + index + 1, uuid: uuid(id, 80 + index), annotationID: annotations[review.on].id,
        reviewer: "lead", verdict: review.verdict, comment: review.comment, createdAt: "2026-11-29T12:30:00.000Z")
    }
    return ReportBundle(report: report, annotations: annotations, links: linkRecords, reviews: reviewRecords)
  }

  static func uuid(_ report: Int, _ index: Int) -> String {
    String(format: "%08x-0000-4000-8000-%012x", report, index)
  }

  /// The seed report with speakers, quotes linked to them, a claim-free note and a review.
  static func seedBundle(id: Int = 1) -> ReportBundle {
    bundle(
      id: id, uid: "seed-coalition-sdf", text: seedText,
      spans: [
        Span(layer: "speaker-tagging", label: "speaker", needle: "كيفين كويثي", attributes: ["name": "كيفين كويثي"]),
        Span(
          layer: "speaker-tagging", label: "quote",
          needle: "لكن هذا ليس حلاً نهائياً للمشكلة", attributes: ["mode": "direct"]),
        Span(layer: "speaker-tagging", label: "speaker", needle: "كينو كابرييل", attributes: ["name": "كينو كابرييل"]),
        Span(
          layer: "translation-notes", label: "note", needle: "قسد", occurrence: 1,
          attributes: ["translation": "SDF, Syrian Democratic Forces", "lang": "en"]),
        Span(
          layer: "translation-notes", label: "note", needle: "الخلايا النائمة",
          attributes: ["translation": "خلايا غير نشطة", "lang": "ar", "kind": "gloss"]),
      ],
      links: [(from: 1, to: 2, type: "said-by")],
      reviews: [(on: 0, verdict: .accept, comment: nil), (on: 1, verdict: .fix, comment: "يبدأ الاقتباس قبل “لكن”")],
      metadataJSON: #"{"desk": "سوريا", "tags": ["coalition", 3]}"#)
  }

  /// The emoji/CRLF report: spans that start after supplementary-plane characters and CRLFs.
  static func emojiBundle(id: Int = 2) -> ReportBundle {
    bundle(
      id: id, uid: "emoji-crlf", text: emojiText,
      spans: [
        Span(layer: "speaker-tagging", label: "speaker", needle: "المدير"),
        Span(layer: "speaker-tagging", label: "quote", needle: "الميناء 🌊 مفتوح", attributes: ["mode": "direct"]),
        Span(layer: "speaker-tagging", label: "speaker", needle: "👩🏽‍⚕️ staff"),
        Span(layer: "speaker-tagging", label: "quote", needle: "Latakia\r\nقال", status: .deleted),
      ],
      links: [(from: 1, to: 0, type: "said-by")],
      reviews: [(on: 2, verdict: .flag, comment: "emoji speaker?")])
  }

  static func reportText(_ bundle: ReportBundle) -> ReportText {
    ReportText(bundle.report.text)
  }

  /// The validator for docs/hashiya-export.schema.json, found from this file's place in the package.
  static let schema: NativeSchemaValidator = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let path = root.appendingPathComponent("docs/hashiya-export.schema.json").path
    return NativeSchemaValidator(root: try! JSONParser.parse(bytes(path)))
  }()

  // MARK: Files

  static func temporaryPath(_ name: String) -> String {
    TemporaryFolder.scratch() + "/" + name
  }

  /// Exports `bundles` to a new temporary file and returns its path.
  static func export(
    _ bundles: [ReportBundle], format: ExportFormat, context: ExportContext = context()
  ) throws -> String {
    let path = temporaryPath("export.\(format.rawValue)")
    var exporter = try NativeExporter(format: format, path: path, context: context)
    for bundle in bundles { try exporter.write(bundle, text: reportText(bundle)) }
    _ = try exporter.finish()
    return path
  }

  /// Exports `bundles` as JSONL, with `edit` applied to the parsed line `line` (1 = header).
  static func jsonl(
    _ bundles: [ReportBundle], context: ExportContext = context(), editing line: Int,
    _ edit: (inout JSONValue) -> Void
  ) throws -> String {
    let path = try export(bundles, format: .jsonl, context: context)
    var lines = lines(path)
    var value = try JSONParser.parse(lines[line - 1])
    edit(&value)
    lines[line - 1] = JSONWriter.string(value)
    write(path, lines.joined(separator: "\n") + "\n")
    return path
  }

  /// Every report of a native file, and every bad record in it.
  static func readAll(_ path: String) throws -> (reports: [ImportedReport], bad: [FormatError]) {
    var reports: [ImportedReport] = []
    var bad: [FormatError] = []
    try NativeReader.read(path: path, layer: nil, onBadRecord: { bad.append($0) }) { reports.append($0) }
    return (reports, bad)
  }

  static func bytes(_ path: String) -> [UInt8] {
    [UInt8](FileManager.default.contents(atPath: path)!)
  }

  /// Whether `needle`'s UTF-8 bytes occur in `bytes`.
  static func bytes(_ bytes: [UInt8], contain needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    guard pattern.count <= bytes.count else { return false }
    return (0...(bytes.count - pattern.count)).contains { bytes[$0..<$0 + pattern.count].elementsEqual(pattern) }
  }

  static func json(_ path: String) throws -> JSONValue {
    try JSONParser.parse(bytes(path))
  }

  /// The lines of a file, without their line feeds.
  static func lines(_ path: String) -> [String] {
    // Split on bytes: as a String, "\r\n" is one Character and would not split on "\n".
    bytes(path).split(separator: 0x0A).map { String(decoding: $0, as: UTF8.self) }
  }

  static func write(_ path: String, _ text: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
  }
}
