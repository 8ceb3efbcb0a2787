import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import HashiyaPostgres
import HashiyaStore
import Testing

/// A whole project copied between backends keeps every row as it was, and its copies merge.
@Suite struct CopyContractTests {
  let folder = TemporaryFolder()

  /// Every pair of backends there are here, source first.
  static var pairs: [(StoreBackend, StoreBackend)] {
    StoreBackend.available.flatMap { source in StoreBackend.available.map { (source, $0) } }
  }

  /// A project with reports, annotations, a link, an undone edit and a layer.
  func worked(_ backend: StoreBackend, in folder: TemporaryFolder) throws -> any ProjectStoring {
    let store = try backend.freshStore(in: folder)
    try store.importReports(author: "amal", source: "test") { inserter in
      try inserter.insert(NewReport(title: "تقرير", text: SeedReport.text, language: "ar"))
      try inserter.insert(NewReport(title: "mixed", text: "قالَ 👩🏽‍💻 هنا\r\nثم\t🇸🇾 \\قسد.", language: "ar"))
    }
    try store.registerLayer(
      LayerRecord(id: "speaker-tagging", version: "1", kind: "span", schemaJSON: #"{"labels":["speaker"]}"#),
      author: "amal")
    let text = Array(try store.report(id: 2).text.unicodeScalars)
    let emoji = Array("👩🏽‍💻".unicodeScalars)
    let start = try #require((0...(text.count - emoji.count)).first { Array(text[$0..<$0 + emoji.count]) == emoji })
    let first = try store.change(author: "amal") {
      try $0.add(
        NewAnnotation(
          reportID: 2, layer: "speaker-tagging", label: "speaker", range: TextRange(start, start + emoji.count),
          quote: "👩🏽‍💻", attributes: ["role": .string("المتحدث")]))
    }
    let second = try store.change(author: "amal") {
      try $0.add(
        NewAnnotation(reportID: 2, layer: "speaker-tagging", label: "quote", range: TextRange(0, 4), quote: "قالَ"))
    }
    _ = try store.change(author: "amal") { try $0.link("said-by", from: second.id, to: first.id) }
    _ = try store.change(author: "amal") { try $0.update(first.id, label: "official") }
    _ = try store.undo(author: "amal")
    return store
  }

  /// The project's rows, table by table, each row by lower-cased column name; `team` apart,
  /// as a server keeps whoever made its database on the team.
  func rows(_ store: any ProjectStoring) throws -> [String: [[String: StoredValue]]] {
    var tables: [String: [[String: StoredValue]]] = [:]
    try store.forEachTableChunk { chunk in
      guard chunk.table != "team" else { return }
      let names = chunk.columns.map { $0.lowercased() }
      tables[chunk.table, default: []] += chunk.rows.map { Dictionary(uniqueKeysWithValues: zip(names, $0)) }
    }
    return tables
  }

  @Test(arguments: pairs)
  func aCloneHoldsEveryRowAsTheOriginal(_ source: StoreBackend, _ destination: StoreBackend) throws {
    let original = try worked(source, in: folder)
    let other = TemporaryFolder()
    let copy = try destination.freshStore(in: other)
    try copy.load(from: original)
    let copied = try rows(copy)
    let kept = try rows(original)
    for table in ProjectTables.copied where table != "team" {
      #expect(copied[table] ?? [] == kept[table] ?? [], "\(table) differs")
    }
    #expect(try rows(copy)["events"]?.count ?? 0 >= 6)
    #expect(try copy.projectUID() == original.projectUID())
    // The copy is a working project: search finds what the original's does, undo goes on.
    #expect(try copy.search("قسد").hits.map(\.id) == original.search("قسد").hits.map(\.id))
    #expect(try copy.redo(author: "amal").originalAction == "update")
    #expect(try copy.annotation(id: 1).label == "official")
  }

  @Test(arguments: StoreBackend.available)
  func aCopyGoesOnlyIntoAnEmptyProject(_ backend: StoreBackend) throws {
    let original = try worked(.file, in: folder)
    let other = TemporaryFolder()
    let busy = try worked(backend, in: other)
    let before = try rows(busy)
    #expect(throws: StoreError.self) { try busy.load(from: original) }
    #expect(try rows(busy) == before)
  }

  @Test(arguments: StoreBackend.available)
  func aServersWorkMergesIntoAFileClonedFromIt(_ backend: StoreBackend) throws {
    let shared = try worked(backend, in: folder)
    let other = TemporaryFolder()
    let offline = try StoreBackend.file.freshStore(in: other)
    try offline.load(from: shared)
    // Both sides go on working, then the file takes the shared project's work.
    let added = try shared.change(author: "karim") {
      try $0.add(
        NewAnnotation(reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(0, 5), quote: "أخبار"))
    }
    _ = try offline.change(author: "amal") { try $0.update(1, label: "minister") }
    let outcome = try offline.merge(from: shared, author: "amal")
    #expect(outcome.annotationsAdded == 1)
    #expect(try offline.annotations(AnnotationFilter(reportID: 1)).map(\.uuid) == [added.uuid])
    #expect(try offline.annotation(id: 1).label == "minister")
    // Merging again changes nothing.
    let again = try offline.merge(from: shared, author: "amal")
    #expect(again.annotationsAdded == 0)
  }

  @Test(arguments: StoreBackend.available)
  func aFilesWorkMergesIntoEitherBackend(_ backend: StoreBackend) throws {
    let shared = try worked(backend, in: folder)
    let other = TemporaryFolder()
    let offline = try StoreBackend.file.freshStore(in: other)
    try offline.load(from: shared)
    let added = try offline.change(author: "karim") {
      try $0.add(
        NewAnnotation(reportID: 1, layer: "speaker-tagging", label: "speaker", range: TextRange(0, 5), quote: "أخبار"))
    }
    _ = try offline.change(author: "amal") { try $0.delete(1) }
    let outcome = try shared.merge(from: offline, author: "amal")
    #expect(outcome.annotationsAdded == 1)
    #expect(try shared.annotations(AnnotationFilter(reportID: 1)).map(\.uuid) == [added.uuid])
    #expect(try shared.annotation(id: 1).status == .deleted)
    #expect(try shared.merge(from: offline, author: "amal").annotationsAdded == 0)
    // The merged history undoes as any other: karim's annotation goes.
    #expect(try shared.undo(author: "karim").originalAction == "create")
    #expect(try shared.annotations(AnnotationFilter(reportID: 1)).isEmpty)
  }

  /// A merge reads both sides a chunk at a time in key order; a table longer than a chunk, and
  /// a change on either side of a chunk's edge, come through.
  @Test(arguments: StoreBackend.available)
  func aMergeWalksTablesLongerThanAChunk(_ backend: StoreBackend) throws {
    let shared = try backend.freshStore(in: folder)
    let count = ProjectTables.chunkSize + 300
    try shared.importReports(author: "amal", source: "bulk") { inserter in
      for index in 0..<count {
        try inserter.insert(NewReport(title: "تقرير \(index)", text: "نصٌّ رقم \(index) 🇸🇾\r\nسطر", language: "ar"))
      }
    }
    try shared.registerLayer(
      LayerRecord(id: "speaker-tagging", version: "1", kind: "span", schemaJSON: #"{"labels":["speaker"]}"#),
      author: "amal")
    let other = TemporaryFolder()
    let offline = try StoreBackend.file.freshStore(in: other)
    try offline.load(from: shared)
    // Work on both sides of the first chunk's edge, and a report past the end.
    for reportID in [ProjectTables.chunkSize, ProjectTables.chunkSize + 1] {
      _ = try offline.change(author: "karim") {
        try $0.add(
          NewAnnotation(
            reportID: reportID, layer: "speaker-tagging", label: "speaker", range: TextRange(0, 3), quote: "نصٌ"))
      }
    }
    try offline.importReports(author: "karim", source: "more") {
      try $0.insert(NewReport(title: "جديد", text: "نصٌّ جديدٌ تماماً", language: "ar"))
    }
    let outcome = try shared.merge(from: offline, author: "amal")
    #expect(outcome.reportsAdded == 1)
    #expect(outcome.annotationsAdded == 2)
    #expect(try shared.reportCount() == count + 1)
    #expect(try shared.search("تماما").total == 1)
    #expect(try shared.annotations(AnnotationFilter(reportID: ProjectTables.chunkSize + 1)).count == 1)
    #expect(try shared.merge(from: offline, author: "amal").changedAnything == false)
    let merged = try rows(shared)
    let kept = try rows(offline)
    for table in ["reports", "annotations", "reportTokens"] {
      #expect(merged[table] ?? [] == kept[table] ?? [], "\(table) differs")
    }
  }

  /// A field changed differently on both sides is a conflict on either backend, listed until a
  /// lead settles it.
  @Test(arguments: StoreBackend.available)
  func conflictsAreListedAndSettledOnEitherBackend(_ backend: StoreBackend) throws {
    let shared = try worked(backend, in: folder)
    let other = TemporaryFolder()
    let offline = try StoreBackend.file.freshStore(in: other)
    try offline.load(from: shared)
    _ = try offline.change(author: "karim") { try $0.update(1, label: "minister", attributes: nil) }
    _ = try shared.change(author: "amal") { try $0.update(1, label: "spokesperson", attributes: nil) }
    _ = try shared.merge(from: offline, author: "amal")
    let conflicts = try shared.openConflicts()
    #expect(conflicts.map(\.field) == ["label"])
    let conflict = try #require(conflicts.first)
    let settled = try shared.resolveConflict(
      conflict.id, takeOther: conflict.keptValue == #""spokesperson""#, author: "amal")
    #expect(settled.resolvedBy == "amal")
    #expect(try shared.openConflicts().isEmpty)
    #expect(try shared.annotation(id: 1).label == "minister")
  }
}
