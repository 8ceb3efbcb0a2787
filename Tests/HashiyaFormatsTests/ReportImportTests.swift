import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite struct ReportImportTests {
  let temporary = TemporaryFolder()
  var folder: URL { temporary.url }

  func file(_ name: String, _ bytes: [UInt8]) -> String {
    let path = folder.appendingPathComponent(name).path
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
  }

  func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

  func store() throws -> ProjectStore {
    try ProjectStore.open(path: folder.appendingPathComponent("p.hashiya").path)
  }

  func importing(_ paths: [String], into store: ProjectStore) throws -> ImportOutcome {
    try ReportImport.run(try ReportImport.plan(paths: paths), into: store, author: "tester")
  }

  @Test func textFileKeepsCRLFAndRecordsARemovedBOM() throws {
    let text = "عنوان التقرير\r\nأكد “كويثي” 👍🏽\r\n"
    let path = file("r.ar.txt", [0xEF, 0xBB, 0xBF] + Array(text.utf8))
    let store = try store()
    #expect(try importing([path], into: store).added == [1])
    let report = try store.report(id: 1)
    #expect(report.text == text)
    #expect(report.hadBOM)
    #expect(report.title == "عنوان التقرير")
    #expect(report.language == "ar")
  }

  @Test func sidecarOverridesTitleAndKeepsMetadata() throws {
    let path = file("a.txt", "first line\nbody")
    _ = file("a.json", #"{"title": "Real title", "lang": "en", "url": "https://example.org/a", "desk": "world"}"#)
    let store = try store()
    _ = try importing([path], into: store)
    let report = try store.report(id: 1)
    #expect(report.title == "Real title")
    #expect(report.url == "https://example.org/a")
    #expect(report.metadataJSON == #"{"desk":"world"}"#)
  }

  @Test func jsonlReadsEveryFieldAndGuessesTheRest() throws {
    let lines = [
      #"{"id": "r-1", "title": "T1", "text": "Line one\r\nof the report and the rest", "lang": "en", "published": "2019-04-02", "metadata": {"k": 1}}"#,
      "",
      #"{"id": 7, "text": "قال المتحدث إن الدعم مستمر"}"#,
    ]
    let path = file("reports.jsonl", lines.joined(separator: "\r\n") + "\n")
    let store = try store()
    #expect(try importing([path], into: store).added == [1, 2])
    let first = try store.report(id: 1)
    #expect(first.uid == "r-1")
    #expect(first.text == "Line one\r\nof the report and the rest")
    #expect(first.published == "2019-04-02")
    #expect(first.metadataJSON == #"{"k":1}"#)
    let second = try store.report(id: 2)
    #expect(second.uid == "7")
    #expect(second.title == "قال المتحدث إن الدعم مستمر")
    #expect(second.language == "ar")
  }

  @Test func aBadJSONLLineRollsBackTheWholeImport() throws {
    let good = #"{"text": "a fine report"}"#
    let path = file("bad.jsonl", [good, #"{"text": "another"}"#, #"{"text": oops}"#].joined(separator: "\n"))
    let store = try store()
    #expect(throws: ImportError.notJSON(path: path, line: 3, detail: "at byte 9: expected a JSON value")) {
      try importing([path], into: store)
    }
    #expect(try store.reportCount() == 0)
  }

  @Test func namesTheLineOfAMissingText() throws {
    let path = file("notext.jsonl", #"{"title": "no body"}"#)
    #expect(throws: ImportError.missingField(path: path, line: 1, field: "text")) {
      try importing([path], into: try store())
    }
    let wrong = file("wrongtype.jsonl", #"{"text": 12}"#)
    #expect(throws: ImportError.wrongType(path: wrong, line: 1, field: "text", expected: "a string")) {
      try importing([wrong], into: try store())
    }
  }

  @Test func invalidUTF8NamesTheByteOffset() throws {
    let path = file("broken.txt", Array("صحيح".utf8) + [0xC3, 0x28] + Array("x".utf8))
    #expect(throws: ImportError.invalidUTF8(path: path, byteOffset: 8)) { try importing([path], into: try store()) }
  }

  @Test func refusesBinaryEmptyMissingAndUnknownFiles() throws {
    let binary = file("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A])
    #expect(throws: ImportError.binaryFile(path: binary)) { try importing([binary], into: try store()) }
    let empty = file("empty.txt", [])
    #expect(throws: ImportError.emptyFile(path: empty)) { try importing([empty], into: try store()) }
    let blank = file("blank.txt", "  \n\r\n")
    #expect(throws: ImportError.emptyFile(path: blank)) { try importing([blank], into: try store()) }
    let missing = folder.appendingPathComponent("nope.txt").path
    #expect(throws: ImportError.notFound(path: missing)) { try ReportImport.plan(paths: [missing]) }
    let pdf = file("doc.pdf", "%PDF")
    #expect(throws: ImportError.unsupportedType(path: pdf)) { try ReportImport.plan(paths: [pdf]) }
  }

  @Test func readsDirectoriesRecursivelyAndRefusesEmptyOnes() throws {
    let sub = folder.appendingPathComponent("in/deeper")
    try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: sub.appendingPathComponent("b.txt").path, contents: Data("B".utf8))
    _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("in/a.md").path, contents: Data("A".utf8))
    _ = FileManager.default.createFile(
      atPath: folder.appendingPathComponent("in/.hidden.txt").path, contents: Data("H".utf8))
    _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("in/skip.png").path, contents: Data([0]))
    let files = try ReportImport.plan(paths: [folder.appendingPathComponent("in").path])
    #expect(files.map { ($0.path as NSString).lastPathComponent } == ["a.md", "b.txt"])
    let empty = folder.appendingPathComponent("void")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    #expect(throws: ImportError.noReports(path: empty.path)) { try ReportImport.plan(paths: [empty.path]) }
  }

  @Test func standardInputIsSniffedAsJSONLOrText() throws {
    let store = try store()
    let files = try ReportImport.plan(paths: ["-"])
    let outcome = try ReportImport.run(
      files, into: store, author: "t",
      standardInput: {
        Array("{\"text\": \"one\"}\n{\"text\": \"two\"}\n".utf8)
      })
    #expect(outcome.added == [1, 2])
    _ = try ReportImport.run(files, into: store, author: "t", standardInput: { Array("Title\nBody".utf8) })
    #expect(try store.report(id: 3).title == "Title")
  }

  @Test func guessesLanguageFromFileNameThenScript() {
    #expect(LanguageGuess.guess(text: "anything", fileName: "x.fr.txt") == "fr")
    #expect(LanguageGuess.guess(text: "قال المتحدث", fileName: "x.txt") == "ar")
    #expect(LanguageGuess.guess(text: "The report said that the port is open", fileName: nil) == "en")
    #expect(LanguageGuess.guess(text: "123 456", fileName: nil) == "und")
  }

  @Test func lineReaderHandlesChunkBoundariesAndCRLF() throws {
    let text = (1...50).map { "line \($0) أكد" }.joined(separator: "\r\n")
    let path = file("lines.txt", text)
    let handle = FileHandle(forReadingAtPath: path)!
    var lines: [String] = []
    try LineReader(handle: handle, chunkSize: 7).forEachLine { raw, number, _ in
      lines.append(String(decoding: raw, as: UTF8.self))
      #expect(number == lines.count)
    }
    #expect(lines == (1...50).map { "line \($0) أكد" })
  }
}
