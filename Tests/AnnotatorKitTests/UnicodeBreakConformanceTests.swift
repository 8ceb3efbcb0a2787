import Testing

@testable import AnnotatorKit

/// Runs every line of the official Unicode test files, reporting each mismatching line on its own.
///
/// One test per file rather than a parameterized test: the console would otherwise list all
/// ~2,400 lines on every run.
@Suite struct UnicodeBreakConformanceTests {
  @Test func graphemeBreakTest() throws {
    let cases = try BreakTestFile.cases("GraphemeBreakTest.txt")
    #expect(!cases.isEmpty)
    for testCase in cases {
      let actual = GraphemeSegmenter.boundaries(testCase.scalars)
      #expect(
        actual == testCase.boundaries,
        "GraphemeBreakTest.txt line \(testCase.lineNumber): \(testCase.comment)")
    }
  }

  /// The local check, asked about every offset, must reproduce the file's boundaries too.
  @Test func graphemeBreakTestOffsetByOffset() throws {
    for testCase in try BreakTestFile.cases("GraphemeBreakTest.txt") {
      let actual = testCase.scalars.withUnsafeBufferPointer { buffer in
        (0...buffer.count).filter { GraphemeSegmenter.isBoundary(at: $0, in: buffer) }
      }
      #expect(
        actual == testCase.boundaries,
        "GraphemeBreakTest.txt line \(testCase.lineNumber): \(testCase.comment)")
    }
  }

  @Test func wordBreakTest() throws {
    let cases = try BreakTestFile.cases("WordBreakTest.txt")
    #expect(!cases.isEmpty)
    for testCase in cases {
      let actual = WordSegmenter.boundaries(testCase.scalars)
      #expect(
        actual == testCase.boundaries,
        "WordBreakTest.txt line \(testCase.lineNumber): \(testCase.comment)")
    }
  }
}
