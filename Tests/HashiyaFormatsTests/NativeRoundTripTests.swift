import AnnotatorKit
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// bundles → NativeExporter → NativeReader → ImportedReports keep every field the store needs back.
@Suite struct NativeRoundTripTests {
  typealias F = NativeFixtures

  func read(_ path: String) throws -> (header: NativeHeader?, reports: [ImportedReport], bad: [FormatError]) {
    var header: NativeHeader?
    var reports: [ImportedReport] = []
    var bad: [FormatError] = []
    try NativeReader.read(
      path: path, onHeader: { header = $0 }, onBadRecord: { bad.append($0) }, { reports.append($0) })
    return (header, reports, bad)
  }

  @Test(arguments: [ExportFormat.json, .jsonl], [ExportContext.Offsets.scalar, .all])
  func roundTripKeepsEveryField(format: ExportFormat, offsets: ExportContext.Offsets) throws {
    let bundles = [F.seedBundle(id: 1), F.emojiBundle(id: 2), F.seedBundle(id: 3)]
    let path = try F.export(bundles, format: format, context: F.context(offsets: offsets))
    #expect(try NativeReader.kind(path: path) == (format == .json ? .json : .jsonl))
    let (header, reports, bad) = try read(path)
    #expect(bad.isEmpty, "\(bad)")
    #expect(header?.schemas == [F.speakerSchema, F.notesSchema])
    #expect(
      header?.project
        == .init(
          uid: "proj-7f3a", name: "team.hashiya", exportedAt: "2026-11-29T12:00:00.000Z", exportedBy: "amal",
          gold: false))
    #expect(try NativeReader.readHeader(path: path) == header)
    #expect(reports.count == bundles.count)
    for (bundle, imported) in zip(bundles, reports) {
      let report = bundle.report
      let new = imported.report
      #expect(new.uid == report.uid && new.title == report.title && new.text == report.text)
      #expect(new.language == report.language && new.source == report.source && new.url == report.url)
      #expect(new.published == report.published && new.hadBOM == report.hadBOM)
      #expect(try JSONParser.parse(new.metadataJSON) == JSONParser.parse(report.metadataJSON))
      #expect(imported.annotations.count == bundle.annotations.count)
      for (annotation, back) in zip(bundle.annotations, imported.annotations) {
        #expect(back.key == annotation.uuid && back.uuid == annotation.uuid && back.handle == annotation.id)
        #expect(back.layer == annotation.layer && back.label == annotation.label && back.range == annotation.range)
        #expect(back.quote == annotation.quote && back.attributes == annotation.attributes)
        #expect(
          back.author == annotation.author && back.origin == annotation.origin && back.status == annotation.status)
        #expect(back.createdAt == annotation.createdAt && back.updatedAt == annotation.updatedAt)
      }
      let uuidByHandle = Dictionary(uniqueKeysWithValues: bundle.annotations.map { ($0.id, $0.uuid) })
      #expect(imported.links.count == bundle.links.count)
      for (link, back) in zip(bundle.links, imported.links) {
        #expect(back.uuid == link.uuid && back.type == link.type && back.author == link.author)
        #expect(back.from == uuidByHandle[link.fromID] && back.to == uuidByHandle[link.toID])
        #expect(back.status == link.status && back.createdAt == link.createdAt)
      }
      #expect(imported.reviews.count == bundle.reviews.count)
      for (review, back) in zip(bundle.reviews, imported.reviews) {
        #expect(back.uuid == review.uuid && back.annotation == uuidByHandle[review.annotationID])
        #expect(back.reviewer == review.reviewer && back.verdict == review.verdict)
        #expect(back.comment == review.comment && back.createdAt == review.createdAt)
      }
    }
  }

  @Test func aCompactOneLineDocumentIsReadAsJSON() throws {
    let path = try F.export([F.seedBundle()], format: .json)
    let compact = JSONWriter.string(try F.json(path))
    let onLine = F.temporaryPath("compact.json")
    F.write(onLine, compact)
    #expect(try NativeReader.kind(path: onLine) == .json)
    #expect(try read(onLine).reports.count == 1)
  }

  @Test func theProtocolEntryPointReadsTheSameReports() throws {
    let path = try F.export([F.seedBundle(), F.emojiBundle()], format: .jsonl)
    var count = 0
    try NativeReader.read(path: path, layer: "ignored", onBadRecord: { throw $0 }) { _ in count += 1 }
    #expect(count == 2)
  }
}
