import Foundation
import Testing

/// A plugin's failure during `suggest` is an error on standard error with a non-zero exit, costs
/// only the report it concerns, and never hides the other suggestions.
@Suite struct PluginFailureTests {
  let hashiya = HashiyaBinary()

  static let outOfRange = HashiyaBinary.repository.appendingPathComponent(
    "Tests/HashiyaPluginsTests/Fixtures/process/out-of-range"
  ).path

  @Test func aFaultySuggestionCostsItsReportAndIsAnError() throws {
    let project = hashiya.path("p.hashiya")
    let good = hashiya.write("good.txt", "نص عادي\nفيه كلمات.")
    let bad = hashiya.write("bad.txt", "نص !misbehave\nيطلب الخطأ.")
    #expect(try hashiya.run([project, "-c", "import \(good) \(bad)"]).status == 0)
    let run = try hashiya.run([
      project, "--plugins", Self.outOfRange, "-c", "suggest fixture-out-of-range --all-reports",
    ])
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    // The good report's suggestion is listed; the bad report's failure is one error line.
    #expect(run.stdout.contains("fixture-out-of-range/mark"), "\(run.stdout)")
    #expect(run.stdout.contains("1 suggestion"), "\(run.stdout)")
    #expect(!run.stdout.contains("outside the text"), "\(run.stdout)")
    #expect(run.stderrLines.count == 1, "\(run.stderr)")
    #expect(run.stderr.contains("report 2, suggestion 0"), "\(run.stderr)")
    #expect(run.stderr.contains("is outside the text"), "\(run.stderr)")
    #expect(!run.stderr.contains("refused the annotation"))
  }

  @Test func everyLayerSuggestReportsAFailingPluginOnStandardError() throws {
    let project = hashiya.path("p.hashiya")
    let bad = hashiya.write("bad.txt", "نص !misbehave\nقال “كيفين كويثي” إن قسد ستبقى.")
    #expect(try hashiya.run([project, "-c", "import \(bad)"]).status == 0)
    let run = try hashiya.run([project, "--plugins", Self.outOfRange, "-c", "suggest"])
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    #expect(run.stderr.contains("plugin fixture-out-of-range"), "\(run.stderr)")
    #expect(!run.stdout.contains("fixture-out-of-range"), "\(run.stdout)")
  }
}
