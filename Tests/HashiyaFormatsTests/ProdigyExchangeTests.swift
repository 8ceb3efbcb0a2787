import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

@Suite("Prodigy JSONL export and import")
struct ProdigyExchangeTests {
  private func export(_ bundles: [ReportBundle]) throws -> String {
    let path = ExchangeFixtures.temporaryFolder() + "/tasks.jsonl"
    var exporter = try ProdigyExporter(path: path, context: ExchangeFixtures.context)
    _ = try ExchangeFixtures.export(bundles, with: &exporter)
    return path
  }

  private func tasks(_ path: String) throws -> [JSONValue] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
  }

  @Test func seedReportRoundTrips() throws {
    let bundle = ExchangeFixtures.seedBundle()
    let path = try export([bundle])
    let task = try #require(try tasks(path).first)
    #expect(task["answer"] == "accept" && task["meta"]?["uid"] == "seed-report" && task["_input_hash"]?.intValue != nil)
    let tokens = try #require(task["tokens"]?.arrayValue)
    #expect(ProdigyTaskCheck.problems(in: task).isEmpty, "\(ProdigyTaskCheck.problems(in: task))")
    let span = try #require(task["spans"]?[0])
    let first = try #require(tokens[span["token_start"]!.intValue!].objectValue)
    #expect(first["start"]?.intValue == span["start"]?.intValue)
    #expect(tokens[span["token_end"]!.intValue!]["end"] == span["end"])
    #expect(span["text"] == "كيفين كويثي")

    // One task per annotator, each naming its annotator as Prodigy does.
    let all = try tasks(path)
    #expect(all.compactMap { $0["_annotator_id"]?.stringValue } == ["amira", "omar"])
    #expect(all.allSatisfy { $0["_session_id"] == $0["_annotator_id"] })

    let (reports, errors) = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: nil)
    #expect(errors.isEmpty)
    #expect(reports.count == 2)
    for report in reports {
      #expect(report.report.uid == "seed-report" && report.report.text == bundle.report.text)
      #expect(Set(report.annotations.compactMap(\.author)).count == 1)
    }
    #expect(reports.flatMap { ExchangeFixtures.spans($0) }.sorted() == ExchangeFixtures.spans(bundle).sorted())
    #expect(Set(reports.flatMap { $0.annotations.map(\.layer) }) == ["speaker-tagging", "translation-notes"])
    #expect(Set(reports.flatMap { $0.annotations.compactMap(\.author) }) == ["amira", "omar"])
  }

  /// A report with `ranges` as notes, the way an export sees them.
  private func bundle(_ text: String, ranges: [TextRange]) -> ReportBundle {
    var bundle = ExchangeFixtures.bundle(uid: "ranges", text: text, spans: [])
    let reportText = ReportText(text)
    bundle.annotations = ranges.enumerated().map { index, range in
      Annotation(
        id: index + 1, uuid: "uuid-\(index + 1)", reportID: 1, layer: "translation-notes", label: "note", range: range,
        quote: reportText.substring(range), attributes: [:], author: "amira", origin: "manual", status: .active,
        createdAt: "2025-01-01T00:00:00Z", updatedAt: "2025-01-01T00:00:00Z")
    }
    return bundle
  }

  @Test func spansAfterAProcliticGetTokensOfTheirOwn() throws {
    let text = ExchangeFixtures.seedText
    let spans = [
      ExchangeFixtures.range(of: "داعش", in: text, occurrence: 3),
      ExchangeFixtures.range(of: "البشمركة", in: text),
      ExchangeFixtures.range(of: "قسد", in: text, occurrence: 2),
    ]
    let words = ReportText(text).sentences.flatMap(\.tokens)
    // Each span sits inside a longer word (ل + داعش, و + البشمركة, ل + قسد): the case that broke.
    #expect(spans.allSatisfy { span in words.contains { $0.contains(span) && $0 != span } })
    let task = try #require(try tasks(try export([bundle(text, ranges: spans)])).first)
    #expect(ProdigyTaskCheck.problems(in: task).isEmpty, "\(ProdigyTaskCheck.problems(in: task))")
    let tokens = try #require(task["tokens"]?.arrayValue)
    let written = try #require(task["spans"]?.arrayValue)
    #expect(written.map { $0["text"]?.stringValue } == ["داعش", "البشمركة", "قسد"])
    for span in written {
      let first = try #require(span["token_start"]?.intValue)
      #expect(first == span["token_end"]?.intValue)
      #expect(tokens[first]["text"] == span["text"])
      // The clitic is a token too, joined to the name without a space.
      #expect(tokens[first - 1]["ws"] == false && ["ل", "و"].contains(tokens[first - 1]["text"]?.stringValue))
    }
  }

  static let awkwardTexts = [
    ExchangeFixtures.seedText,
    ExchangeFixtures.emojiText,
    "  leading spaces, then  two, then\n\n\nthree lines\n",
    "\nقال:\r\n \u{200F}«نعم» \u{200F} 😀\u{1F3FD} لا\u{200F}\r\n",
    "مُحَمَّد \u{0651}وَالْبَشْمَرْكَة\t\te\u{301}te\u{2003}\u{1F1F8}\u{1F1FE} ",
    " ",
  ]

  /// Spans of every shape on `text`: each word less its first or last character (a clitic), and
  /// windows across spaces and line ends, all kept on grapheme boundaries.
  static func manySpans(on text: String) -> [TextRange] {
    let reportText = ReportText(text)
    var spans: [TextRange] = []
    for word in reportText.sentences.flatMap(\.tokens) where word.length > 2 {
      spans += [TextRange(word.start + 1, word.end), TextRange(word.start, word.end - 1), word]
    }
    for start in stride(from: 0, to: reportText.count, by: 3) {
      spans.append(TextRange(start, min(start + 5, reportText.count)))
    }
    return Set(spans.map(reportText.widenedToGraphemes)).filter { (try? reportText.validate($0)) != nil }.sorted()
  }

  @Test(arguments: ProdigyExchangeTests.awkwardTexts)
  func tokensRebuildTheTextAndCoverEverySpan(text: String) throws {
    for ranges in [[], Self.manySpans(on: text)] {
      let original = bundle(text, ranges: ranges)
      let path = try export([original])
      let task = try #require(try tasks(path).first)
      #expect(task["text"]?.stringValue == text)
      #expect(ProdigyTaskCheck.problems(in: task).isEmpty, "\(ProdigyTaskCheck.problems(in: task))")
      #expect(task["spans"]?.arrayValue?.count == ranges.count)
      let (reports, errors) = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: nil)
      #expect(errors.isEmpty)
      let report = try #require(reports.first)
      #expect(report.report.text == text)
      #expect(ExchangeFixtures.spans(report) == ExchangeFixtures.spans(original))
    }
  }

  @Test func invisibleMarksStayWithTheirWord() throws {
    let text = "قال \u{200F}نعم و\u{200F}لا"
    let task = try #require(try tasks(try export([bundle(text, ranges: [])])).first)
    let tokens = try #require(task["tokens"]?.arrayValue)
    #expect(tokens.map { $0["text"]?.stringValue ?? "" } == ["قال", "\u{200F}نعم", "و\u{200F}لا"])
    #expect(tokens.map { $0["ws"]?.boolValue ?? false } == [true, true, false])
    // A span that starts after the mark leaves it alone, since no token may straddle the span's edge.
    let span = ExchangeFixtures.range(of: "نعم", in: text)
    let split = try #require(try tasks(try export([bundle(text, ranges: [span])])).first)
    #expect(ProdigyTaskCheck.problems(in: split).isEmpty, "\(ProdigyTaskCheck.problems(in: split))")
    #expect(
      split["tokens"]?.arrayValue?.map { $0["text"]?.stringValue ?? "" } == ["قال", "\u{200F}", "نعم", "و\u{200F}لا"])
  }

  @Test func whitespaceFollowsSpacy() throws {
    // spaCy's tokenizer on "  a  b\n c\r\n": ["  ", "a"+ws, " ", "b", "\n ", "c", "\r\n"].
    let task = try #require(try tasks(try export([bundle("  a  b\n c\r\n", ranges: [])])).first)
    let tokens = try #require(task["tokens"]?.arrayValue)
    #expect(tokens.map { $0["text"]?.stringValue ?? "" } == ["  ", "a", " ", "b", "\n ", "c", "\r\n"])
    #expect(tokens.map { $0["ws"]?.boolValue ?? true } == [false, true, false, false, false, false, false])
    // A span that takes the space after a word keeps it as a token of its own.
    let withSpace = try #require(try tasks(try export([bundle("a b", ranges: [TextRange(0, 2)])])).first)
    #expect(ProdigyTaskCheck.problems(in: withSpace).isEmpty, "\(ProdigyTaskCheck.problems(in: withSpace))")
    #expect(withSpace["tokens"]?.arrayValue?.map { $0["text"]?.stringValue ?? "" } == ["a", " ", "b"])
  }

  @Test(.enabled(if: ProdigyTaskCheck.python != nil, "python3 is not installed"))
  func pythonRebuildsTheTextAndFindsEverySpan() throws {
    let python = try #require(ProdigyTaskCheck.python)
    let bundles = Self.awkwardTexts.enumerated().map { index, text in
      var report = bundle(text, ranges: Self.manySpans(on: text))
      report.report.id = index + 1
      return report
    }
    let path = try export(bundles)
    let (status, output) = try ProdigyTaskCheck.runPython(python, on: path)
    let expected = bundles.map(\.annotations.count).reduce(0, +)
    #expect(status == 0 && output == "checked \(expected)\n", "\(output)")
  }

  @Test func emojiAndCRLFOffsetsAreCodePoints() throws {
    let bundle = ExchangeFixtures.emojiBundle()
    let path = try export([bundle])
    let text = ExchangeFixtures.emojiText
    let spans = try #require(try tasks(path).first?["spans"]?.arrayValue)
    let needle = text.range(of: "المتحدث")!
    let start = text.unicodeScalars.distance(from: text.startIndex, to: needle.lowerBound)
    #expect(spans.contains { $0["start"]?.intValue == start && $0["text"] == "المتحدث" })
    #expect(start != text.utf16.distance(from: text.startIndex, to: needle.lowerBound))
    let (reports, errors) = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: nil)
    #expect(errors.isEmpty)
    #expect(ExchangeFixtures.spans(try #require(reports.first)) == ExchangeFixtures.spans(bundle))
  }

  @Test func spansWithoutTokenIndicesAndLayerTakeTheArgument() throws {
    let path = ExchangeFixtures.temporaryFolder() + "/in.jsonl"
    ExchangeFixtures.write(
      #"{"text": "Hello world", "spans": [{"start": 6, "end": 11, "label": "PERSON"}], "_annotator_id": "ds-amira"}"#
        + "\n", to: path)
    let (reports, errors) = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: "people")
    #expect(errors.isEmpty)
    let annotation = try #require(reports.first?.annotations.first)
    #expect(annotation.layer == "people" && annotation.label == "PERSON" && annotation.range == TextRange(6, 11))
    #expect(annotation.author == "ds-amira" && annotation.quote == "world")
    #expect(throws: FormatError.self) { _ = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: nil) }
  }

  @Test(arguments: [
    (#"{"text": "Hello world", "spans": [{"start": 6, "end": 40, "label": "P"}]}"#, "in.jsonl:1 span 1", "outside"),
    (
      #"{"text": "Hello world", "spans": [{"start": 0, "end": 5, "label": "P", "text": "Hullo"}]}"#,
      "in.jsonl:1 span 1", "does not match"
    ),
    (#"{"text": "Hello world", "spans": [{"start": 0, "label": "P"}]}"#, "in.jsonl:1 span 1", "\"end\""),
    (#"{"text": "Hello world", "spans": [{"start": 0, "end"#, "in.jsonl:1", "not valid JSON"),
    (#"["text"]"#, "in.jsonl:1", "JSON object"),
    (#"{"spans": []}"#, "in.jsonl:1", "\"text\""),
  ])
  func badRecordsAreReportedWithTheirLocation(line: String, location: String, reason: String) throws {
    let path = ExchangeFixtures.temporaryFolder() + "/in.jsonl"
    ExchangeFixtures.write(line + "\n", to: path)
    let (_, errors) = try ExchangeFixtures.read(ProdigyReader.self, path: path, layer: "people")
    #expect(errors.count == 1)
    #expect(errors.first?.location == location)
    #expect(errors.first?.reason.contains(reason) == true, "\(errors)")
  }
}
