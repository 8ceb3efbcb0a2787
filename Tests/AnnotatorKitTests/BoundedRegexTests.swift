import AnnotatorKit
import Foundation
import Testing

/// A user's or a plugin's pattern matches in exact scalar offsets widened to whole characters, and
/// one that backtracks for ever is given up within its limit.
@Suite struct BoundedRegexTests {
  let text = ReportText("قالَ المُتحدِّثُ: 👨‍👩‍👧 حضرَ ١٢٠ ألفَ شخصٍ\r\nوغادرَ 👋🏽 كثيرون")

  func matches(_ pattern: String, flags: String = "") throws -> [String] {
    try text.occurrences(of: try BoundedRegex(pattern, flags: flags)).map(text.substring)
  }

  @Test func matchesAreWidenedToWholeCharacters() throws {
    #expect(try matches("الم") == ["المُ"])
    #expect(try matches("[٠-٩]+ ألف") == ["١٢٠ ألفَ"])
    #expect(try matches("👋") == ["👋🏽"])
    #expect(try matches("👩") == ["👨‍👩‍👧"])
    // A mark alone is never a span: each comes back with the letter it sits on.
    #expect(try matches("\\p{Mn}").allSatisfy { $0.unicodeScalars.count >= 2 && $0.count == 1 })
  }

  @Test func offsetsAreScalarOffsets() throws {
    let ranges = try text.occurrences(of: try BoundedRegex("كثيرون"))
    let scalars = Array(text.string.unicodeScalars)
    #expect(ranges == [TextRange(scalars.count - 6, scalars.count)])
  }

  @Test func flagsChangeMatching() throws {
    let latin = ReportText("Port\r\nport")
    func count(_ pattern: String, _ flags: String) throws -> Int {
      try latin.occurrences(of: try BoundedRegex(pattern, flags: flags)).count
    }
    #expect(try count("port", "") == 1)
    #expect(try count("port", "i") == 2)
    #expect(try count("^port$", "") == 0)
    #expect(try count("^port$", "im") == 2)
    #expect(try count("t.+p", "") == 0)
    #expect(try count("t.+p", "s") == 1)
    #expect(try count("p o r t  # spaced", "x") == 1)
  }

  @Test func badPatternsAndFlagsSayWhy() {
    #expect(throws: RegexError.self) { try BoundedRegex("[") }
    do {
      _ = try BoundedRegex("a", flags: "g")
      Issue.record("flag g was accepted")
    } catch {
      #expect(error.description == "invalid regular expression /a/: unknown flag \"g\" (use i, m, s, x)")
    }
  }

  @Test func aCatastrophicPatternIsGivenUpWithinItsLimit() throws {
    let text = ReportText(String(repeating: "a", count: 40) + "!")
    let started = ContinuousClock.now
    do {
      _ = try text.occurrences(of: try BoundedRegex("(a+)+$"), timeLimit: .milliseconds(300))
      Issue.record("the search finished")
    } catch {
      #expect(error == .tooExpensive(pattern: "(a+)+$", limit: .milliseconds(300)))
      #expect(error.description == "pattern too expensive: /(a+)+$/ (gave up after 0.3 s)")
    }
    #expect(ContinuousClock.now - started < .seconds(5))
  }

  @Test func aLongPatternIsQuotedAsAnExcerpt() {
    let pattern = String(repeating: "(a+)+", count: 100)
    let message = RegexError.tooExpensive(pattern: pattern, limit: .seconds(1)).description
    #expect(message.count < 200)
    #expect(message.contains("(500 characters)"))
  }

  @Test func emptyMatchesAreDropped() throws {
    #expect(try matches("x*").isEmpty)
    #expect(try BoundedRegex("x*").matchesEmptyString())
    #expect(try !BoundedRegex("x+").matchesEmptyString())
  }
}
