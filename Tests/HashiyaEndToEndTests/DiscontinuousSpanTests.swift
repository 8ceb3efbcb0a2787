import Foundation
import Testing

/// Spans in pieces end to end: a quotation the speech verb splits, typed as `A + B`, shown,
/// listed, undone, and carried whole through the native, W3C and HTML exports.
@Suite struct DiscontinuousSpanTests {
  let hashiya = HashiyaBinary()

  var project: String { hashiya.path("pieces.hashiya") }

  /// The one annotation `ls --json` lists with label `label`.
  func listed(_ project: String, label: String) throws -> [String: Any] {
    let run = try hashiya.run([project, "--json", "-c", "ls"])
    let entries = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]] ?? []
    return try #require(entries.first { $0["label"] as? String == label }, "\(run.stdout)")
  }

  /// s9 of the seed: «كينو كابرييل» says two things, split by «مشيراً إلى».
  func makeSplitQuote() throws -> HashiyaBinary.Run {
    try hashiya.run([
      project, "--user", "tester", "-c",
      "import \(HashiyaBinary.seed); speaker s9.3+1; quote s9.19-26 + \"هذا الدعم يساعد\" by #1; show",
    ])
  }

  @Test func aQuotationSplitBySpeechIsOneAnnotationInTwoPieces() throws {
    let run = try makeSplitQuote()
    #expect(run.status == 0, "\(run.stderr)")
    // Each piece is bracketed; only the last carries the handle.
    #expect(run.stdout.contains("⟦إنّهم يتلقون الدعم بأشكال مختلفة من التحالف الدولي⟧،"), "\(run.stdout)")
    #expect(run.stdout.contains("⟦هذا الدعم يساعد⟧#2"), "\(run.stdout)")
    let quote = try listed(project, label: "quote")
    #expect(quote["quote"] as? String == "إنّهم يتلقون الدعم بأشكال مختلفة من التحالف الدولي")
    let fragments = quote["fragments"] as? [[String: Any]] ?? []
    #expect(fragments.map { $0["quote"] as? String } == ["هذا الدعم يساعد"])
    let links = quote["links"] as? [[String: Any]] ?? []
    #expect(links.first?["type"] as? String == "said-by", "\(quote)")
    let undone = try hashiya.run([project, "--user", "tester", "-c", "undo; ls"])
    #expect(undone.status == 0 && !undone.stdout.contains("speaker-tagging/quote"), "\(undone.stdout)")
  }

  @Test func piecesThatOverlapAreRefusedWithTheReasonAndNothingWritten() throws {
    let run = try hashiya.run([
      project, "--user", "tester", "-c", "import \(HashiyaBinary.seed); tag speaker-tagging quote s9.19-26 + s9.24-30",
    ])
    #expect(run.status == 1)
    #expect(run.stderr.contains("overlap or touch"), "\(run.stderr)")
    let dangling = try hashiya.run([project, "--user", "tester", "-c", "tag speaker-tagging quote s9.19-26 +"])
    #expect(dangling.status != 0 && dangling.stderr.contains("next piece"), "\(dangling.stderr)")
    let after = try hashiya.run([project, "-c", "ls"])
    #expect(after.stdout.contains("no annotations"), "\(after.stdout)")
  }

  @Test func theNativeExportCarriesThePiecesIntoAnEmptyProject() throws {
    #expect(try makeSplitQuote().status == 0)
    let export = hashiya.path("pieces.jsonl")
    let exported = try hashiya.run([project, "-c", "export --offsets all \(export)"])
    #expect(exported.status == 0, "\(exported.stderr)")
    let copy = hashiya.path("copy.hashiya")
    let imported = try hashiya.run([copy, "-c", "import \(export)"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let original = try listed(project, label: "quote")
    let back = try listed(copy, label: "quote")
    for key in ["start", "end", "quote", "uuid"] {
      #expect("\(original[key] ?? "")" == "\(back[key] ?? "")", "\(key)")
    }
    let pieces = { (entry: [String: Any]) in
      (entry["fragments"] as? [[String: Any]] ?? []).map { "\($0["start"] ?? "")..\($0["end"] ?? "")" }
    }
    #expect(pieces(back) == pieces(original) && !pieces(back).isEmpty)

    // A piece whose quote disagrees with the text is refused with its location.
    let text = try String(contentsOfFile: export, encoding: .utf8)
    let tampered = text.replacingOccurrences(of: "\"quote\":\"هذا الدعم يساعد\"", with: "\"quote\":\"هذا الدعم\"")
    #expect(tampered != text)
    let bad = hashiya.write("bad.jsonl", tampered)
    let refused = try hashiya.run([hashiya.path("bad.hashiya"), "-c", "import \(bad)"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("fragment 1") && refused.stderr.contains("quote"), "\(refused.stderr)")
  }

  /// Formats with one range per span write each piece with a shared tie, say so, and join them again.
  @Test(arguments: [("doccano", "pieces.jsonl"), ("labelstudio", "pieces.json"), ("prodigy", "pieces.prodigy.jsonl")])
  func oneRangeFormatsWritePiecesApartAndJoinThemOnImport(format: String, file: String) throws {
    #expect(try makeSplitQuote().status == 0)
    let out = hashiya.path(file)
    let exported = try hashiya.run([project, "-c", "export --format \(format) \(out)"])
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(
      exported.stdout.contains("warning:") && exported.stdout.contains("1 discontinuous span was"), "\(exported.stdout)"
    )
    #expect(exported.stdout.contains("2 annotations"), "pieces are not counted as annotations: \(exported.stdout)")
    let written = try String(contentsOfFile: out, encoding: .utf8)
    #expect(
      written.contains("هذا الدعم يساعد") && (written.contains("hashiya_span") || written.contains("hashiya_pieces")))
    let copy = hashiya.path("copy-\(format).hashiya")
    let imported = try hashiya.run([copy, "-c", "import --format \(format) \(out)"])
    #expect(imported.status == 0, "\(imported.stderr)")
    let quote = try listed(copy, label: "quote")
    #expect(quote["quote"] as? String == "إنّهم يتلقون الدعم بأشكال مختلفة من التحالف الدولي")
    let fragments = quote["fragments"] as? [[String: Any]] ?? []
    #expect(fragments.map { $0["quote"] as? String } == ["هذا الدعم يساعد"], "\(quote)")
    #expect((quote["attributes"] as? [String: Any])?["hashiya_span"] == nil, "\(quote)")
    let all = try hashiya.run([copy, "-c", "ls"])
    #expect(all.stdout.components(separatedBy: "speaker-tagging/quote").count == 2, "one quote: \(all.stdout)")
  }

  @Test func w3cWritesTheModelsListAndHTMLMarksEachPiece() throws {
    #expect(try makeSplitQuote().status == 0)
    let w3c = hashiya.path("pieces.jsonld")
    let html = hashiya.path("pieces.html")
    let run = try hashiya.run([project, "-c", "export --format w3c \(w3c); export --format html \(html)"])
    #expect(run.status == 0, "\(run.stderr)")
    let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: w3c)))
    let page = (document as? [String: Any])?["first"] as? [String: Any]
    let items = page?["items"] as? [[String: Any]] ?? []
    let quote = try #require(items.first { (($0["body"] as? [[String: Any]])?.first?["value"] as? String) == "quote" })
    let target = try #require(quote["target"] as? [String: Any])
    #expect(target["type"] as? String == "List")
    let segments = target["items"] as? [[String: Any]] ?? []
    let exacts = segments.compactMap { (($0["selector"] as? [[String: Any]])?.first?["exact"]) as? String }
    #expect(exacts == ["إنّهم يتلقون الدعم بأشكال مختلفة من التحالف الدولي", "هذا الدعم يساعد"])
    let page2 = try String(contentsOfFile: html, encoding: .utf8)
    let marks = page2.components(separatedBy: "data-handle=\"2\"").count - 1
    #expect(marks == 2, "one mark per piece, sharing the handle")
  }
}
