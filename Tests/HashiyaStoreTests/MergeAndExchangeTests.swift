import AnnotatorKit
import AnnotatorTesting
import Foundation
import GRDB
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

@Suite struct MergeAndExchangeTests {
  let folder = TemporaryFolder()
  let text = "أكد “كيفين كويثي” 👍🏽 أن 120 ألف مقاتل تدربوا.\r\nسطر ثانٍ"

  /// A project holding the shared report, under `name`.
  func project(_ name: String) throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path(name))
    try store.importReports(author: "lead", source: "shared") {
      try $0.insert(NewReport(uid: "r1", title: "t", text: text, language: "ar"))
    }
    return store
  }

  func speaker(_ author: String, in store: ProjectStore) throws -> Annotation {
    try store.change(author: author) { changes in
      try changes.add(
        NewAnnotation(
          reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(5, 16), quote: "كيفين كويثي"))
    }
  }

  @Test func exportIterationStreamsReportsWithTheirAnnotationsLinksAndReviews() throws {
    let store = try project("a.hashiya")
    try store.importReports(author: "lead", source: "more") {
      try $0.insert(NewReport(uid: "r2", title: "two", text: "no annotations here", language: "en"))
    }
    let speaker = try speaker("amal", in: store)
    try store.change(author: "amal") { changes in
      let quote = try changes.add(
        NewAnnotation(reportID: 1, layer: "speaker-tagging", label: "quote", range: TextRange(0, 3), quote: "أكد"))
      try changes.link("said-by", from: quote.id, to: speaker.id)
    }
    var bundles: [ReportBundle] = []
    try store.forEachReport(ExportSelection()) { bundles.append($0) }
    #expect(bundles.map(\.report.uid) == ["r1", "r2"])
    #expect(bundles[0].annotations.map(\.label) == ["quote", "speaker"])
    #expect(bundles[0].links.map(\.type) == ["said-by"])
    #expect(bundles[1].annotations.isEmpty)
    var onlyOthers: [ReportBundle] = []
    try store.forEachReport(ExportSelection(reportIDs: [1], authors: ["karim"])) { onlyOthers.append($0) }
    #expect(onlyOthers.count == 1)
    #expect(onlyOthers[0].annotations.isEmpty)
    #expect(onlyOthers[0].links.isEmpty)
  }

  @Test func mergingBringsNewWorkAndIsIdempotent() throws {
    let ours = try project("ours.hashiya")
    let theirs = try project("theirs.hashiya")
    try theirs.importReports(author: "karim", source: "only theirs") {
      try $0.insert(NewReport(uid: "r9", title: "nine", text: "their own report", language: "en"))
    }
    let shared = try speaker("karim", in: theirs)
    let first = try ours.merge(from: ProjectStore.openReadOnly(path: theirs.path), author: "lead")
    #expect(first.reportsAdded == 1)
    #expect(first.annotationsAdded == 1)
    #expect(first.eventsAppended > 0)
    #expect(try ours.annotation(id: shared.id).uuid == shared.uuid)
    let eventsAfterFirst = try ours.events().count
    let second = try ours.merge(from: ProjectStore.openReadOnly(path: theirs.path), author: "lead")
    #expect(!second.changedAnything)
    #expect(try ours.events().count == eventsAfterFirst)
    #expect(try ours.history(ofAnnotation: shared.id).map(\.author) == ["karim"])
  }

  @Test func anEditOfOneFieldOnBothSidesIsAConflictDecidedForTheLaterAndRecorded() throws {
    let ours = try project("ours.hashiya")
    let theirs = try project("theirs.hashiya")
    let shared = try speaker("karim", in: theirs)
    _ = try ours.merge(from: ProjectStore.openReadOnly(path: theirs.path), author: "lead")
    try ours.change(author: "amal") { try $0.update(shared.id, attributes: ["role": "قائد"]) }
    Thread.sleep(forTimeInterval: 0.01)
    try theirs.change(author: "karim") { try $0.update(shared.id, attributes: ["role": "نائب قائد"]) }
    let outcome = try ours.merge(from: ProjectStore.openReadOnly(path: theirs.path), author: "lead")
    #expect(outcome.annotationsUpdated == 1)
    #expect(outcome.fieldsUpdated == 1)
    #expect(outcome.conflicts.map(\.field) == ["attributes.role"])
    #expect(outcome.conflicts.first?.keptAuthor == "karim")
    #expect(outcome.conflicts.first?.otherValue == "\"قائد\"")
    #expect(try ours.openConflicts().map(\.id) == outcome.conflicts.map(\.id))
    #expect(try ours.annotation(id: shared.id).attributes["role"] == "نائب قائد")
    let authors = try ours.history(ofAnnotation: shared.id).map(\.author)
    #expect(authors.contains("amal") && authors.filter { $0 == "karim" }.count == 2)
  }

  @Test func aReportWithAnotherTextUnderTheSameUIDIsReportedNotOverwritten() throws {
    let ours = try project("ours.hashiya")
    let theirs = try ProjectStore.open(path: folder.path("theirs.hashiya"))
    try theirs.importReports(author: "karim", source: "x") {
      try $0.insert(NewReport(uid: "r1", title: "t", text: "a different text", language: "ar"))
    }
    let outcome = try ours.merge(from: ProjectStore.openReadOnly(path: theirs.path), author: "lead")
    #expect(outcome.reportsAdded == 0)
    #expect(outcome.notes.count == 1)
    #expect(outcome.notes[0].contains("different text"))
    #expect(try ours.report(id: 1).text == text)
  }

  /// Every event an import logs (a layer, a report's annotations, the reports it added) orders
  /// after the log's latest, even one a teammate's fast clock put in the future, and after the
  /// import's event before it.
  @Test func anImportsEventsFollowTheLogsLatestTimeOneAfterAnother() throws {
    let store = try project("clock.hashiya")
    let future = "2999-06-01T12:24:37.503Z"
    try store.database.write { db in
      try ProjectStore.appendEvent(
        db, EventDraft(author: "fast", action: "import", entity: "reports", after: "{}", batch: "b"), at: future)
    }
    let before = try store.database.read { db in try Int.fetchOne(db, sql: "SELECT max(id) FROM events") ?? 0 }
    let reports = ["نص أوّل 🇸🇾 فيه كلمات", "نصٌّ ثانٍ\r\nبسطرين", "ثالث"].enumerated().map { index, text in
      ImportedReport(
        report: NewReport(uid: "c\(index)", title: "t", text: text, language: "ar"),
        annotations: [
          ImportedAnnotation(
            key: "k\(index)", uuid: "clock-\(index)", layer: "speaker-tagging", label: "speaker",
            range: TextRange(0, 2), location: "f:\(index + 1)")
        ],
        location: "f:\(index + 1)")
    }
    try store.importAnnotated(author: "importer") { inserter in
      try inserter.registerLayer(LayerSchema(layer: "clock-layer", description: "", labels: []))
      for report in reports { try inserter.add(report) }
    }
    let times = try store.database.read { db in
      try String.fetchAll(db, sql: "SELECT at FROM events WHERE id > ? ORDER BY id", arguments: [before])
    }
    // The layer, one event per report, and the reports added.
    #expect(times.count == 5)
    #expect(times.first.map { $0 > future } == true, "\(times)")
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 }, "\(times)")
  }

  @Test func importingAnnotatedReportsKeepsIdentityAndIsAllOrNothing() throws {
    let store = try ProjectStore.open(path: folder.path("i.hashiya"))
    let imported = ImportedReport(
      report: NewReport(uid: "r1", title: "t", text: text, language: "ar"),
      annotations: [
        ImportedAnnotation(
          key: "u-1", uuid: "u-1", handle: 7, layer: "speaker-tagging", label: "speaker", range: TextRange(5, 16),
          quote: "كيفين كويثي", author: "amal", origin: "manual", createdAt: "2026-01-01T00:00:00.000Z",
          location: "f:1"),
        ImportedAnnotation(
          key: "u-2", uuid: "u-2", layer: "speaker-tagging", label: "quote", range: TextRange(0, 3), quote: "أكد",
          location: "f:1"),
      ],
      links: [ImportedLink(uuid: "l-1", type: "said-by", from: "u-2", to: "u-1")],
      reviews: [ImportedReview(uuid: "v-1", annotation: "u-1", reviewer: "lead", verdict: .approve)],
      location: "f:1")
    let outcome = try store.importAnnotated(author: "importer") { try $0.add(imported) }
    #expect(outcome.annotations == 2)
    #expect(outcome.links == 1)
    #expect(outcome.reviews == 1)
    let kept = try store.annotation(id: 7)
    #expect(kept.uuid == "u-1")
    #expect(kept.author == "amal")
    #expect(kept.createdAt == "2026-01-01T00:00:00.000Z")
    #expect(try store.annotations(AnnotationFilter()).first { $0.uuid == "u-2" }?.origin == "imported")
    let again = try store.importAnnotated(author: "importer") { try $0.add(imported) }
    #expect(again.annotations == 0)
    #expect(again.alreadyPresent == 4)
    var broken = imported
    broken.annotations = [imported.annotations[0]].map {
      var a = $0
      a.uuid = "u-9"
      a.key = "u-9"
      return a
    }
    broken.links = [ImportedLink(type: "said-by", from: "u-9", to: "nowhere")]
    #expect(throws: StoreError.unknownAnnotationKey("nowhere", location: "f:1")) {
      try store.importAnnotated(author: "importer") { try $0.add(broken) }
    }
    #expect(try store.annotations(AnnotationFilter()).count == 2)
  }

  @Test func anImportedAnnotationWhoseHandleIsTakenKeepsItsUUIDUnderANewHandle() throws {
    let store = try project("h.hashiya")
    let taken = try speaker("amal", in: store)
    let imported = ImportedReport(
      report: NewReport(uid: "r1", title: "t", text: text, language: "ar"),
      annotations: [
        ImportedAnnotation(
          key: "u-7", uuid: "u-7", handle: taken.id, layer: "speaker-tagging", label: "quote", range: TextRange(0, 3),
          quote: "أكد", location: "f:1")
      ], location: "f:1")
    let outcome = try store.importAnnotated(author: "importer") { try $0.add(imported) }
    #expect(outcome.annotations == 1)
    #expect(outcome.alreadyPresent == 0)
    let moved = try #require(try store.annotations(AnnotationFilter()).first { $0.uuid == "u-7" })
    #expect(moved.id != taken.id)
    #expect(try store.annotation(id: taken.id).uuid == taken.uuid)
  }

  @Test func aRecordTheDatabaseRefusesRollsTheWholeImportBack() throws {
    let store = try project("c.hashiya")
    let good = ImportedAnnotation(
      key: "u-1", uuid: "u-1", layer: "speaker-tagging", label: "quote", range: TextRange(0, 3), quote: "أكد",
      location: "f:1 annotation 1")
    // An empty range passes no check of the store's own, so the table's CHECK constraint is what refuses it.
    var empty = good
    empty.key = "u-2"
    empty.uuid = "u-2"
    empty.range = TextRange(4, 4)
    let imported = ImportedReport(
      report: NewReport(uid: "r2", title: "t", text: "نص آخر", language: "ar"), annotations: [good, empty],
      location: "f:1")
    #expect(throws: StoreError.self) {
      try store.importAnnotated(author: "importer") { try $0.add(imported) }
    }
    #expect(try store.annotations(AnnotationFilter()).isEmpty)
    #expect(try store.reportSummaries().total == 1)
  }

  @Test func anImportedUIDThatNamesADifferentTextIsRefusedAndLeavesNothing() throws {
    let store = try project("u.hashiya")
    try store.importReports(author: "a", source: "s") {
      try $0.insert(NewReport(uid: "r2", title: "t", text: "نص ثانٍ", language: "ar"))
    }
    let before = try store.reportCount()
    func importing(uid: String, text: String) throws {
      let imported = ImportedReport(
        report: NewReport(uid: uid, title: "t", text: text, language: "ar"),
        annotations: [
          ImportedAnnotation(
            key: "u-1", uuid: "u-1", layer: "speaker-tagging", label: "quote", range: TextRange(0, 2), quote: "نص",
            location: "f:1")
        ], location: "f:1")
      try store.importAnnotated(author: "importer") { try $0.add(imported) }
    }
    // A new text under a uid the project gives to another text.
    #expect(throws: StoreError.reportTextDiffers(uid: "r2", existingID: 2)) {
      try importing(uid: "r2", text: "نص جديد")
    }
    // A text the project has under r1, brought under r2, which names a different text.
    #expect(throws: StoreError.reportTextDiffers(uid: "r2", existingID: 2)) { try importing(uid: "r2", text: text) }
    #expect(try store.reportCount() == before)
    #expect(try store.annotations(AnnotationFilter()).isEmpty)
    // The same text under its own uid is matched, not added again.
    try importing(uid: "r2", text: "نص ثانٍ")
    #expect(try store.reportCount() == before)
    #expect(try store.annotations(AnnotationFilter()).map(\.reportID) == [2])
  }

  /// A teammate may still have a file an older build wrote: it is read as it is, unchanged.
  @Test func aFileOfAnEarlierVersionMergesWithoutBeingUpgraded() throws {
    let path = folder.path("old.hashiya")
    let queue = try OlderProjectFile.make(at: path, upTo: "v2")
    try queue.write { db in try OlderProjectFile.insertReport(db) }
    try queue.close()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    let ours = try project("ours.hashiya")
    let outcome = try ours.merge(from: ProjectStore.openReadOnly(path: path), author: "lead")
    #expect(outcome.reportsAdded == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
  }
}
