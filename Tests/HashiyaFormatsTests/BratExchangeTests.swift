import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite("brat standoff export and import")
struct BratExchangeTests {
  private func exportFolder(_ bundles: [ReportBundle]) throws -> (String, ExportSummary) {
    let folder = ExchangeFixtures.temporaryFolder()
    var exporter = try BratExporter(folder: folder, context: ExchangeFixtures.context)
    return (folder, try ExchangeFixtures.export(bundles, with: &exporter))
  }

  private func contents(_ folder: String, _ name: String) throws -> String {
    try String(contentsOfFile: (folder as NSString).appendingPathComponent(name), encoding: .utf8)
  }

  @Test func seedReportRoundTrips() throws {
    let bundle = ExchangeFixtures.seedBundle()
    let (folder, summary) = try exportFolder([bundle])
    #expect(summary.reports == 1 && summary.annotations == 6 && summary.links == 2)
    #expect(try contents(folder, "amira/1-seed-report.txt") == ExchangeFixtures.seedText)
    #expect(try contents(folder, "omar/1-seed-report.txt") == ExchangeFixtures.seedText)
    let ann = try contents(folder, "amira/1-seed-report.ann")
    let speaker = bundle.annotations[0].range
    #expect(ann.contains("T1\tspeaker \(speaker.start) \(speaker.end)\tكيفين كويثي\n"))
    #expect(ann.contains("A1\tname T1 كيفين%20كويثي\n"))
    #expect(ann.contains("\tchecked T3\n"))
    #expect(ann.contains("#1\tAnnotatorNotes T3\tSDF, Syrian Democratic Forces\n"))
    #expect(ann.contains("R100\tsaid-by Arg1:T2 Arg2:T1\n"))
    #expect(!ann.contains("T4\t") && !ann.contains("R101"))
    #expect(try contents(folder, "omar/1-seed-report.ann").contains("R101\tsaid-by Arg1:T5 Arg2:T4\n"))

    let (reports, errors) = try ExchangeFixtures.read(BratReader.self, path: folder, layer: nil)
    #expect(errors.isEmpty)
    #expect(reports.count == 2 && reports.allSatisfy { $0.report.text == ExchangeFixtures.seedText })
    var report = try #require(reports.first)
    report.annotations = reports.flatMap(\.annotations)
    report.links = reports.flatMap(\.links)
    #expect(ExchangeFixtures.spans(report) == ExchangeFixtures.spans(bundle))
    #expect(ExchangeFixtures.links(report) == ExchangeFixtures.links(bundle))
    #expect(reports.map { Set($0.annotations.compactMap(\.author)) } == [["amira"], ["omar"]])
    let note = try #require(report.annotations.first { $0.key == "T3" })
    #expect(note.layer == "translation-notes")
    #expect(note.note == "SDF, Syrian Democratic Forces")
    #expect(note.attributes["checked"] == true)
    // The import puts the note where the layer's schema says its note goes.
    let notes = try #require(ExchangeFixtures.schemas.first { $0.layer == "translation-notes" })
    let placed = try AnnotatedImport.placingNote(note, schema: notes)
    #expect(placed.attributes["translation"] == "SDF, Syrian Democratic Forces")
    #expect(placed.note == nil)
    let speakers = try #require(ExchangeFixtures.schemas.first { $0.layer == "speaker-tagging" })
    #expect(throws: FormatError.self) { try AnnotatedImport.placingNote(note, schema: speakers) }
    let first = try #require(report.annotations.first { $0.key == "T1" })
    #expect(first.layer == "speaker-tagging" && first.attributes["name"] == "كيفين كويثي" && first.author == "amira")
  }

  /// The note is whatever attribute a schema declares with the note role, whatever its name.
  @Test func theNoteIsTheAttributeTheSchemaNamesNotAFixedName() throws {
    let bundle = ExchangeFixtures.seedBundle()
    let text = ReportText(bundle.report.text)
    var annotation = bundle.annotations[2]
    annotation.attributes = ["remark": "a remark", "translation": "not a note here"]
    let ann = BratExporter.annotationLines([annotation], links: [], text: text) { _ in "remark" }
    #expect(ann.contains("AnnotatorNotes T\(annotation.id)\ta remark\n"))
    #expect(ann.contains("\ttranslation T\(annotation.id) not%20a%20note%20here\n"))
    let none = BratExporter.annotationLines([annotation], links: [], text: text) { _ in nil }
    #expect(!none.contains("AnnotatorNotes"))
  }

  @Test func emojiAndCRLFOffsetsAreCodePoints() throws {
    let bundle = ExchangeFixtures.emojiBundle()
    let (folder, _) = try exportFolder([bundle])
    let ann = try contents(folder, "amira/2-emoji.ann")
    let text = ExchangeFixtures.emojiText
    let friends = text.range(of: "friends")!
    let start = text.unicodeScalars.distance(from: text.startIndex, to: friends.lowerBound)
    #expect(ann.contains("T10\tspeaker \(start) \(start + 7)\tfriends\n"))
    #expect(start != text.utf16.distance(from: text.startIndex, to: friends.lowerBound))
    // The span across "\r\n" is cut into fragments, its covered text joined by a space.
    let crossing = bundle.annotations.first { $0.id == 12 }!.range
    let lineEnd = crossing.start + Array("😀 friends".unicodeScalars).count
    #expect(ann.contains("T12\tquote \(crossing.start) \(lineEnd);\(lineEnd + 2) \(crossing.end)\t😀 friends قال 🇸🇾\n"))

    let (reports, errors) = try ExchangeFixtures.read(BratReader.self, path: folder, layer: nil)
    #expect(errors.isEmpty)
    let report = try #require(reports.first)
    #expect(report.report.text == text)
    #expect(ExchangeFixtures.spans(report) == ExchangeFixtures.spans(bundle))
    #expect(ExchangeFixtures.links(report) == ExchangeFixtures.links(bundle))
  }

  @Test func configurationDeclaresEntitiesRelationsAndAttributes() throws {
    let (folder, summary) = try exportFolder([ExchangeFixtures.seedBundle()])
    #expect(summary.files.contains { $0.hasSuffix("annotation.conf") })
    let conf = try contents(folder, "annotation.conf")
    for line in [
      "[entities]", "# layer: speaker-tagging", "speaker", "quote", "# layer: translation-notes", "note",
      "[relations]", "said-by\tArg1:quote, Arg2:speaker", "[events]", "[attributes]",
      "mode\tArg:quote, Value:direct|indirect", "checked\tArg:note",
      // Free text is declared with the values the .ann files carry, its kind in a comment.
      "name\tArg:speaker, Value:كيفين%20كويثي", "# attribute: name text", "# note: note translation",
      "# annotator: amira amira", "# annotator: omar omar",
    ] {
      #expect(conf.split(separator: "\n").contains(Substring(line)), "missing \(line)")
    }
    #expect(!conf.contains("translation\tArg"))
    #expect(
      BratConfigurationFile(text: conf).layers(default: nil) == [
        "speaker": "speaker-tagging", "quote": "speaker-tagging", "note": "translation-notes",
      ])
  }

  @Test func layerComesFromTheArgumentWhenTheFolderHasNone() throws {
    let folder = ExchangeFixtures.temporaryFolder()
    ExchangeFixtures.write("Hello world", to: folder + "/doc.txt")
    ExchangeFixtures.write("T1\tPerson 6 11\tworld\n", to: folder + "/doc.ann")
    #expect(throws: FormatError.self) { _ = try ExchangeFixtures.read(BratReader.self, path: folder, layer: nil) }
    do {
      _ = try ExchangeFixtures.read(BratReader.self, path: folder, layer: nil)
    } catch let error as FormatError {
      #expect(error.location == "doc.ann:T1" && error.reason.contains("--layer"))
    }
    let (reports, errors) = try ExchangeFixtures.read(BratReader.self, path: folder + "/doc.ann", layer: "people")
    #expect(errors.isEmpty && reports.count == 1)
    #expect(reports[0].annotations.map(\.layer) == ["people"])
  }

  /// Fragments with text between them are a span in pieces; fragments only a line break
  /// separates (where brat cut a span) are one piece.
  @Test func fragmentsBecomePiecesExceptAcrossALineBreak() throws {
    let folder = ExchangeFixtures.temporaryFolder()
    ExchangeFixtures.write("Hello world\r\nقالَ 🇸🇾", to: folder + "/doc.txt")
    ExchangeFixtures.write("T1\tPerson 0 2;8 11\tHe rld\nT2\tPerson 6 11;13 17\tworld قالَ\n", to: folder + "/doc.ann")
    let (reports, errors) = try ExchangeFixtures.read(BratReader.self, path: folder, layer: "people")
    #expect(errors.isEmpty, "\(errors)")
    let annotations = try #require(reports.first?.annotations)
    #expect(annotations[0].range == TextRange(0, 2) && annotations[0].fragments.map(\.range) == [TextRange(8, 11)])
    #expect(annotations[0].fragments.first?.quote == "rld")
    #expect(annotations[1].range == TextRange(6, 17) && annotations[1].fragments.isEmpty)
  }

  @Test(arguments: [
    ("T1\tPerson 6 40\tworld\n", "doc.ann:T1", "outside the text"),
    ("T1\tPerson 0 5\tworld\n", "doc.ann:T1", "does not match"),
    ("T1\tPerson 0 five\tHello\n", "doc.ann:T1", "malformed offsets"),
    ("T1\tPerson 0 5 Hello\n", "doc.ann:T1", "3 tab-separated fields"),
    ("T1\tPerson 0 5\tHello\nR1\tknows Arg1:T1 Arg2:T9\n", "doc.ann:R1", "T9"),
    ("T1\tPerson 0 5\tHello\nA1\tfamous T7\n", "doc.ann:A1", "T7"),
    ("T1\tPerson 0 5\tHello\nT1\tPerson 6 11\tworld\n", "doc.ann:T1", "twice"),
    ("T1\tPerson 0 5\tHello\nwhat is this\n", "doc.ann:2", "not a brat"),
  ])
  func badLinesAreReportedWithTheirLocation(ann: String, location: String, reason: String) throws {
    let folder = ExchangeFixtures.temporaryFolder()
    ExchangeFixtures.write("Hello world", to: folder + "/doc.txt")
    ExchangeFixtures.write(ann, to: folder + "/doc.ann")
    let (_, errors) = try ExchangeFixtures.read(BratReader.self, path: folder, layer: "people")
    #expect(errors.count == 1)
    #expect(errors.first?.location == location)
    #expect(errors.first?.reason.contains(reason) == true, "\(errors)")
  }

  @Test func badRecordStopsTheImportWhenTheHandlerThrows() throws {
    let folder = ExchangeFixtures.temporaryFolder()
    ExchangeFixtures.write("Hello world", to: folder + "/doc.txt")
    ExchangeFixtures.write("T1\tPerson 0 5\tHullo\n", to: folder + "/doc.ann")
    var delivered = 0
    #expect(throws: FormatError.self) {
      try BratReader.read(path: folder, layer: "people", onBadRecord: { throw $0 }) { _ in delivered += 1 }
    }
    #expect(delivered == 0)
  }

  @Test(arguments: ["../../etc/x", "/abs", "..", "a/../../b", ".hidden", "عربي"])
  func fileNamesCannotEscapeTheFolder(uid: String) throws {
    let parent = ExchangeFixtures.temporaryFolder()
    let folder = parent + "/out"
    let bundle = ExchangeFixtures.bundle(id: 7, uid: uid, text: "Hello world", spans: [])
    var exporter = try BratExporter(folder: folder, context: ExchangeFixtures.context)
    let summary = try ExchangeFixtures.export([bundle], with: &exporter)
    let resolvedFolder = URL(fileURLWithPath: folder).standardizedFileURL.path
    for file in summary.files {
      #expect(URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().path == resolvedFolder)
      let name = (file as NSString).lastPathComponent
      #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
      #expect(!name.hasPrefix("."))
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent) == ["out"])
    #expect(BratFileName.stem(id: 7, uid: uid).hasPrefix("7"))
  }

  @Test func aPathOutsideTheFolderIsRefused() {
    #expect(throws: FormatError.self) { try BratFileName.path(folder: "/tmp/out", stem: "../x", ext: "txt") }
    #expect(throws: FormatError.self) { try BratFileName.path(folder: "/tmp/out", stem: "/abs", ext: "txt") }
    #expect((try? BratFileName.path(folder: "/tmp/out", stem: "7-x", ext: "txt")) == "/tmp/out/7-x.txt")
  }

  @Test func attributeValuesSurviveWhitespaceAndPercent() {
    for value: JSONValue in ["a b\tc%d", "كيفين كويثي", 4, 2.5, "Value:a|b, c"] {
      let token = BratAttributeValue.token(for: value)!
      #expect(!token.contains(" ") && !token.contains("\t"))
      #expect(!token.contains(",") && !token.contains("|") && !token.contains(":"))
      #expect(BratAttributeValue.value(of: token) == value)
    }
    #expect(BratAttributeValue.token(for: false) == nil)
  }
}
