import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// A native export's review work imported into a project and read back as the next export would:
/// decisions by UUID with their annotations mapped to local handles, the newer review state and
/// the later suggestion decision kept, tombstones kept, and all of it or nothing.
@Suite struct NativeReviewWorkImportTests {
  typealias F = NativeFixtures
  let folder = TemporaryFolder()

  func store(_ name: String = "p.hashiya") throws -> ProjectStore {
    try ProjectStore.open(path: folder.path(name))
  }

  @discardableResult
  func importing(_ bundles: [ReportBundle], format: ExportFormat = .jsonl, into store: ProjectStore) throws
    -> AnnotatedImportOutcome
  {
    let path = try F.export(bundles, format: format)
    return try AnnotatedImport.run(
      paths: [path], options: AnnotatedImport.Options(), store: store, author: "importer", knownSchemas: [:]
    ).outcome
  }

  /// What the next export of `store` would hold, tombstones included.
  func exported(_ store: ProjectStore) throws -> [ReportBundle] {
    var bundles: [ReportBundle] = []
    try store.forEachReport(ExportSelection(includeDeleted: true)) { bundles.append($0) }
    return bundles
  }

  @Test(arguments: [ExportFormat.json, .jsonl])
  func theReviewWorkComesBackAsItWasExported(format: ExportFormat) throws {
    let originals = [F.reviewedSeedBundle(id: 1), F.reviewedEmojiBundle(id: 2)]
    let project = try store()
    let outcome = try importing(originals, format: format, into: project)
    #expect(outcome.reviewDecisions == 4 && outcome.reviewStates == 3 && outcome.suggestionDecisions == 3)
    let bundles = try exported(project)
    #expect(bundles.count == 2)
    for (original, back) in zip(originals, bundles) {
      let originalUUIDs = Dictionary(uniqueKeysWithValues: original.annotations.map { ($0.id, $0.uuid) })
      let localUUIDs = Dictionary(uniqueKeysWithValues: back.annotations.map { ($0.id, $0.uuid) })
      #expect(back.reviewDecisions.count == original.reviewDecisions.count)
      for (record, restored) in zip(original.reviewDecisions, back.reviewDecisions) {
        #expect(restored.uuid == record.uuid && restored.decidedAt == record.decidedAt)
        #expect(restored.status == record.status)
        var expected = record.decision
        expected.reportID = back.report.id
        expected.annotationID = restored.decision.annotationID
        #expect(restored.decision == expected)
        // The adjudicated annotation is found again by UUID, under its local handle.
        #expect(
          restored.decision.annotationID.flatMap { localUUIDs[$0] }
            == record.decision.annotationID.flatMap { originalUUIDs[$0] })
      }
      #expect(back.reviewStates == original.reviewStates)
      #expect(back.suggestionDecisions == original.suggestionDecisions)
    }
    // The review queue and `reports` read what was restored.
    let standing = try project.reviewDecisions(reportIDs: [1, 2], layer: nil)
    #expect(standing.map(\.outcome) == [.accepted, .rejected, .accepted])
    #expect(standing.first?.comment == "الاسم كاملاً 🚢، لا اللقب وحده")
    #expect(try project.reviewStates(reportIDs: [1, 2]) == [1: "in-review", 2: "settled"])
    let rejected = try project.suggestionDecisions(reportIDs: [1, 2]).filter { $0.verdict == .rejected }
    #expect(rejected.map(\.layer).sorted() == ["speaker-tagging", "speaker-tagging"])
    // The tombstone stays one.
    let emoji = try #require(bundles.last)
    #expect(emoji.annotations.filter { $0.status == .deleted }.map(\.quote) == ["Latakia\r\nقال"])
  }

  @Test func importingTheSameFileAgainChangesNothing() throws {
    let project = try store()
    try importing([F.reviewedSeedBundle()], into: project)
    let before = try exported(project)
    let again = try importing([F.reviewedSeedBundle()], into: project)
    #expect(again.reviewDecisions == 0 && again.reviewStates == 0 && again.suggestionDecisions == 0)
    // Five annotations, two reviews, one link and three decisions were already here.
    #expect(again.alreadyPresent == 11)
    let after = try exported(project)
    #expect(after[0].reviewDecisions == before[0].reviewDecisions)
    #expect(after[0].reviewStates == before[0].reviewStates)
    #expect(after[0].suggestionDecisions == before[0].suggestionDecisions)
  }

  @Test func theNewerReviewStateAndTheLaterSuggestionDecisionWin() throws {
    let project = try store()
    try importing([F.reviewedSeedBundle()], into: project)
    let span = F.scalarRange(of: "الخلايا النائمة", in: F.seedText)

    // Older than what the project holds (amal's own decision on that candidate): left as it is.
    var older = F.reviewedSeedBundle()
    older.reviewStates = [
      ReviewStateRecord(layer: "speaker-tagging", state: .inReview, units: 5, updatedAt: "2026-11-29T00:00:00.000Z")
    ]
    older.suggestionDecisions = [
      SuggestionDecisionRecord(
        layer: "speaker-tagging", label: "quote", range: span, verdict: .accepted,
        origin: "suggested:speaker-tagging@0.9.0", author: "amal", decidedAt: "2026-11-29T00:00:00.000Z")
    ]
    let kept = try importing([older], into: project)
    #expect(kept.reviewStates == 0 && kept.suggestionDecisions == 0)
    var bundle = try #require(try exported(project).first)
    #expect(bundle.reviewStates.first { $0.layer == "speaker-tagging" }?.units == 1)
    #expect(bundle.suggestionDecisions.first { $0.range == span }?.verdict == .rejected)

    // Newer: replaces it.
    var newer = older
    newer.reviewStates[0].updatedAt = "2026-12-01T00:00:00.000Z"
    newer.suggestionDecisions[0].decidedAt = "2026-12-01T00:00:00.000Z"
    let taken = try importing([newer], into: project)
    #expect(taken.reviewStates == 1 && taken.suggestionDecisions == 1)
    bundle = try #require(try exported(project).first)
    let state = try #require(bundle.reviewStates.first { $0.layer == "speaker-tagging" })
    #expect(state.units == 5 && state.updatedAt == "2026-12-01T00:00:00.000Z")
    // One decision of five units stands now.
    #expect(state.state == .inReview)
    #expect(bundle.suggestionDecisions.first { $0.range == span } == newer.suggestionDecisions[0])
  }

  @Test func aBadDecisionInAnyReportLeavesTheProjectAsItWas() throws {
    let project = try store()
    let path = try F.export([F.reviewedSeedBundle(id: 1), F.reviewedEmojiBundle(id: 2)], format: .jsonl)
    var lines = F.lines(path)
    var report = try JSONParser.parse(lines[2])
    NativeReaderTests.set(&report, ["reviewDecisions", 0, "decision"], "maybe")
    lines[2] = JSONWriter.string(report)
    F.write(path, lines.joined(separator: "\n") + "\n")
    #expect(throws: FormatError.self) {
      try AnnotatedImport.run(
        paths: [path], options: AnnotatedImport.Options(), store: project, author: "importer", knownSchemas: [:])
    }
    #expect(try exported(project).isEmpty)
  }

  @Test func aDecisionOnAnAnnotationNeitherImportedNorHereIsRefused() throws {
    let project = try store()
    var imported = ImportedReport(
      report: NewReport(uid: "r1", title: "t", text: F.emojiText, language: "ar"), location: "f.jsonl:2")
    imported.reviewDecisions = [
      ImportedReviewDecision(
        uuid: "d-1", layer: "speaker-tagging", range: TextRange(0, 4), outcome: .accepted, annotation: "missing",
        sources: [], comment: nil, reviewer: "lead", decidedAt: "2026-11-30T00:00:00.000Z", status: .active,
        location: "f.jsonl:2 review decision 1")
    ]
    #expect {
      try project.importAnnotated(author: "importer") { try $0.add(imported) }
    } throws: { error in
      (error as? StoreError)?.description
        == #"f.jsonl:2 review decision 1: refers to an annotation "missing" that is not in the file"#
    }
    #expect(try exported(project).isEmpty)
  }
}
