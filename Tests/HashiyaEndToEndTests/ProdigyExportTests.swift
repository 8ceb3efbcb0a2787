import AnnotatorKit
import AnnotatorTesting
import Foundation
import Testing

/// Every built-in suggestion on the seed report, accepted and exported for Prodigy, is a span spaCy
/// can find: the tokens rebuild the text and each span is whole tokens.
@Suite struct ProdigyExportTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  /// The seed report with all its built-in suggestions accepted, exported; the task and its span count.
  func exported() throws -> (path: String, task: JSONValue, accepted: Int) {
    let setup = try hashiya.run([
      project, "--user", "amal", "-c", "import \(HashiyaBinary.seed); team add amal lead; show 1; suggest; accept all",
    ])
    #expect(setup.status == 0, "\(setup.stderr)")
    let listed = try hashiya.run([project, "--user", "amal", "--json", "-c", "show 1; ls"])
    let accepted = try #require(try JSONParser.parse(listed.stdoutLines[1]).arrayValue).count
    let path = hashiya.path("spans.jsonl")
    let export = try hashiya.run([project, "--user", "amal", "-c", "export --format prodigy \(path)"])
    #expect(export.status == 0, "\(export.stderr)")
    let line = try #require(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first)
    return (path, try JSONParser.parse(String(line)), accepted)
  }

  @Test func everyBuiltinSuggestionIsWholeTokens() throws {
    let (path, task, accepted) = try exported()
    // Speakers, quotes, claims and notes: dozens, some after a clitic (لداعش, والبشمركة, لقسد).
    #expect(accepted > 20)
    let spans = try #require(task["spans"]?.arrayValue)
    #expect(spans.count == accepted)
    #expect(task["text"]?.stringValue == (try String(contentsOfFile: HashiyaBinary.seed, encoding: .utf8)))
    let problems = ProdigyTaskCheck.problems(in: task)
    #expect(problems.isEmpty, "\(problems)")

    let fresh = hashiya.path("back.hashiya")
    let back = try hashiya.run([fresh, "--json", "-c", "import --format prodigy \(path); show 1; ls"])
    #expect(back.status == 0, "\(back.stderr)")
    let reread = try #require(try JSONParser.parse(back.stdoutLines[2]).arrayValue)
    let offsets = { (list: [JSONValue]) in list.map { "\($0["start"] ?? "?")-\($0["end"] ?? "?")" }.sorted() }
    #expect(offsets(reread) == offsets(spans))
  }

  @Test(.enabled(if: ProdigyTaskCheck.python != nil, "python3 is not installed"))
  func pythonFindsEverySpanInTheExport() throws {
    let python = try #require(ProdigyTaskCheck.python)
    let (path, _, accepted) = try exported()
    let (status, output) = try ProdigyTaskCheck.runPython(python, on: path)
    #expect(status == 0 && output == "checked \(accepted)\n", "\(output)")
  }
}
