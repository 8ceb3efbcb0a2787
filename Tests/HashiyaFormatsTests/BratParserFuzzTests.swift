import AnnotatorKit
import AnnotatorTesting
import Foundation
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// Mutated `.ann` files never crash the brat parser: every line is read or refused with a
/// `FormatError`, and what is read lies inside the text and quotes it exactly.
@Suite struct BratParserFuzzTests {
  static let text = "قال كينو كابرييل: دربنا 120 ألف مقاتل 👋🏽\nوغادر.\n"
  let fuzzer = Fuzzer(
    target: "brat-ann", iterations: 5_000,
    dictionary: [
      "\t", " ", "\n", "\r\n", ";", "T1", "T2", "T9", "A1", "R1", "#1", "E1", "M1", "Arg1:", "Arg2:T1", "speaker",
      "AnnotatorNotes", "4 16", "38 40", "-1", "99999999999999999999",
    ])

  @Test func readsOrRefusesEveryLine() throws {
    #expect(!fuzzer.corpus.isEmpty, "no seeds in \(Fuzzer.seedsFolder.path)/\(fuzzer.target)")
    let text = ReportText(Self.text)
    fuzzer.forEachInput { input, iteration in
      var parser = BratAnnotationParser(
        fileName: "x.ann", text: text, layers: ["speaker": "speaker-tagging"], defaultLayer: "misc")
      var refused: [FormatError] = []
      do {
        try parser.parse(String(decoding: input, as: UTF8.self)) { refused.append($0) }
      } catch {
        Issue.record("\(fuzzer.replay(iteration)): \(error) escaped onBadRecord")
      }
      for annotation in parser.annotations {
        let range = annotation.range
        #expect(range.start >= 0 && range.end <= text.count && range.start < range.end, "\(fuzzer.replay(iteration))")
        #expect(annotation.quote == text.substring(range), "\(fuzzer.replay(iteration))")
      }
      var imported = ImportedReport(
        report: NewReport(title: "x", text: Self.text, language: "ar"), location: "x.txt")
      imported.annotations = parser.annotations
      imported.links = parser.links
      do {
        _ = try AnnotatedImport.checked(imported, schemas: [:]) { refused.append($0) }
      } catch {
        Issue.record("\(fuzzer.replay(iteration)): \(error) escaped onBad")
      }
    }
  }
}
