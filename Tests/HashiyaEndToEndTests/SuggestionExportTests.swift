import Foundation
import Testing

/// `export --with-suggestions` then `import`: the candidates stay candidates, never somebody's
/// active annotations (they used to arrive as annotations numbered from #2147483648).
@Suite struct SuggestionExportTests {
  let hashiya = HashiyaBinary()

  @Test func exportedCandidatesAreLeftOutOnImportAndNamed() throws {
    let source = hashiya.path("source.hashiya")
    let copy = hashiya.path("copy.hashiya")
    let out = hashiya.path("out.jsonl")
    let made = try hashiya.run([
      source, "--user", "tester", "-c",
      "import \(HashiyaBinary.seed); speaker s4.3+1; suggest speaker-tagging; export --with-suggestions \(out)",
    ])
    #expect(made.status == 0, "\(made.stderr)")
    let exported = try String(contentsOfFile: out, encoding: .utf8)
    let candidates = exported.components(separatedBy: "\"origin\":\"suggestion:").count - 1
    #expect(candidates > 5, "\(exported.prefix(400))")

    let imported = try hashiya.run([copy, "--user", "tester", "--json", "-c", "import \(out)"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let summary = try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [String: Any]
    #expect(summary?["annotations"] as? Int == 1, "\(imported.stdout)")
    #expect(summary?["suggestionsLeftOut"] as? Int == candidates)
    let listed = try hashiya.run([copy, "--json", "-c", "ls"])
    let annotations = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
    #expect(annotations.count == 1)
    #expect(annotations.allSatisfy { ($0["handle"] as? Int ?? .max) < Int(Int32.max) }, "\(annotations)")
    // People read why.
    let text = try hashiya.run([hashiya.path("third.hashiya"), "--user", "tester", "-c", "import \(out)"])
    #expect(text.stdout.contains("left out \(candidates) suggestions"), "\(text.stdout)")
  }
}
