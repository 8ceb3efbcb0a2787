import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// Discontinuous spans in the store: pieces written, checked, read back, undone and merged whole.
@Suite struct FragmentStoreTests {
  let folder = TemporaryFolder()

  /// A quotation split by «قال», with diacritics, a flag outside the BMP and a CR LF before it.
  static let text = "قالَ 🇸🇾 الطبيب:\r\n“الخلايا النّائمة،” قالَ الطبيب، “ما زالت تنشط.”"

  func store(_ name: String = "a.hashiya") throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path(name))
    if try store.reportCount() == 0 {
      try store.importReports(author: "setup", source: "test") {
        try $0.insert(NewReport(title: "t", text: Self.text, language: "ar"))
      }
    }
    return store
  }

  /// The range of `needle` in the text, in code points.
  static func range(of needle: String) throws -> TextRange {
    let scalars = Array(text.unicodeScalars)
    let wanted = Array(needle.unicodeScalars)
    let start = try #require(
      (0...(scalars.count - wanted.count)).first { Array(scalars[$0..<$0 + wanted.count]) == wanted })
    return TextRange(start, start + wanted.count)
  }

  func splitQuote() throws -> NewAnnotation {
    let first = try Self.range(of: "الخلايا النّائمة")
    let second = try Self.range(of: "ما زالت تنشط")
    return NewAnnotation(
      reportID: 1, layer: "speaker-tagging", label: "quote", range: first, quote: "الخلايا النّائمة",
      fragments: [SpanFragment(range: second, quote: "ما زالت تنشط")])
  }

  @Test func aSpanInPiecesIsReadBackWithEveryPieceAndItsQuote() throws {
    let created = try store().change(author: "amal") { try $0.add(try splitQuote()) }
    let read = try store().annotation(id: created.id)
    #expect(read.fragments == [SpanFragment(range: try Self.range(of: "ما زالت تنشط"), quote: "ما زالت تنشط")])
    #expect(read.ranges.count == 2)
    #expect(read.extent == TextRange(read.range.start, read.fragments[0].range.end))
    #expect(read.displayQuote == "الخلايا النّائمة … ما زالت تنشط")
    try read.check(against: ReportText(Self.text))
    // The event log's snapshot carries the pieces, so history shows what was made.
    let created1 = try #require(try store().history(ofAnnotation: created.id).first)
    #expect(created1.after?.contains("ما زالت تنشط") == true)
    // The comparison read used by agreement sees the pieces too.
    let spans = try store().annotationSpans(reportIDs: [1], layers: nil)
    #expect(spans.map(\.ranges) == [read.ranges])
  }

  @Test func piecesOutOfOrderTouchingOrMisquotedAreRefusedAndNothingIsWritten() throws {
    let store = try store()
    var touching = try splitQuote()
    touching.fragments = [SpanFragment(range: TextRange(touching.range.end, touching.range.end + 1), quote: "،")]
    #expect(throws: AnnotationWriteError.self) { try store.change(author: "amal") { try $0.add(touching) } }
    var backwards = try splitQuote()
    backwards.fragments = [SpanFragment(range: TextRange(0, 4), quote: "قالَ")]
    #expect(throws: AnnotationWriteError.self) { try store.change(author: "amal") { try $0.add(backwards) } }
    var misquoted = try splitQuote()
    misquoted.fragments[0].quote = "ما زالت"
    #expect(throws: AnnotationWriteError.self) { try store.change(author: "amal") { try $0.add(misquoted) } }
    #expect(try store.annotations(AnnotationFilter(reportID: 1, includeDeleted: true)).isEmpty)
  }

  @Test func undoAndRedoKeepThePieces() throws {
    let created = try store().change(author: "amal") { try $0.add(try splitQuote()) }
    _ = try store().undo(author: "amal")
    #expect(try store().annotation(id: created.id).status == .deleted)
    _ = try store().redo(author: "amal")
    let back = try store().annotation(id: created.id)
    #expect(back.status == .active && back.fragments == created.fragments)
  }

  @Test func aMergeCarriesThePiecesAndReadsAFileOfTheVersionBefore() throws {
    let theirs = try store("theirs.hashiya")
    let created = try theirs.change(author: "karim") { try $0.add(try splitQuote()) }
    let ours = try store("ours.hashiya")
    _ = try ours.merge(from: ProjectStore.openReadOnly(path: folder.path("theirs.hashiya")), author: "lead")
    let merged = try #require(try ours.annotations(AnnotationFilter(reportID: 1)).first)
    #expect(merged.uuid == created.uuid && merged.fragments == created.fragments)

    // A teammate's file of version 6 has no pieces column: its annotations still merge.
    let path = folder.path("v6.hashiya")
    let queue = try OlderProjectFile.make(at: path, upTo: "v6")
    try queue.write { db in
      try OlderProjectFile.insertReport(db)
      try db.execute(
        sql: """
          INSERT INTO annotations (id, uuid, reportId, layer, label, start, "end", quote, author, createdAt, updatedAt)
          VALUES (1, 'u-old', 1, 'speaker-tagging', 'speaker', 0, 4, 'نصٌّ', 'amal', '2026-01-01T00:00:00.000Z',
            '2026-01-01T00:00:00.000Z');
          """)
    }
    try queue.close()
    let fresh = try store("fresh.hashiya")
    let outcome = try fresh.merge(from: ProjectStore.openReadOnly(path: path), author: "lead")
    #expect(outcome.annotationsAdded == 1)
    #expect(try fresh.annotations(AnnotationFilter()).contains { $0.uuid == "u-old" && $0.fragments.isEmpty })
  }

  @Test func aFileOfVersion6GainsThePiecesColumnOnOpening() throws {
    let path = folder.path("upgrade.hashiya")
    try OlderProjectFile.make(at: path, upTo: "v6").close()
    let store = try ProjectStore.open(path: path)
    try store.importReports(author: "setup", source: "test") {
      try $0.insert(NewReport(title: "t", text: Self.text, language: "ar"))
    }
    let created = try store.change(author: "amal") { try $0.add(try splitQuote()) }
    #expect(try store.annotation(id: created.id).fragments.count == 1)
  }
}
