import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// U+0000 is refused where it enters, in every field an import stores, naming the file, the line
/// or record, and the field.
@Suite struct NULCheckTests {
  let temporary = TemporaryFolder()

  func file(_ name: String, _ text: String) -> String {
    let path = temporary.path(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  func importError(_ path: String) throws -> ImportError? {
    let store = try ProjectStore.open(path: temporary.path("p.hashiya"))
    do {
      _ = try ReportImport.run(try ReportImport.plan(paths: [path]), into: store, author: "tester")
      return nil
    } catch let error as ImportError {
      return error
    }
  }

  @Test func findsTheFirstNULAsACharacterOffset() {
    #expect(NULCheck.firstNUL(in: "كِتاب 👋🏽") == nil)
    #expect(NULCheck.firstNUL(in: "👋🏽a\u{0}b\u{0}") == 3)
    #expect(NULCheck.firstNUL(in: "\u{0}") == 0)
    #expect(
      NULCheck.first(in: NewReport(title: "t\u{0}", text: "ok", language: "ar")) == .init(field: "title", offset: 1))
    #expect(
      NULCheck.first(in: NewReport(title: "t", text: "ok", language: "ar", url: "\u{0}"))
        == .init(field: "url", offset: 0))
  }

  @Test func jsonLinesNameTheLineAndField() throws {
    let path = file("r.jsonl", "{\"text\": \"good\"}\r\n{\"text\": \"قال\\u0000 هذا\", \"title\": \"t\"}\r\n")
    #expect(
      try importError(path)
        == .nulCharacter(path: path, line: 2, reason: NULCheck.Found(field: "text", offset: 3).reason))
    let source = file("s.jsonl", "{\"text\": \"good\", \"source\": \"a\\u0000\"}\n")
    #expect(
      try importError(source)?.description.contains("s.jsonl:1: \"source\" holds U+0000 (NUL) at character 1") == true)
  }

  @Test func aTextFileNamesTheLineOfALateNUL() throws {
    let path = file("r.txt", String(repeating: "سطرٌ طويلٌ جداً\r\n", count: 1_000) + "x\u{0}")
    #expect(try importError(path)?.description.hasPrefix("\(path):1001: \"text\" holds U+0000") == true)
    let early = file("early.txt", "x\u{0}y")
    #expect(try importError(early) == .binaryFile(path: early))
  }

  @Test func aSidecarFieldIsNamedInTheSidecar() throws {
    let path = file("a.txt", "a body")
    let sidecar = file("a.json", "{\"title\": \"x\\u0000\"}")
    #expect(try importError(path)?.description.hasPrefix("\(sidecar):1: \"title\" holds U+0000") == true)
  }

  @Test func annotatedRecordsNameTheirLocation() {
    let text = "قال كينو"
    var imported = ImportedReport(report: NewReport(title: "t", text: text, language: "ar"), location: "f.jsonl:3")
    #expect(NULCheck.error(in: imported) == nil)
    imported.annotations = [
      ImportedAnnotation(
        key: "a", layer: "l", label: "x\u{0}", range: TextRange(0, 3), location: "f.jsonl:3 annotation 1")
    ]
    #expect(NULCheck.error(in: imported)?.location == "f.jsonl:3 annotation 1")
    #expect(NULCheck.error(in: imported)?.reason.hasPrefix("\"label\" holds U+0000") == true)
    imported.annotations = []
    imported.reviews = [ImportedReview(annotation: "a", reviewer: "r", verdict: .approve, comment: "\u{0}")]
    #expect(NULCheck.error(in: imported)?.reason.hasPrefix("a review's \"comment\"") == true)
  }
}
