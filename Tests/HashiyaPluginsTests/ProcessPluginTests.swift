import AnnotatorKit
import Foundation
import Testing

@testable import HashiyaPlugins

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ProcessPluginTests {
  static func plugin(_ folder: String) throws -> ProcessPlugin {
    try ProcessPlugin(manifest: PluginManifest(folder: folder))
  }

  /// True once the process is gone and reaped: `kill(pid, 0)` still succeeds for a zombie.
  static func isGone(_ pid: Int32) -> Bool {
    for _ in 0..<200 {
      if kill(pid, 0) == -1 && errno == ESRCH { return true }
      usleep(10_000)
    }
    return false
  }

  @Test func quoteFinderOffsetsAreConvertedFromUTF16() throws {
    let plugin = try Self.plugin(Fixtures.example("quote-finder"))
    defer { plugin.shutdown() }
    // Each emoji is two UTF-16 units but one code point, so unconverted offsets would be off by 2.
    let text = "😀👍 قال المتحدث: «لن ننسحب من رميلان» يوم 12 آذار 2019، ثم أضاف “الوضع هادئ”."
    let report = Fixtures.report(text)
    let suggestions = try plugin.suggest(report)
    #expect(plugin.offsetUnit == .utf16)
    let byLabel = { (label: String) in suggestions.filter { $0.label == label } }
    #expect(
      byLabel("quotation").map(\.range) == report.text.occurrences(of: "لن ننسحب من رميلان")
        + report.text.occurrences(of: "الوضع هادئ"))
    #expect(byLabel("quotation").map(\.attributes) == [["marks": "guillemets"], ["marks": "curly"]])
    #expect(byLabel("date").map(\.range) == report.text.occurrences(of: "12 آذار 2019"))
    #expect(byLabel("date").first?.attributes == ["iso": "2019-03-12"])
  }

  @Test func keepsOneProcessForTheSessionAndSplitsLargeBatches() throws {
    let plugin = try Self.plugin(Fixtures.process("good"))
    defer { plugin.shutdown() }
    #expect(!plugin.isRunning)
    let first = try plugin.suggest(Fixtures.report("أول تقرير"))
    let pid = try #require(plugin.processIdentifier)
    let reports = (1...120).map { Fixtures.report("تقرير رقم \($0)", id: $0) }
    let results = try plugin.suggest(batch: reports)
    #expect(results.count == 120)
    #expect(results.allSatisfy { $0.count == 1 && $0[0].range == TextRange(0, 5) })
    #expect(plugin.processIdentifier == pid)
    #expect(first[0].attributes["pid"] == .int(Int(pid)))
    #expect(results[119][0].attributes["pid"] == .int(Int(pid)))
  }

  @Test func shutdownEndsTheProcessAndALaterRequestStartsAgain() throws {
    let plugin = try Self.plugin(Fixtures.process("good"))
    _ = try plugin.suggest(Fixtures.report("كلمة"))
    let pid = try #require(plugin.processIdentifier)
    plugin.shutdown()
    #expect(!plugin.isRunning)
    #expect(Self.isGone(pid))
    _ = try plugin.suggest(Fixtures.report("كلمة"))
    #expect(plugin.processIdentifier != pid)
    plugin.shutdown()
  }

  @Test func handlesLargeReportsWithoutDeadlock() throws {
    let plugin = try Self.plugin(Fixtures.process("good"))
    defer { plugin.shutdown() }
    // Far more than a pipe buffer holds, so writing and reading must interleave.
    let text = "قسد " + String(repeating: "نص طويل جدا\n", count: 40_000)
    let results = try plugin.suggest(batch: [Fixtures.report(text, id: 1), Fixtures.report(text, id: 2)])
    #expect(results.map(\.count) == [1, 1])
  }

  @Test func reportsOffsetsInsideSurrogatePairs() throws {
    let plugin = try Self.plugin(Fixtures.process("surrogate"))
    defer { plugin.shutdown() }
    let error = #expect(throws: PluginError.self) {
      try plugin.suggest(Fixtures.report("قال 😀 !misbehave", id: 4))
    }
    #expect(
      error?.description.hasPrefix(
        "plugin fixture-surrogate: report 4, suggestion 0: mark 5..7 (utf16): start 5 falls inside a surrogate pair")
        == true)
  }
}
