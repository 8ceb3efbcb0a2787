import AnnotatorKit
import AnnotatorTesting
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

@Suite struct ComparisonStoreTests {
  let folder = TemporaryFolder()
  static let text = "أكد “كيفين كويثي” أنهم دربوا 120 ألف مقاتل."

  /// Three reports with annotations by two people in two layers, one adjudicated, one deleted, one link.
  func store() throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path("c.hashiya"))
    try store.importReports(author: "setup", source: "test") { importer in
      for n in 1...3 { try importer.insert(NewReport(title: "t\(n)", text: Self.text + " \(n)", language: "ar")) }
    }
    func new(_ report: Int, _ layer: String, _ label: String, _ start: Int, _ end: Int, origin: String = "manual")
      -> NewAnnotation
    {
      let quote = String(String.UnicodeScalarView(Array(Self.text.unicodeScalars)[start..<end]))
      return NewAnnotation(
        reportID: report, layer: layer, label: label, range: TextRange(start, end), quote: quote,
        attributes: ["name": "كيفين كويثي"], origin: origin)
    }
    try store.change(author: "amal") { changes in
      let quote = try changes.add(new(2, "speaker-tagging", "quote", 18, 43))
      let speaker = try changes.add(new(2, "speaker-tagging", "speaker", 5, 16))
      try changes.link("said-by", from: quote.id, to: speaker.id)
      try changes.add(new(1, "claim-labeling", "claim", 0, 3))
      try changes.add(new(3, "speaker-tagging", "speaker", 5, 16, origin: "adjudicated"))
      let gone = try changes.add(new(3, "speaker-tagging", "speaker", 18, 22))
      try changes.delete(gone.id)
    }
    try store.change(author: "karim") { try $0.add(new(2, "speaker-tagging", "speaker", 5, 10)) }
    return store
  }

  @Test func spansAreTheComparedAnnotationsInTextOrder() throws {
    let store = try store()
    let spans = try store.annotationSpans(reportIDs: [1, 2, 3], layers: nil)
    let expected = try store.annotations(AnnotationFilter(reportIDs: [1, 2, 3])).filter { $0.origin != "adjudicated" }
    #expect(spans == expected.map(AnnotationSpan.init))
    #expect(spans.map(\.id) == [3, 6, 2, 1])
    #expect(spans[1].attributes["name"] == "كيفين كويثي")
    #expect(try store.annotationSpans(reportIDs: [2], layers: ["claim-labeling"]).isEmpty)
    #expect(try store.annotationSpans(reportIDs: [3, 1, 1], layers: ["claim-labeling"]).map(\.id) == [3])
  }

  @Test func linksAreThoseFromComparedSpans() throws {
    let store = try store()
    #expect(try store.linksFromSpans(reportIDs: [1, 2], layers: nil).map(\.fromID) == [1])
    #expect(try store.linksFromSpans(reportIDs: [1, 3], layers: nil).isEmpty)
    #expect(try store.linksFromSpans(reportIDs: [2], layers: ["claim-labeling"]).isEmpty)
  }

  @Test func textsComeInTheOrderAsked() throws {
    let store = try store()
    let texts = try store.reportTexts(ids: [3, 1, 9])
    #expect(texts.map(\.id) == [3, 1])
    #expect(texts.map(\.text) == [Self.text + " 3", Self.text + " 1"])
  }

  @Test func idsBecomeRunsOfConsecutiveIntegers() {
    #expect(ProjectStore.runs(of: []) == [])
    #expect(ProjectStore.runs(of: [5, 1, 2, 3, 3, 9, 8]) == [1...3, 5...5, 8...9])
  }
}
