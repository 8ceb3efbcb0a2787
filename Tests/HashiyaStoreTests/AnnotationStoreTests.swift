import AnnotatorKit
import AnnotatorTesting
import Foundation
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

@Suite struct AnnotationStoreTests {
  let folder = TemporaryFolder()

  /// A project with one report, reopened fresh for each call to simulate restarts.
  func store() throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path("a.hashiya"))
    if try store.reportCount() == 0 {
      try store.importReports(author: "setup", source: "test") {
        try $0.insert(NewReport(title: "t", text: "أكد “كيفين كويثي” أنهم دربوا 120 ألف مقاتل.", language: "ar"))
      }
    }
    return store
  }

  func new(_ label: String, _ start: Int, _ end: Int, _ quote: String) -> NewAnnotation {
    NewAnnotation(reportID: 1, layer: "speaker-tagging", label: label, range: TextRange(start, end), quote: quote)
  }

  /// The store checks every quote it writes, in code points, whoever drafted the annotation.
  @Test func aQuoteThatIsNotTheTextIsRefusedBeforeWriting() throws {
    let store = try store()
    #expect(throws: AnnotationWriteError.quoteMismatch(reportID: 1, range: TextRange(5, 16), quote: "كيفين")) {
      try store.change(author: "amal") { try $0.add(new("speaker", 5, 16, "كيفين")) }
    }
    #expect(throws: AnnotationWriteError.self) {
      try store.change(author: "amal") { try $0.add(new("speaker", 40, 99, "x")) }
    }
    // A damage error boxed as any Error prints and is released whole (payloads made at run time).
    let boxed: any Error = StoreError.damaged(
      what: "report #\(store.path.count)", reason: String(repeating: "x", count: 40))
    #expect("\(boxed)".contains("is damaged"))
    #expect(try store.annotations(AnnotationFilter(reportID: 1, includeDeleted: true)).isEmpty)
    try store.importReports(author: "setup", source: "test") {
      try $0.insert(NewReport(title: "e", text: "a 👍🏽\r\nقسد 🇸🇾 b", language: "ar"))
    }
    // Past an emoji with a skin tone and a CR LF, offsets are still code points.
    let flag = NewAnnotation(
      reportID: 2, layer: "speaker-tagging", label: "speaker", range: TextRange(6, 9), quote: "قسد")
    #expect(try store.change(author: "amal") { try $0.add(flag) }.quote == "قسد")
  }

  @Test func addsUpdatesAndDeletesWithOneEventEach() throws {
    let store = try store()
    let speaker = try store.change(author: "amal") { try $0.add(new("speaker", 5, 16, "كيفين كويثي")) }
    #expect(speaker.id == 1)
    #expect(speaker.status == .active)
    try store.change(author: "amal") { try $0.update(1, attributes: ["name": "كيفين كويثي"]) }
    #expect(try store.annotation(id: 1).attributes["name"] == "كيفين كويثي")
    try store.change(author: "karim") { try $0.delete(1) }
    #expect(try store.annotation(id: 1).status == .deleted)
    #expect(try store.annotations(AnnotationFilter(reportID: 1)).isEmpty)
    #expect(try store.annotations(AnnotationFilter(reportID: 1, includeDeleted: true)).count == 1)
    let history = try store.history(ofAnnotation: 1)
    #expect(history.map(\.action) == ["create", "update", "delete"])
    #expect(history.map(\.author) == ["amal", "amal", "karim"])
    #expect(throws: StoreError.annotationDeleted(id: 1)) {
      try store.change(author: "amal") { try $0.update(1, label: "quote") }
    }
  }

  @Test func undoAndRedoAreKeptPerUserAcrossRestarts() throws {
    try store().change(author: "amal") { try $0.add(new("speaker", 5, 16, "كيفين كويثي")) }
    try store().change(author: "karim") { try $0.add(new("quote", 0, 3, "أكد")) }
    try store().change(author: "amal") { try $0.update(1, attributes: ["role": "قائد"]) }
    // amal's undo reverts amal's last change only, even in a fresh connection.
    let first = try store().undo(author: "amal")
    #expect(first.originalAction == "update")
    #expect(try store().annotation(id: 1).attributes.isEmpty)
    #expect(try store().annotation(id: 2).status == .active)
    let second = try store().undo(author: "amal")
    #expect(second.originalAction == "create")
    #expect(try store().annotation(id: 1).status == .deleted)
    #expect(throws: StoreError.nothingTo(action: "undo", user: "amal")) { try store().undo(author: "amal") }
    _ = try store().redo(author: "amal")
    #expect(try store().annotation(id: 1).status == .active)
    _ = try store().redo(author: "amal")
    #expect(try store().annotation(id: 1).attributes["role"] == "قائد")
    #expect(throws: StoreError.nothingTo(action: "redo", user: "amal")) { try store().redo(author: "amal") }
    // karim's stack is untouched by amal's undos.
    _ = try store().undo(author: "karim")
    #expect(try store().annotation(id: 2).status == .deleted)
  }

  @Test func aNewChangeClearsTheRedoStack() throws {
    let store = try store()
    try store.change(author: "amal") { try $0.add(new("speaker", 5, 16, "كيفين كويثي")) }
    _ = try store.undo(author: "amal")
    try store.change(author: "amal") { try $0.add(new("quote", 0, 3, "أكد")) }
    #expect(throws: StoreError.nothingTo(action: "redo", user: "amal")) { try store.redo(author: "amal") }
  }

  @Test func undoRefusesToOverwriteSomeoneElsesLaterChange() throws {
    let store = try store()
    try store.change(author: "amal") { try $0.add(new("speaker", 5, 16, "كيفين كويثي")) }
    try store.change(author: "karim") { try $0.update(1, attributes: ["role": "x"]) }
    #expect(throws: StoreError.changedSince(action: "undo", handle: 1, by: "karim")) { try store.undo(author: "amal") }
    #expect(try store.annotation(id: 1).status == .active)
  }

  @Test func aCommandWithSeveralChangesIsUndoneAsOne() throws {
    let store = try store()
    try store.change(author: "amal") { changes in
      let speaker = try changes.add(new("speaker", 5, 16, "كيفين كويثي"))
      let quote = try changes.add(new("quote", 18, 43, "أنهم دربوا 120 ألف مقاتل."))
      try changes.link("said-by", from: quote.id, to: speaker.id)
    }
    #expect(try store.links(touching: [1]).count == 1)
    let reversal = try store.undo(author: "amal")
    #expect(reversal.handles.sorted == [1, 2])
    #expect(try store.annotations(AnnotationFilter()).isEmpty)
    #expect(try store.links(touching: [1, 2]).isEmpty)
    _ = try store.redo(author: "amal")
    #expect(try store.annotations(AnnotationFilter()).count == 2)
    #expect(try store.links(touching: [1]).map(\.type) == ["said-by"])
  }

  @Test func deletingAnAnnotationRemovesItsLinksAndUndoRestoresThem() throws {
    let store = try store()
    try store.change(author: "amal") { changes in
      let speaker = try changes.add(new("speaker", 5, 16, "كيفين كويثي"))
      let quote = try changes.add(new("quote", 18, 43, "أنهم دربوا 120 ألف مقاتل."))
      try changes.link("said-by", from: quote.id, to: speaker.id)
    }
    try store.change(author: "amal") { try $0.delete(1) }
    #expect(try store.links(touching: [2]).isEmpty)
    _ = try store.undo(author: "amal")
    #expect(try store.links(touching: [2]).count == 1)
  }

  @Test func recordsLayerSchemasAndSuggestionDecisions() throws {
    let store = try store()
    let record = LayerRecord(id: "claims", version: "1", kind: "manifest", schemaJSON: #"{"layer":"claims"}"#)
    try store.registerLayer(record, author: "amal")
    try store.registerLayer(record, author: "amal")
    #expect(try store.layerRecords() == [record])
    #expect(try store.events(entity: "layer").count == 1)
    let decision = SuggestionDecision(
      reportID: 1, layer: "claims", label: "claim", range: TextRange(0, 3), verdict: .rejected)
    try store.change(author: "amal") { try $0.recordDecision(decision, origin: "suggested:claims@1") }
    #expect(try store.suggestionDecisions(reportIDs: [1]) == [decision])
  }

  @Test func aFailedChangeLeavesNothing() throws {
    let store = try store()
    #expect(throws: StoreError.self) {
      try store.change(author: "amal") { changes in
        try changes.add(new("speaker", 5, 16, "كيفين كويثي"))
        try changes.update(99, label: "x")
      }
    }
    #expect(try store.annotations(AnnotationFilter(includeDeleted: true)).isEmpty)
    #expect(try store.events(entity: "annotation").isEmpty)
  }
}
