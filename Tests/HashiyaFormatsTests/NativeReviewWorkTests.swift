import AnnotatorKit
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// The review work of a report — review decisions, review state, suggestion decisions — through
/// NativeExporter and NativeReader: every field back, the schema kept, bad values refused at
/// their place.
@Suite struct NativeReviewWorkTests {
  typealias F = NativeFixtures

  func read(_ path: String) throws -> (reports: [ImportedReport], bad: [FormatError]) {
    try F.readAll(path)
  }

  /// A JSONL export of the two reviewed reports, with `edit` applied to line `line` (1 = header).
  func jsonl(editing line: Int, _ edit: (inout JSONValue) -> Void) throws -> String {
    try F.jsonl([F.reviewedSeedBundle(id: 1), F.reviewedEmojiBundle(id: 2)], editing: line, edit)
  }

  @Test(arguments: [ExportFormat.json, .jsonl])
  func everyFieldComesBack(format: ExportFormat) throws {
    let bundles = [F.reviewedSeedBundle(id: 1), F.reviewedEmojiBundle(id: 2)]
    let path = try F.export(bundles, format: format)
    let (reports, bad) = try read(path)
    #expect(bad.isEmpty, "\(bad)")
    #expect(reports.count == 2)
    for (bundle, imported) in zip(bundles, reports) {
      let uuids = Dictionary(uniqueKeysWithValues: bundle.annotations.map { ($0.id, $0.uuid) })
      #expect(imported.reviewDecisions.count == bundle.reviewDecisions.count)
      for (record, back) in zip(bundle.reviewDecisions, imported.reviewDecisions) {
        let decision = record.decision
        #expect(back.uuid == record.uuid && back.layer == decision.layer && back.range == decision.range)
        #expect(back.outcome == decision.outcome && back.annotation == decision.annotationID.flatMap { uuids[$0] })
        #expect(back.sources == decision.sources && back.comment == decision.comment)
        #expect(back.reviewer == decision.reviewer && back.decidedAt == record.decidedAt)
        #expect(back.status == record.status)
      }
      #expect(imported.reviewStates == bundle.reviewStates)
      #expect(imported.suggestionDecisions == bundle.suggestionDecisions)
    }
    // Spot values, so a writer and reader wrong in the same way still fail.
    let seed = reports[0]
    #expect(seed.reviewDecisions.map(\.outcome) == [.accepted, .rejected, .edited])
    #expect(seed.reviewDecisions[0].annotation == F.uuid(1, 0))
    #expect(seed.reviewDecisions[1].annotation == nil)
    #expect(seed.reviewDecisions[0].comment == "الاسم كاملاً 🚢، لا اللقب وحده")
    #expect(seed.reviewDecisions[2].status == .deleted)
    #expect(seed.reviewStates.map(\.state) == [.settled, .inReview])
    let flag = try #require(reports[1].suggestionDecisions.first)
    #expect(flag.range == F.scalarRange(of: "🇸🇾", in: F.emojiText) && flag.range.length == 2)
    #expect(F.slice(F.emojiText, flag.range.start, flag.range.end) == "🇸🇾")
  }

  @Test func theMembersAreWrittenPlainAndMatchTheSchema() throws {
    let json = try F.export([F.reviewedSeedBundle(), F.reviewedEmojiBundle()], format: .json)
    let document = try F.json(json)
    #expect(F.schema.errors(document).isEmpty, "\(F.schema.errors(document))")
    let report = try #require(document["reports"]?[0])
    let rejected = try #require(report["reviewDecisions"]?[1])
    #expect(rejected["decision"] == "rejected" && rejected["annotation"] == .null)
    #expect(rejected["sources"] == [.string(F.uuid(1, 302)), .string(F.uuid(1, 303))])
    #expect(
      report["reviewState"]?[1] == [
        "layer": "translation-notes", "state": "in-review", "units": 3, "updatedAt": "2026-11-30T09:05:00.000Z",
      ])
    let bytes = F.bytes(json)
    // Arabic and emoji as raw UTF-8, never \u escapes.
    #expect(F.bytes(bytes, contain: #""comment":"الاسم كاملاً 🚢، لا اللقب وحده""#))
    #expect(!F.bytes(bytes, contain: "\\u06"))
    let jsonl = try F.export([F.reviewedSeedBundle(), F.reviewedEmojiBundle()], format: .jsonl)
    for (index, line) in F.lines(jsonl).enumerated() {
      let errors = F.schema.errors(try JSONParser.parse(line), definition: "jsonlLine")
      #expect(errors.isEmpty, "line \(index + 1): \(errors)")
    }
  }

  @Test func aReportWithoutReviewWorkWritesEmptyArrays() throws {
    let path = try F.export([F.seedBundle()], format: .jsonl)
    let report = try JSONParser.parse(F.lines(path)[1])
    #expect(report["reviewDecisions"] == [])
    #expect(report["reviewState"] == [])
    #expect(report["suggestionDecisions"] == [])
  }

  @Test func anOlderExportWithoutTheMembersReadsAsEmpty() throws {
    let path = try jsonl(editing: 2) { value in
      for key in ["reviewDecisions", "reviewState", "suggestionDecisions"] { NativeReaderTests.set(&value, [key], nil) }
    }
    #expect(!F.lines(path)[1].contains("reviewDecisions"))
    let (reports, bad) = try read(path)
    #expect(bad.isEmpty, "\(bad)")
    #expect(reports[0].reviewDecisions.isEmpty && reports[0].reviewStates.isEmpty)
    #expect(reports[0].suggestionDecisions.isEmpty)
    #expect(reports[1].reviewDecisions.count == 1)
  }

  @Test(arguments: [
    NativeBadCase(
      2, ["reviewDecisions", 1, "decision"], "maybe", ":2 review decision 2",
      #""decision" is "maybe", not one of accepted, rejected, edited"#),
    NativeBadCase(
      2, ["reviewDecisions", 0, "end"], 100_000, ":2 review decision 1", "offsets "),
    NativeBadCase(3, ["reviewDecisions", 0, "start"], -1, ":3 review decision 1", "offsets -1.."),
    NativeBadCase(
      2, ["reviewDecisions", 0, "annotation"], "no-such-uuid", ":2 review decision 1",
      "names annotation no-such-uuid, which is not in this report"),
    // An annotation of the other report is not one of this report's.
    NativeBadCase(
      3, ["reviewDecisions", 0, "annotation"], .string(F.uuid(1, 0)), ":3 review decision 1", "names annotation"),
    NativeBadCase(
      2, ["reviewDecisions", 1, "annotation"], .string(F.uuid(1, 0)), ":2 review decision 2",
      "a rejected unit has no adjudicated annotation"),
    NativeBadCase(
      2, ["reviewDecisions", 0, "annotation"], .null, ":2 review decision 1",
      "an accepted unit names its adjudicated annotation"),
    NativeBadCase(
      2, ["reviewDecisions", 2, "status"], "gone", ":2 review decision 3", #""status" is "gone""#),
    NativeBadCase(
      2, ["reviewDecisions", 0, "sources"], "x", ":2 review decision 1", #""sources" must be an array"#),
    NativeBadCase(
      2, ["reviewDecisions", 2, "id"], .string(F.uuid(1, 200)), ":2 review decision 3", "review decision id"),
    NativeBadCase(2, ["reviewDecisions", 0, "reviewer"], nil, ":2 review decision 1", #"missing "reviewer""#),
    NativeBadCase(2, ["reviewDecisions"], "none", ":2", #""reviewDecisions" must be an array"#),
    NativeBadCase(
      2, ["reviewState", 0, "state"], "done", ":2 review state 1",
      #""state" is "done", not one of unreviewed, in-review, settled"#),
    NativeBadCase(2, ["reviewState", 1, "units"], -1, ":2 review state 2", #""units" must not be negative"#),
    NativeBadCase(
      2, ["reviewState", 1, "layer"], "speaker-tagging", ":2 review state 2", "layer speaker-tagging has a review"),
    NativeBadCase(
      2, ["suggestionDecisions", 0, "decision"], "later", ":2 suggestion decision 1",
      #""decision" is "later", not one of accepted, rejected"#),
    NativeBadCase(
      3, ["suggestionDecisions", 0, "end"], .int(F.emojiText.unicodeScalars.count + 1), ":3 suggestion decision 1",
      "offsets "),
    NativeBadCase(
      2, ["suggestionDecisions", 1, "end"], 0, ":2 suggestion decision 2", #""end" (0) must be greater than"#),
    NativeBadCase(
      2, ["suggestionDecisions", 1, "label"], "", ":2 suggestion decision 2", #""label" must not be empty"#),
  ])
  func aBadValueIsReportedWithItsPlace(bad: NativeBadCase) throws {
    try bad.expectReported(in: try jsonl(editing: bad.line) { NativeReaderTests.set(&$0, bad.path, bad.value) })
  }

  @Test func aJSONDocumentNamesTheReportAndTheRecord() throws {
    let path = try F.export([F.reviewedSeedBundle(id: 1), F.reviewedEmojiBundle(id: 2)], format: .json)
    var document = try F.json(path)
    NativeReaderTests.set(&document, ["reports", 1, "reviewDecisions", 0, "decision"], "approved")
    NativeReaderTests.set(&document, ["reports", 0, "suggestionDecisions", 1, "start"], -3)
    F.write(path, JSONWriter.string(document, pretty: true))
    let (reports, errors) = try read(path)
    #expect(
      errors.map(\.location) == [path + ": report 1 suggestion decision 2", path + ": report 2 review decision 1"])
    #expect(errors.last?.reason.hasPrefix(#""decision" is "approved""#) == true, "\(errors)")
    #expect(reports.isEmpty)
  }

  @Test func aDecisionOnAnAnnotationLeftOutOfTheExportIsRefused() throws {
    var bundle = F.reviewedSeedBundle()
    bundle.reviewDecisions[0].decision.annotationID = 999
    #expect {
      _ = try F.export([bundle], format: .jsonl)
    } throws: { error in
      (error as? FormatError)?.reason == "review decision \(F.uuid(1, 200)) adjudicated #999, which is not exported"
    }
  }
}
