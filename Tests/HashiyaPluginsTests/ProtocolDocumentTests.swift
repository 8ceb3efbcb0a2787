import AnnotatorKit
import Foundation
import Testing

@testable import HashiyaPlugins

/// The minimal plugin printed in docs/plugin-protocol.md must work as printed.
@Suite struct ProtocolDocumentTests {
  /// The contents of the fenced blocks of `language` in a Markdown document, in order.
  static func codeBlocks(_ language: String, in markdown: String) -> [String] {
    var blocks: [String] = []
    var current: [Substring]?
    for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line == "```\(language)" {
        current = []
      } else if current != nil, line == "```" {
        blocks.append(current!.joined(separator: "\n") + "\n")
        current = nil
      } else {
        current?.append(line)
      }
    }
    return blocks
  }

  @Test func minimalPythonPluginFromTheDocsWorks() throws {
    let document = Fixtures.repository.appendingPathComponent("docs/plugin-protocol.md")
    let markdown = try String(contentsOf: document, encoding: .utf8)
    let script = try #require(Self.codeBlocks("python", in: markdown).first { $0.contains("for line in sys.stdin") })
    let manifest = try #require(Self.codeBlocks("json", in: markdown).first { $0.contains(#""kind": "process""#) })

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hashiya-doc-plugin-\(UUID())")
    let pluginFolder = folder.appendingPathComponent("breaking")
    try FileManager.default.createDirectory(at: pluginFolder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try script.write(to: pluginFolder.appendingPathComponent("breaking.py"), atomically: true, encoding: .utf8)
    try manifest.write(to: pluginFolder.appendingPathComponent("plugin.json"), atomically: true, encoding: .utf8)

    let result = PluginLoader(searchDirectories: [folder.path]).load()
    #expect(result.failures.isEmpty)
    let plugin = try #require(result.plugin("breaking")?.annotator)
    defer { result.shutdown() }
    let report = Fixtures.report("🔴 خبر عاجل: عاجل")
    let suggestions = try plugin.suggest(report)
    #expect(suggestions.map(\.range) == report.text.occurrences(of: "عاجل"))
    #expect(suggestions.first?.explanation == "the word عاجل")
  }

  @Test func workedOffsetExampleHolds() {
    let text = ReportText("😀 قسد")
    #expect(text.occurrences(of: "قسد") == [TextRange(2, 5)])
    #expect(OffsetUnit.utf16.scalarOffset(3, in: text) == 2 && OffsetUnit.utf16.scalarOffset(6, in: text) == 5)
    #expect(OffsetUnit.utf8.scalarOffset(5, in: text) == 2 && OffsetUnit.utf8.scalarOffset(11, in: text) == 5)
    #expect(OffsetUnit.utf16.scalarOffset(1, in: text) == nil)
    #expect(OffsetUnit.utf8.scalarOffset(6, in: text) == nil)
  }
}
