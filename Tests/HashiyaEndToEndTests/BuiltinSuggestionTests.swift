import Foundation
import Testing

/// The built-in annotators on the seed report, through the real binary.
@Suite struct BuiltinSuggestionTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("p.hashiya") }

  func suggestions() throws -> [[String: Any]] {
    #expect(try hashiya.run([project, "-c", "import \(HashiyaBinary.samples); team add amal lead"]).status == 0)
    let run = try hashiya.run([project, "--json", "-c", "show 1; suggest"])
    #expect(run.status == 0, "\(run.stderr)")
    let list = try JSONSerialization.jsonObject(with: Data(run: run, line: 1)) as? [String: Any]
    return try #require(list?["suggestions"] as? [[String: Any]])
  }

  @Test func theSeedReportYieldsSpeakersWithTheirQuotesClaimsAndNotes() throws {
    let all = try suggestions()
    func named(_ layer: String, _ label: String) -> [[String: Any]] {
      all.filter { $0["layer"] as? String == layer && $0["label"] as? String == label }
    }
    let speakers = named("speaker-tagging", "speaker")
    let number = { (name: String) -> [Int] in
      speakers.filter { $0["quote"] as? String == name }.compactMap { $0["n"] as? Int }
    }
    let kuwaithi = number("كيفين كويثي")
    let gabriel = number("كينو كابرييل")
    #expect(kuwaithi.count == 1)
    #expect(gabriel.count == 1)
    let speakerName = Dictionary(
      uniqueKeysWithValues: speakers.map { ($0["n"] as! Int, ($0["attributes"] as? [String: Any])?["name"] as? String) }
    )
    func attributed(_ quote: [String: Any]) -> String? {
      let links = quote["links"] as? [[String: Any]] ?? []
      return links.first { $0["type"] as? String == "said-by" }.flatMap { speakerName[$0["to"] as! Int] ?? nil }
    }
    let quotes = named("speaker-tagging", "quote")
    let direct = try #require(quotes.first { ($0["quote"] as? String)?.hasPrefix("لكن هذا ليس حلاً نهائياً") == true })
    #expect(attributed(direct) == "كينو كابرييل")
    #expect(
      quotes.contains { ($0["quote"] as? String)?.contains("120 ألف") == true && attributed($0) == "كيفين كويثي" })
    #expect(quotes.allSatisfy { attributed($0) != nil })
    let claims = named("claim-labeling", "claim").compactMap { $0["quote"] as? String }
    #expect(claims.contains { $0.contains("120 ألف") })
    #expect(claims.contains { $0.contains("ثمانية ملايين") })
    let notes = Set(named("translation-notes", "note").compactMap { $0["quote"] as? String })
    for term in ["قسد", "داعش", "التحالف الدولي", "البشمركة", "الخلايا النائمة", "الإدارة الذاتية", "رميلان"] {
      #expect(notes.contains(term), "\(term)")
    }
  }

  @Test func acceptingEverythingWritesAnnotationsLinksAndOriginsAndShowRendersThem() throws {
    let all = try suggestions()
    let accepted = try hashiya.run([project, "--user", "amal", "-c", "show 1; suggest; accept all"])
    // The echo sums the new annotations up rather than listing every one.
    let echo = accepted.stdout.split(separator: "\n").drop { !$0.hasPrefix("accepted ") }
    #expect(echo.count == 1 && echo.first?.contains("suggestions as #") == true, "\(accepted.stdout.suffix(300))")
    #expect(accepted.status == 0, "\(accepted.stderr)")
    let listed = try hashiya.run([project, "--json", "-c", "show 1; ls"])
    let annotations = try #require(
      try JSONSerialization.jsonObject(with: Data(run: listed, line: 1)) as? [[String: Any]])
    #expect(annotations.count == all.count)
    #expect(annotations.allSatisfy { ($0["origin"] as? String)?.hasPrefix("suggested:") == true })
    let links = annotations.flatMap { $0["links"] as? [[String: Any]] ?? [] }.filter {
      $0["type"] as? String == "said-by"
    }
    #expect(!links.isEmpty)
    let again = try hashiya.run([project, "--user", "amal", "--json", "-c", "show 1; suggest"])
    #expect(again.stdoutLines[1].contains("\"suggestions\":[]"))
    let shown = try hashiya.run([project, "-c", "show 1 --layer speaker-tagging"], environment: ["NO_COLOR": "1"])
    #expect(shown.stdout.contains("⟦كيفين كويثي⟧#"))
  }

  @Test func pluginCommandsAnnotateWithLinksAndText() throws {
    _ = try suggestions()
    let run = try hashiya.run([
      project, "--json", "-c",
      "show 1; speaker \"كينو كابرييل\" role=\"المتحدث الرسمي\"; quote s10 by #1 mode=direct; note \"قسد\"#1 \"SDF\" kind=gloss; claim \"ثمانية ملايين\" type=statistical checkworthiness=5",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdoutLines[2].contains("\"said-by\""))
    #expect(run.stdoutLines[3].contains("\"translation\":\"SDF\""))
    #expect(run.stdoutLines[4].contains("\"checkworthiness\":5"))
    let bad = try hashiya.run([
      project, "-c", "show 1; claim s7 checkworthiness=9; claim s7 verdict=maybe; quote s10 by #3",
    ])
    #expect(bad.status == 1)
    #expect(bad.stderrLines.count == 3, "\(bad.stderr)")
    #expect(bad.stderr.contains("checkworthiness=9: must be within 1…5"))
    #expect(bad.stderr.contains("verdict=maybe: must be one of"))
    #expect(bad.stderr.contains("a said-by link cannot go from a quote to a note"))
  }
}
