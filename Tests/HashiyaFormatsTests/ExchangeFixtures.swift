import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore

@testable import HashiyaFormats

/// Reports, schemas and helpers shared by the exchange-format and HTML tests.
enum ExchangeFixtures {
  /// The seed report, shared with the annotator tests.
  static let seedText = SeedReport.text

  /// Emoji outside the BMP (two UTF-16 units, one scalar) and CRLF line ends, where offset units differ.
  static let emojiText = "Hi 👋🏽 there, 😀 friends\r\nقال 🇸🇾 المتحدث: \"نعم\"\r\nend 🎉 line"

  static let schemas = [
    LayerSchema(
      layer: "speaker-tagging", description: "Speakers and quotes.",
      labels: [
        LabelSchema(
          name: "speaker", description: "A speaker.", colour: "magenta",
          attributes: [AttributeSchema(name: "name", kind: .text)]),
        LabelSchema(
          name: "quote", description: "A quote.", colour: "yellow",
          attributes: [AttributeSchema(name: "mode", kind: .enumeration(["direct", "indirect"]))]),
      ],
      linkTypes: [LinkTypeSchema(name: "said-by", from: ["quote"], to: ["speaker"])]),
    LayerSchema(
      layer: "translation-notes", description: "Notes.",
      labels: [
        LabelSchema(
          name: "note", description: "A note.", colour: "green",
          attributes: [
            AttributeSchema(name: "translation", kind: .text, role: .note),
            AttributeSchema(name: "checked", kind: .boolean),
          ])
      ]),
  ]

  static let context = ExportContext(
    projectUID: "p-1", projectName: "team.hashiya", exportedAt: "2025-01-01T00:00:00Z", exportedBy: "tester",
    schemas: schemas)

  /// One span to put on a report: `needle`'s `occurrence`-th match (0-based) in scalar offsets.
  struct Span {
    var handle: Int
    var layer: String
    var label: String
    var needle: String
    var occurrence = 0
    var author = "amira"
    var attributes: JSONObject = [:]
  }

  /// The scalar range of the `occurrence`-th match of `needle` in `text`.
  static func range(of needle: String, in text: String, occurrence: Int = 0) -> TextRange {
    let scalars = Array(text.unicodeScalars)
    let pattern = Array(needle.unicodeScalars)
    var found = -1
    for start in 0...(scalars.count - pattern.count) where Array(scalars[start..<start + pattern.count]) == pattern {
      found += 1
      if found == occurrence { return TextRange(start, start + pattern.count) }
    }
    fatalError("\(needle) not in text")
  }

  static func bundle(
    id: Int = 1, uid: String = "seed-report", text: String, spans: [Span], links: [(Int, String, Int)] = [],
    reviews: [Review] = []
  ) -> ReportBundle {
    let reportText = ReportText(text)
    let report = Report(
      id: id, uid: uid, title: "Coalition press conference", language: "ar", text: text,
      sha256: String(repeating: "ab", count: 32), length: reportText.count, importedAt: "2025-01-01T00:00:00Z",
      importedBy: "tester")
    let annotations = spans.map { span in
      let range = range(of: span.needle, in: text, occurrence: span.occurrence)
      return Annotation(
        id: span.handle, uuid: "uuid-\(span.handle)", reportID: id, layer: span.layer, label: span.label, range: range,
        quote: reportText.substring(range), attributes: span.attributes, author: span.author, origin: "manual",
        status: .active, createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z")
    }
    let linkRecords = links.enumerated().map { index, link in
      AnnotationLink(
        id: 100 + index, uuid: "link-\(index)", type: link.1, fromID: link.0, toID: link.2, author: "amira",
        status: .active, createdAt: "2025-01-01T00:00:00Z")
    }
    return ReportBundle(report: report, annotations: annotations, links: linkRecords, reviews: reviews)
  }

  /// The seed report with speakers, a quote linked to its speaker, a translation note and a second annotator.
  static func seedBundle() -> ReportBundle {
    bundle(
      text: seedText,
      spans: [
        Span(
          handle: 1, layer: "speaker-tagging", label: "speaker", needle: "كيفين كويثي",
          attributes: ["name": "كيفين كويثي"]),
        Span(
          handle: 2, layer: "speaker-tagging", label: "quote", needle: "على استمرارية مهمتهم في القضاء على تنظيم داعش",
          attributes: ["mode": "indirect"]),
        Span(
          handle: 3, layer: "translation-notes", label: "note", needle: "قسد",
          attributes: ["translation": "SDF, Syrian Democratic Forces", "checked": true]),
        Span(handle: 4, layer: "speaker-tagging", label: "speaker", needle: "كينو كابرييل", author: "omar"),
        Span(
          handle: 5, layer: "speaker-tagging", label: "quote",
          needle: "لكن هذا ليس حلاً نهائياً للمشكلة", author: "omar", attributes: ["mode": "direct"]),
        Span(handle: 6, layer: "speaker-tagging", label: "speaker", needle: "كويثي", occurrence: 1, author: "omar"),
      ],
      links: [(2, "said-by", 1), (5, "said-by", 4)])
  }

  /// The emoji/CRLF report with spans that start after astral characters and one that crosses a line end.
  static func emojiBundle() -> ReportBundle {
    bundle(
      id: 2, uid: "emoji", text: emojiText,
      spans: [
        Span(handle: 10, layer: "speaker-tagging", label: "speaker", needle: "friends"),
        Span(handle: 11, layer: "speaker-tagging", label: "quote", needle: "المتحدث"),
        Span(handle: 12, layer: "speaker-tagging", label: "quote", needle: "😀 friends\r\nقال 🇸🇾"),
        Span(handle: 13, layer: "translation-notes", label: "note", needle: "🎉", attributes: ["translation": "party"]),
      ],
      links: [(11, "said-by", 10)])
  }

  /// A fresh empty folder, removed when the tests end.
  static func temporaryFolder() -> String {
    TemporaryFolder.scratch()
  }

  /// The folder a file is in.
  static func temporaryFolderOf(_ path: String) -> String {
    (path as NSString).deletingLastPathComponent
  }

  /// Exports `bundles` with `exporter`, in order.
  static func export<E: ReportExporter>(_ bundles: [ReportBundle], with exporter: inout E) throws -> ExportSummary {
    for bundle in bundles { try exporter.write(bundle, text: ReportText(bundle.report.text)) }
    return try exporter.finish()
  }

  /// Everything a reader yields, with the bad records it reported (skipping them, as `--skip-bad` does).
  static func read<R: AnnotatedFileReader>(_ reader: R.Type, path: String, layer: String?) throws
    -> ([ImportedReport], [FormatError])
  {
    var reports: [ImportedReport] = []
    var errors: [FormatError] = []
    try reader.read(path: path, layer: layer, onBadRecord: { errors.append($0) }) { reports.append($0) }
    return (reports, errors)
  }

  /// The spans of a bundle as comparable tuples: label, start, end.
  static func spans(_ bundle: ReportBundle) -> [String] {
    bundle.annotations.map { "\($0.label) \($0.range.start) \($0.range.end)" }.sorted()
  }

  static func spans(_ report: ImportedReport) -> [String] {
    report.annotations.map { "\($0.label) \($0.range.start) \($0.range.end)" }.sorted()
  }

  /// Links as `type from-span → to-span`, independent of how each format keys its spans.
  static func links(_ bundle: ReportBundle) -> [String] {
    let byID = Dictionary(uniqueKeysWithValues: bundle.annotations.map { ($0.id, "\($0.range.start)-\($0.range.end)") })
    return bundle.links.map { "\($0.type) \(byID[$0.fromID]!) \(byID[$0.toID]!)" }.sorted()
  }

  static func links(_ report: ImportedReport) -> [String] {
    let byKey = Dictionary(
      uniqueKeysWithValues: report.annotations.map { ($0.key, "\($0.range.start)-\($0.range.end)") })
    return report.links.map { "\($0.type) \(byKey[$0.from] ?? "?") \(byKey[$0.to] ?? "?")" }.sorted()
  }

  static func write(_ text: String, to path: String) {
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
}
