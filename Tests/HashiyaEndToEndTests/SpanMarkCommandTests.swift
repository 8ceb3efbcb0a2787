import Foundation
import Testing

/// Spans named by token marks and resized by words, end to end: `s4.3+1`, `s4.3-s5.2`, `+1`,
/// `-1`, `resize`, with undo, and the layer rule that keeps spans within a sentence.
@Suite struct SpanMarkCommandTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("marks.hashiya") }
  static var examples: String { HashiyaBinary.repository.appendingPathComponent("plugins/examples").path }

  /// The quotes `ls --json` lists, in handle order.
  func quotes() throws -> [String] {
    let listed = try hashiya.run([project, "--json", "-c", "ls"])
    let array = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
    return array.compactMap { $0["quote"] as? String }
  }

  @Test func tokenMarksAndPlusMinusNameTheSpanWithoutCounting() throws {
    let run = try hashiya.run([
      project, "--user", "tester", "-c",
      "import \(HashiyaBinary.seed); speaker s4.3+1; quote s4.27+1 by #1; speaker s9.3; +1 name=x",
    ])
    // `+1 name=x` is refused: resize takes no attributes; the rest went through.
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains("resize"), "\(run.stderr)")
    #expect(try quotes() == ["كيفين كويثي", "على استمرارية", "كينو"])
    let resized = try hashiya.run([project, "--user", "tester", "-c", "speaker s9.3; +1; ls"])
    #expect(resized.status == 0, "\(resized.stderr)")
    #expect(resized.stdout.contains("replaces #4"), "\(resized.stdout)")
    #expect(try quotes() == ["كيفين كويثي", "على استمرارية", "كينو", "كينو كابرييل"])
  }

  @Test func resizeKeepsLabelAttributesAndLinksAndUndoRestores() throws {
    let made = try hashiya.run([
      project, "--user", "tester", "-c",
      "import \(HashiyaBinary.seed); speaker s4.3 name=\"كيفين كويثي\"; quote s4.28+5 by #1; resize +1 #1",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let listed = try hashiya.run([project, "--json", "-c", "ls"])
    let entries = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
    let speaker = try #require(entries.first { $0["label"] as? String == "speaker" })
    #expect(speaker["quote"] as? String == "كيفين كويثي")
    #expect((speaker["attributes"] as? [String: Any])?["name"] as? String == "كيفين كويثي")
    let links = speaker["links"] as? [[String: Any]] ?? []
    #expect(links.count == 1 && links.first?["type"] as? String == "said-by", "\(speaker)")
    let undone = try hashiya.run([project, "--user", "tester", "-c", "undo"])
    #expect(undone.status == 0, "\(undone.stderr)")
    #expect(try quotes() == ["كيفين", "استمرارية مهمتهم في القضاء على تنظيم"])
  }

  @Test func spansAcrossSentencesAreRefusedWhereTheLayerKeepsThemInOne() throws {
    let run = try hashiya.run([
      project, "--user", "tester", "--plugins", Self.examples, "-c",
      "import \(HashiyaBinary.seed); tag gazetteer place s4.37-s5.1",
    ])
    #expect(run.status == 1)
    #expect(
      run.stderr.contains("gazetteer keeps each annotation within one sentence, and this span runs from s4 into s5"),
      "\(run.stderr)")
    // Offsets name the same span and meet the same rule; within a sentence it is made.
    let inside = try hashiya.run([
      project, "--user", "tester", "--plugins", Self.examples, "-c", "tag gazetteer place s4.13+1",
    ])
    #expect(inside.status == 0, "\(inside.stderr)")
    #expect(try quotes() == ["سوريا والعراق"])
    // A layer without the rule takes a span across sentences.
    let across = try hashiya.run([project, "--user", "tester", "-c", "note s4.36-s5.1 \"finally. He praised\""])
    #expect(across.status == 0, "\(across.stderr)")
    let last = try #require(try quotes().last)
    #expect(last.hasPrefix("نهائي.") && last.hasSuffix("واشاد"), "\(last)")
  }
}
