import AnnotatorKit
import AnnotatorTesting
import Foundation
import Testing
import TranslationNotes

@Suite struct GlossaryFileTests {
  /// Writes `contents` to a fresh temporary file the test owns.
  private func temporaryFile(_ contents: String) throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("glossary-\(UInt64.random(in: 0...UInt64.max)).tsv").path
    try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test func readsEntriesCommentsBlankLinesAndCRLF() throws {
    let path = try temporaryFile(
      "\u{FEFF}# my glossary\r\n\r\nقسد\tSDF\ttransliteration\r\n  # indented comment\nحلب\tAleppo\n\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let entries = try TranslationNoter.loadGlossary(path: path)
    #expect(
      entries == [
        GlossaryEntry(term: "قسد", translation: "SDF", kind: .transliteration),
        GlossaryEntry(term: "حلب", translation: "Aleppo"),
      ])
  }

  @Test func malformedLinesNameFileAndLine() throws {
    for (contents, line) in [
      ("قسد\tSDF\nحلب Aleppo\n", 2), ("# c\n\nقسد\tSDF\tslang\n", 3), ("\tSDF\n", 1), ("قسد\t\n", 1),
      ("قسد\tSDF\tgloss\textra\n", 1),
    ] {
      let path = try temporaryFile(contents)
      defer { try? FileManager.default.removeItem(atPath: path) }
      let error = try #require(throws: GlossaryError.self) { try TranslationNoter.loadGlossary(path: path) }
      #expect(error.path == path)
      #expect(error.line == line)
      #expect(error.description.hasPrefix("\(path):\(line): "))
    }
  }

  @Test func missingFileAndInvalidUTF8() throws {
    #expect(throws: GlossaryError.self) { try TranslationNoter.loadGlossary(path: "/nonexistent/glossary.tsv") }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bad-\(UInt64.random(in: 0...UInt64.max)).tsv"
    ).path
    try Data([0x71, 0x09, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let error = try #require(throws: GlossaryError.self) { try TranslationNoter.loadGlossary(path: path) }
    #expect(error.description.contains("UTF-8"))
  }
}
