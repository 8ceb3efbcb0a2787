import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite("HTML export")
struct HTMLExportTests {
  static func page(_ bundles: [ReportBundle]) throws -> (String, String) {
    let path = ExchangeFixtures.temporaryFolder() + "/page.html"
    var exporter = try HTMLExporter(path: path, context: ExchangeFixtures.context)
    _ = try ExchangeFixtures.export(bundles, with: &exporter)
    return (path, try String(contentsOfFile: path, encoding: .utf8))
  }

  @Test func scriptInTheTextStaysText() throws {
    let text = "Hi <script>alert(1)</script> & \"bye\""
    let bundle = ExchangeFixtures.bundle(
      text: text,
      spans: [
        .init(
          handle: 1, layer: "translation-notes", label: "note", needle: "<script>",
          attributes: ["translation": "</script><script>alert(2)</script>"])
      ])
    let (_, html) = try Self.page([bundle])
    #expect(html.contains("Hi <mark"))
    #expect(html.contains("&lt;script&gt;</mark>alert(1)&lt;/script&gt; &amp; &quot;bye&quot;"))
    #expect(!html.contains("alert(1)</script>") && !html.contains("<script>alert(2)"))
    #expect(html.contains("\\u003c/script>\\u003cscript>alert(2)"))
  }

  @Test func seedReportIsRightToLeftWithDataAttributesAndLegend() throws {
    let bundle = ExchangeFixtures.seedBundle()
    let (_, html) = try Self.page([bundle])
    #expect(html.contains("<article dir=\"auto\" lang=\"ar\""))
    #expect(html.components(separatedBy: "<p dir=\"rtl\">").count - 1 == 13)
    let speaker = bundle.annotations[0].range
    #expect(
      html.contains(
        "<mark class=\"hl c-magenta\" data-handle=\"1\" data-layer=\"speaker-tagging\" data-label=\"speaker\" data-author=\"amira\" data-start=\"\(speaker.start)\" data-end=\"\(speaker.end)\""
      ))
    #expect(html.contains("title=\"#2 quote (speaker-tagging) by amira\nmode: indirect\nsaid-by → #1 speaker\""))
    #expect(html.contains("note: SDF, Syrian Democratic Forces"))
    #expect(html.contains("<input type=\"checkbox\" class=\"layer-toggle\" value=\"translation-notes\" checked>"))
    #expect(html.contains("<span class=\"swatch c-yellow\" title=\"A quote.\">quote</span>"))
    #expect(html.contains("id=\"hashiya-authors\">[\"amira\",\"omar\"]</script>"))
  }

  @Test func crossingSpansAreSplitIntoNestedSegments() throws {
    let bundle = ExchangeFixtures.bundle(
      text: "abcdefghij",
      spans: [
        .init(handle: 1, layer: "speaker-tagging", label: "speaker", needle: "abcdef"),
        .init(handle: 2, layer: "speaker-tagging", label: "quote", needle: "defghi"),
        .init(handle: 3, layer: "translation-notes", label: "note", needle: "e"),
      ])
    let (_, html) = try Self.page([bundle])
    let body = try #require(html.range(of: "<div class=\"single\">\n<p dir=\"ltr\">").map { html[$0.upperBound...] })
    let paragraph = String(body.prefix { $0 != "\n" })
    let plain = paragraph.replacing(/<mark[^>]*data-handle="(\d)"[^>]*>/) { "[\($0.1)" }
      .replacingOccurrences(of: "</mark>", with: "]")
    #expect(plain == "[1abc[2d[3e]f]][2ghi]j</p>")
  }

  @Test func thePageIsSelfContained() throws {
    let (_, html) = try Self.page([ExchangeFixtures.seedBundle()])
    for external in ["http://", "https://", "<link", " src=", "@import", "url("] {
      #expect(!html.contains(external), "\(external)")
    }
  }

  @Test func anEmptyExportIsStillAPage() throws {
    let (_, html) = try Self.page([])
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
  }
}
