import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import Testing

/// What every store does with reports and annotations, checked on each backend alike.
@Suite struct AnnotationContractTests {
  let folder = TemporaryFolder()

  /// A project holding the Arabic seed report (diacritics, quotes) and a report with emoji and CRLF.
  func seeded(_ backend: StoreBackend) throws -> any ProjectStoring {
    let store = try backend.freshStore(in: folder)
    try store.importReports(author: "setup", source: "test") { inserter in
      try inserter.insert(NewReport(title: "تقرير التحالف", text: SeedReport.text, language: "ar"))
      try inserter.insert(NewReport(title: "mixed", text: "قالَ 👩🏽‍💻 هنا\r\nثم 🇸🇾 قسد.", language: "ar"))
    }
    return store
  }

  func span(_ store: any ProjectStoring, report: Int, _ quote: String) throws -> NewAnnotation {
    let text = try store.report(id: report).text
    let scalars = Array(text.unicodeScalars)
    let wanted = Array(quote.unicodeScalars)
    let start = try #require(
      (0...(scalars.count - wanted.count)).first { Array(scalars[$0..<$0 + wanted.count]) == wanted })
    return NewAnnotation(
      reportID: report, layer: "speaker-tagging", label: "speaker", range: TextRange(start, start + wanted.count),
      quote: quote)
  }

  @Test(arguments: StoreBackend.available)
  func importKeepsTextsExactlyAndFindsDuplicates(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    #expect(try store.reportCount() == 2)
    #expect(try store.report(id: 1).text == SeedReport.text)
    #expect(try store.report(id: 2).text == "قالَ 👩🏽‍💻 هنا\r\nثم 🇸🇾 قسد.")
    #expect(try store.report(id: 2).length == "قالَ 👩🏽‍💻 هنا\r\nثم 🇸🇾 قسد.".unicodeScalars.count)
    let again = try store.importReports(author: "setup", source: "again") {
      try $0.insert(NewReport(title: "copy", text: SeedReport.text, language: "ar"))
    }
    #expect(again.added.isEmpty && again.duplicates == [1])
    #expect(throws: StoreError.noSuchReport(id: 9)) { try store.report(id: 9) }
    #expect(try store.neighbour(of: 1, .next) == 2)
    #expect(try store.neighbour(of: 2, .next) == nil)
    #expect(try store.reportSummaries(titleQuery: "التحالُف").page.map(\.id) == [1])
  }

  /// However their layers interleave, a report's annotations are exported in text order: by
  /// start, then end, then handle.
  @Test(arguments: StoreBackend.available)
  func anExportListsAReportsAnnotationsInTextOrder(_ backend: StoreBackend) throws {
    let project = try ContractProject(
      backend, in: folder, texts: ["قال المتحدث إن التحالف درّب مقاتلين 🇸🇾\r\nفي سوريا."])
    let spans: [(layer: String, label: String, range: TextRange)] = [
      ("speaker-tagging", "speaker", TextRange(12, 16)), ("claim-labeling", "claim", TextRange(0, 5)),
      ("speaker-tagging", "quote", TextRange(0, 3)), ("claim-labeling", "claim", TextRange(12, 14)),
      ("claim-labeling", "claimant", TextRange(12, 16)),
    ]
    let made = try spans.map { span in
      try project.store.change(author: "amal") { try $0.add(project.new(1, span.layer, span.label, span.range)) }
    }
    var exported: [Int] = []
    try project.store.forEachReport(ExportSelection()) { bundle in exported += bundle.annotations.map(\.id) }
    #expect(exported == [made[2].id, made[1].id, made[3].id, made[0].id, made[4].id])
  }

  @Test(arguments: StoreBackend.available)
  func anImportThatFailsKeepsNothing(_ backend: StoreBackend) throws {
    let store = try backend.freshStore(in: folder)
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try store.importReports(author: "setup", source: "test") { inserter in
        try inserter.insert(NewReport(title: "a", text: "نص أول", language: "ar"))
        throw Stop()
      }
    }
    #expect(try store.reportCount() == 0)
    #expect(try store.recentEvents(limit: 10).isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func tagEditDeleteUndoAndRedo(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    let emoji = try span(store, report: 2, "👩🏽‍💻")
    let added = try store.change(author: "amal") { try $0.add(emoji) }
    #expect(added.quote == "👩🏽‍💻" && added.range == emoji.range)
    _ = try store.change(author: "amal") { try $0.update(added.id, label: "official") }
    #expect(try store.annotation(id: added.id).label == "official")
    _ = try store.change(author: "amal") { try $0.delete(added.id) }
    #expect(try store.annotations(AnnotationFilter(reportID: 2)).isEmpty)
    #expect(try store.undo(author: "amal").originalAction == "delete")
    #expect(try store.annotation(id: added.id).status == .active)
    #expect(try store.undo(author: "amal").originalAction == "update")
    #expect(try store.annotation(id: added.id).label == "speaker")
    #expect(try store.redo(author: "amal").originalAction == "update")
    #expect(try store.annotation(id: added.id).label == "official")
    #expect(throws: StoreError.nothingTo(action: "undo", user: "karim")) { try store.undo(author: "karim") }
    let history = try store.history(ofAnnotation: added.id).map(\.action)
    #expect(history == ["create", "update", "delete", "undo", "undo", "redo"])
  }

  /// Undo and redo read a command's events a page at a time: a command of more events than a
  /// page is reverted whole, newest first across the pages, and replayed oldest first.
  @Test(arguments: StoreBackend.available)
  func aCommandOfManyPagesIsUndoneAndRedoneInOrder(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    let count = ReversalTally.eventsPerPage + ReversalTally.eventsPerPage / 2 + 7
    let words = (0..<count).map { "كلمة\($0)" }
    _ = try store.importReports(author: "setup", source: "test") {
      try $0.insert(NewReport(title: "كلمات", text: words.joined(separator: " ") + " 🌍", language: "ar"))
    }
    let added = try store.change(author: "amal") { changes in
      var start = 0
      var added: [Annotation] = []
      for word in words {
        let length = word.unicodeScalars.count
        added.append(
          try changes.add(
            NewAnnotation(
              reportID: 3, layer: "speaker-tagging", label: "speaker", range: TextRange(start, start + length),
              quote: word)))
        start += length + 1
      }
      // The first annotation's create is in the last page undo reads, its edit in the first.
      try changes.update(added[0].id, label: "official")
      return added
    }
    #expect(try store.annotations(AnnotationFilter(reportID: 3)).count == count)
    let undone = try store.undo(author: "amal")
    #expect(undone.originalAction == "update" && undone.handles.sorted == added.map(\.id))
    #expect(try store.annotations(AnnotationFilter(reportID: 3)).isEmpty)
    #expect(try store.annotation(id: added[0].id).label == "speaker")
    let redone = try store.redo(author: "amal")
    #expect(redone.originalAction == "create" && redone.handles.sorted == added.map(\.id))
    #expect(try store.annotations(AnnotationFilter(reportID: 3)).count == count)
    #expect(try store.annotation(id: added[0].id).label == "official")
    #expect(try store.annotation(id: added[count - 1].id).quote == words[count - 1])
  }

  /// Undo reads a page's annotations at once; one changed twice within the page must be
  /// replayed from the state the first replay left, not from the one read.
  @Test(arguments: StoreBackend.available)
  func anAnnotationChangedTwiceInOneCommandIsUndoneAndRedoneWhole(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    let added = try store.change(author: "amal") { changes in
      let added = try changes.add(try span(store, report: 2, "👩🏽‍💻 هنا\r\nثم"))
      try changes.update(added.id, label: "official")
      try changes.update(added.id, attributes: ["note": .string("سطرٌ\r\n🇸🇾")])
      return added
    }
    #expect(try store.undo(author: "amal").handles.sorted == [added.id])
    #expect(try store.annotation(id: added.id).status == .deleted)
    #expect(try store.annotation(id: added.id).label == "speaker")
    _ = try store.redo(author: "amal")
    let redone = try store.annotation(id: added.id)
    #expect(redone.status == .active && redone.label == "official")
    #expect(redone.attributes == ["note": .string("سطرٌ\r\n🇸🇾")])
  }

  @Test(arguments: StoreBackend.available)
  func aWrongQuoteIsRefusedAndNothingIsWritten(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    var wrong = try span(store, report: 1, "قسد")
    wrong.quote = "قصد"
    #expect(throws: AnnotationWriteError.self) { try store.change(author: "amal") { try $0.add(wrong) } }
    #expect(try store.annotations(AnnotationFilter(includeDeleted: true)).isEmpty)
    #expect(try store.events(entity: "annotation", entityID: nil).isEmpty)
  }

  @Test(arguments: StoreBackend.available)
  func anUndoRefusesToOverwriteATeammatesChange(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    let added = try store.change(author: "amal") { try $0.add(try span(store, report: 1, "قسد")) }
    _ = try store.change(author: "karim") { try $0.update(added.id, label: "organisation") }
    #expect(throws: StoreError.changedSince(action: "undo", handle: added.id, by: "karim")) {
      try store.undo(author: "amal")
    }
    #expect(try store.annotation(id: added.id).label == "organisation")
  }

  @Test(arguments: StoreBackend.available)
  func searchFoldsArabicAndFindsCliticForms(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    #expect(try store.search("التحالف").hits.map(\.id) == [1])
    #expect(try store.search("قسد").total == 2)
    #expect(try store.search("داعش").hits.map(\.id) == [1])
    #expect(try store.search("\"AND\" OR (").total == 0)
    #expect(try store.search("zzzz").total == 0)
  }

  @Test(arguments: StoreBackend.available)
  func exportIteratesReportsWithTheirAnnotationsAndLinks(_ backend: StoreBackend) throws {
    let store = try seeded(backend)
    let first = try store.change(author: "amal") { try $0.add(try span(store, report: 1, "قسد")) }
    let second = try store.change(author: "amal") { try $0.add(try span(store, report: 1, "داعش")) }
    _ = try store.change(author: "amal") { try $0.link("fights", from: first.id, to: second.id) }
    var seen: [(Int, Int, Int)] = []
    try store.forEachReport(ExportSelection()) { bundle in
      seen.append((bundle.report.id, bundle.annotations.count, bundle.links.count))
    }
    #expect(seen.map(\.0) == [1, 2])
    #expect(seen.map(\.1) == [2, 0])
    #expect(seen.map(\.2) == [1, 0])
  }

  @Test(arguments: StoreBackend.available)
  func layersAreRecordedOnceWithAnEvent(_ backend: StoreBackend) throws {
    let store = try backend.freshStore(in: folder)
    let layer = LayerRecord(id: "claims", version: "1", kind: "span", schemaJSON: #"{"labels":["claim"]}"#)
    try store.registerLayer(layer, author: "amal")
    try store.registerLayer(layer, author: "amal")
    #expect(try store.layerRecords() == [layer])
    #expect(try store.events(entity: "layer", entityID: nil).count == 1)
  }
}
