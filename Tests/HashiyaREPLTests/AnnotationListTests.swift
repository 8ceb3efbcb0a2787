import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaREPL

@Suite struct AnnotationListTests {
  let folder = TemporaryFolder()

  func session() throws -> Session {
    let store = try ProjectStore.open(path: folder.path("p.hashiya"))
    try store.importReports(author: "t", source: "test") {
      try $0.insert(NewReport(title: "t", text: "أكد “كيفين كويثي” 👍🏽 الدعم", language: "ar"))
    }
    return Session(store: store, user: "amal", commandsFromStandardInput: false)
  }

  func annotation(range: TextRange, quote: String) -> Annotation {
    Annotation(
      id: 7, uuid: "u", reportID: 1, layer: "l", label: "x", range: range, quote: quote, attributes: [:],
      author: "amal", origin: "manual", status: .active, createdAt: "", updatedAt: "")
  }

  @Test func aQuoteThatStillMatchesIsShownPlainly() throws {
    let list = try AnnotationList([annotation(range: TextRange(5, 16), quote: "كيفين كويثي")], session: session())
    #expect(list.mismatches.isEmpty)
    #expect(list.entries[0].location == TextLocation(sentence: 1, token: 3))
    #expect(!list.text(TextStyle(colour: false)).contains("⚠"))
  }

  @Test func aQuoteThatNoLongerMatchesIsReportedNeverSilentlyShown() throws {
    let list = try AnnotationList([annotation(range: TextRange(5, 16), quote: "كينو كابرييل")], session: session())
    #expect(list.mismatches.count == 1)
    #expect(list.text(TextStyle(colour: false)).contains("⚠ quote no longer matches the text"))
    #expect(JSONWriter.string(list.json).contains("\"quoteMismatch\":true"))
    let outside = try AnnotationList([annotation(range: TextRange(5, 999), quote: "x")], session: session())
    #expect(outside.mismatches.count == 1)
  }
}
