import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// A project exported in each format and imported into an empty project that loads no plugins:
/// the same annotations come back (offsets, labels, layers, authors, gold, attributes and links),
/// or exactly the loss the format documents.
@Suite struct ExchangeRoundTripTests {
  typealias X = ExchangeFixtures
  let folder = TemporaryFolder()

  /// Arabic with diacritics and a shadda, an emoji outside the BMP with a skin tone, combining
  /// accents on Latin letters and CRLF line ends.
  static let markedText =
    "قالَ المُتَحَدِّثُ 🧕🏽 إنّ «الهُدنةَ صامدة»\r\nCafe\u{301} 👋 said: \"the de\u{301}tente holds\"\r\nend"

  /// The project: three reports, annotators amira and omar on two layers with attributes and
  /// links, and spans lead adjudicated.
  static func project() -> [ReportBundle] {
    var marked = X.bundle(
      id: 3, uid: "marked", text: markedText,
      spans: [
        X.Span(
          handle: 20, layer: "speaker-tagging", label: "speaker", needle: "المُتَحَدِّثُ",
          attributes: ["name": "المُتَحَدِّثُ"]),
        X.Span(
          handle: 21, layer: "speaker-tagging", label: "quote", needle: "«الهُدنةَ صامدة»",
          attributes: ["mode": "direct"]),
        X.Span(
          handle: 22, layer: "translation-notes", label: "note", needle: "Cafe\u{301}", author: "omar",
          attributes: ["translation": "café 🍵", "checked": true]),
        X.Span(
          handle: 23, layer: "speaker-tagging", label: "quote", needle: "the de\u{301}tente holds", author: "omar",
          attributes: ["mode": "indirect"]),
        X.Span(handle: 24, layer: "speaker-tagging", label: "speaker", needle: "🧕🏽", author: "omar"),
        X.Span(
          handle: 25, layer: "speaker-tagging", label: "speaker", needle: "المُتَحَدِّثُ", author: "lead",
          attributes: ["name": "المتحدث"]),
        X.Span(
          handle: 26, layer: "translation-notes", label: "note", needle: "Cafe\u{301}", author: "lead",
          attributes: ["translation": "café", "checked": false]),
      ],
      links: [(21, "said-by", 20), (23, "said-by", 24)])
    for index in marked.annotations.indices where marked.annotations[index].author == "lead" {
      marked.annotations[index].origin = "adjudicated"
    }
    // The quotation goes on after the English line: one span in two pieces.
    let count = markedText.unicodeScalars.count
    for index in marked.annotations.indices where marked.annotations[index].id == 21 {
      marked.annotations[index].fragments = [SpanFragment(range: TextRange(count - 3, count), quote: "end")]
    }
    // Link UUIDs unique across the project, as a project's are.
    return [X.seedBundle(), X.emojiBundle(), marked].map { bundle in
      var bundle = bundle
      for index in bundle.links.indices { bundle.links[index].uuid = "link-\(bundle.report.id)-\(index)" }
      return bundle
    }
  }

  /// Exports `bundles` as `format` to a file in this test's folder.
  func export(_ bundles: [ReportBundle], as format: ExportFormat, gold: Bool = false) throws -> String {
    let path = folder.path("out.\(format.rawValue)")
    var context = X.context
    context.gold = gold
    var exporter = try ExporterFactory.make(ExportDestination(path, format: format), context: context)
    for bundle in bundles { try exporter.write(bundle, text: ReportText(bundle.report.text)) }
    _ = try exporter.finish()
    return path
  }

  /// Imports `path` into a new project knowing only `known` layers, and what it holds then.
  func importing(_ path: String, as format: ExportFormat, known: [LayerSchema] = []) throws
    -> (bundles: [ReportBundle], summary: AnnotatedImport.Summary)
  {
    let store = try ProjectStore.open(path: folder.path("\(format.rawValue)-\(UUID().uuidString).hashiya"))
    let summary = try AnnotatedImport.run(
      paths: [path], options: AnnotatedImport.Options(format: format), store: store, author: "importer",
      knownSchemas: Dictionary(uniqueKeysWithValues: known.map { ($0.layer, $0) }))
    var bundles: [ReportBundle] = []
    try store.forEachReport(ExportSelection()) { bundles.append($0) }
    return (bundles, summary)
  }

  /// A report's live annotations as comparable lines: text, offsets, layer, label, author, gold,
  /// and the attributes when `attributes`.
  static func annotations(_ bundles: [ReportBundle], attributes: Bool = true) -> [String: [String]] {
    var byText: [String: [String]] = [:]
    for bundle in bundles {
      byText[bundle.report.text, default: []] += bundle.annotations.filter { $0.status == .active }.map {
        let gold = $0.origin == "adjudicated" ? "gold" : "own"
        let values =
          attributes ? JSONWriter.string(.object(JSONObject($0.attributes.pairs.sorted { $0.key < $1.key }))) : ""
        let pieces = $0.fragments.map { " + \($0.quote) \($0.range.start)-\($0.range.end)" }.joined()
        return
          "\($0.quote) \($0.range.start)-\($0.range.end)\(pieces) \($0.layer)/\($0.label) \($0.author) \(gold) \(values)"
      }
    }
    return byText.mapValues { $0.sorted() }
  }

  static func links(_ bundles: [ReportBundle]) -> [String: [String]] {
    Dictionary(uniqueKeysWithValues: bundles.map { ($0.report.text, X.links($0)) })
  }

  @Test(arguments: [ExportFormat.json, .jsonl, .labelstudio])
  func everythingComesBack(format: ExportFormat) throws {
    let original = Self.project()
    #expect(original.contains { $0.annotations.contains { !$0.fragments.isEmpty } }, "a span in pieces goes through")
    let (back, summary) = try importing(try export(original, as: format), as: format)
    #expect(summary.skipped.isEmpty)
    #expect(back.count == original.count)
    #expect(Self.annotations(back) == Self.annotations(original))
    #expect(Self.links(back) == Self.links(original))
    #expect(Set(summary.schemas.map(\.layer)) == ["speaker-tagging", "translation-notes"])
  }

  @Test func labelStudioKeepsTheAttributeKindsButNotTheirRoles() throws {
    let original = Self.project()
    let (_, summary) = try importing(try export(original, as: .labelstudio), as: .labelstudio)
    for schema in X.schemas {
      let back = try #require(summary.schemas.first { $0.layer == schema.layer })
      #expect(back.labels.map(\.name) == schema.labels.map(\.name))
      #expect(back.labels.map(\.colour) == schema.labels.map(\.colour))
      for (label, restored) in zip(schema.labels, back.labels) {
        #expect(restored.attributes.map(\.name) == label.attributes.map(\.name))
        #expect(restored.attributes.map(\.kind) == label.attributes.map(\.kind))
        #expect(restored.attributes.allSatisfy { $0.role == nil })
      }
    }
    // Label Studio ties relations to no label or layer: each relation type joins any two labels of every layer.
    for back in summary.schemas {
      #expect(back.linkTypes.map(\.name) == ["said-by"])
      #expect(back.linkTypes.allSatisfy { $0.from == back.labels.map(\.name) && $0.to == $0.from })
    }
  }

  @Test func doccanoKeepsAllButAttributes() throws {
    let original = Self.project()
    let (back, summary) = try importing(try export(original, as: .doccano), as: .doccano)
    #expect(summary.skipped.isEmpty)
    #expect(Self.annotations(back, attributes: false) == Self.annotations(original, attributes: false))
    // doccano has no place for attributes: the documented loss.
    #expect(original.contains { $0.annotations.contains { !$0.attributes.isEmpty } })
    #expect(back.allSatisfy { $0.annotations.allSatisfy { $0.attributes.isEmpty } })
    #expect(Self.links(back) == Self.links(original))
    let labels = summary.schemas.map { "\($0.layer): \($0.labels.map(\.name).joined(separator: ","))" }.sorted()
    #expect(labels == ["speaker-tagging: speaker,quote", "translation-notes: note"])
  }

  @Test func prodigyKeepsAllButLinks() throws {
    let original = Self.project()
    // Prodigy has no label config of its own, so its layers come from the plugins.
    let (back, summary) = try importing(try export(original, as: .prodigy), as: .prodigy, known: X.schemas)
    #expect(summary.skipped.isEmpty)
    #expect(Self.annotations(back) == Self.annotations(original))
    // Prodigy's spans have no relations: the documented loss.
    #expect(original.contains { !$0.links.isEmpty })
    #expect(back.allSatisfy { $0.links.isEmpty })
  }

  @Test(arguments: [ExportFormat.doccano, .labelstudio, .prodigy])
  func aGoldExportHoldsOnlyTheAdjudicatedSpans(format: ExportFormat) throws {
    let original = Self.project()
    let (back, _) = try importing(try export(original, as: format, gold: true), as: format, known: X.schemas)
    let all = Self.annotations(back, attributes: format != .doccano).values.flatMap { $0 }
    let gold = Self.annotations(original, attributes: format != .doccano).values.flatMap { $0 }.filter {
      $0.contains(" lead gold ")
    }
    #expect(gold.count == 2)
    #expect(all.sorted() == gold.sorted())
  }

  @Test func aReportNobodyAnnotatedComesBackBare() throws {
    let bare = X.bundle(id: 4, uid: "bare", text: Self.markedText + " bare", spans: [])
    for format in [ExportFormat.doccano, .labelstudio, .prodigy] {
      let (back, _) = try importing(try export([bare], as: format), as: format)
      #expect(back.map(\.report.text) == [bare.report.text], "\(format)")
      #expect(back.first?.annotations.isEmpty == true)
    }
  }
}
