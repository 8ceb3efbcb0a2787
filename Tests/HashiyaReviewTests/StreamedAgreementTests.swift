import AnnotatorKit
import AnnotatorTesting
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaReview

/// Agreement read a chunk of reports at a time, with the tokens import recorded, gives the
/// figures of comparing every document at once with freshly segmented texts.
@Suite struct StreamedAgreementTests {
  let folder = TemporaryFolder()

  /// Reports cut from the seed report (Arabic with tashkeel) with an emoji, annotated at random
  /// by three people in two layers: labels, attributes, spans in pieces, links, assignments.
  func project(reports: Int, seed: UInt64) throws -> ProjectStore {
    let store = try ProjectStore.open(path: folder.path("streamed.hashiya"))
    let lines = SeedReport.text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
    var random = SeededGenerator(seed: seed)
    var texts: [String] = []
    try store.importReports(author: "setup", source: "test") { importer in
      for n in 0..<reports {
        let start = Int.random(in: 0..<lines.count, using: &random)
        let text =
          lines[start..<min(lines.count, start + 3)].joined(separator: "\n") + " 📊 رقم \(n) (َتَّ)"
        texts.append(text)
        try importer.insert(NewReport(title: "تقرير \(n)", text: text, language: "ar"))
      }
    }
    let people = ["amal", "karim", "لينا"]
    let labels = ["speaker-tagging": ["speaker", "quote"], "claim-labeling": ["claim", "evidence"]]
    for person in people {
      try store.change(author: person) { changes in
        for (index, text) in texts.enumerated() where Int.random(in: 0..<5, using: &random) > 0 {
          let tokens = ReportText.tokens(of: text)
          let scalars = Array(text.unicodeScalars)
          func quote(_ range: TextRange) -> String {
            String(String.UnicodeScalarView(scalars[range.start..<range.end]))
          }
          for (layer, names) in labels.sorted(by: { $0.key < $1.key }) {
            var previous: Int?
            for _ in 0..<Int.random(in: 0...4, using: &random) {
              let first = Int.random(in: 0..<tokens.count, using: &random)
              let last = min(tokens.count - 1, first + Int.random(in: 0...3, using: &random))
              let range = TextRange(tokens[first].start, tokens[last].end)
              var fragments: [SpanFragment] = []
              if last + 2 < tokens.count && Int.random(in: 0..<4, using: &random) == 0 {
                let piece = tokens[last + 2]
                fragments = [SpanFragment(range: piece, quote: quote(piece))]
              }
              let annotation = try changes.add(
                NewAnnotation(
                  reportID: index + 1, layer: layer, label: names[Int.random(in: 0..<2, using: &random)],
                  range: range, quote: quote(range),
                  attributes: ["type": .string(["رقمي", "مقارنة"][Int.random(in: 0..<2, using: &random)])],
                  fragments: fragments))
              if let previous, Int.random(in: 0..<3, using: &random) == 0 {
                try changes.link("said-by", from: annotation.id, to: previous)
              }
              previous = annotation.id
            }
          }
        }
      }
    }
    let assigned = (1...reports).filter { $0 % 4 == 0 }.map { (reportID: $0, annotators: ["amal", "لينا"]) }
    try store.assign(assigned, layer: "claim-labeling", by: "setup", record: [:])
    return store
  }

  /// Every layer's figures, as JSON, computed from all documents at once with texts segmented afresh.
  func whole(_ store: ProjectStore, reportIDs: [Int], annotators: [String]?) throws -> [String: JSONValue] {
    let built = try ReviewDocuments.build(
      store: store, reportIDs: reportIDs, layers: nil, annotators: annotators, keepTexts: false)
    var figures: [String: JSONValue] = [:]
    for layer in Set(built.documents.map(\.layer)) {
      figures[layer] =
        AgreementMetrics.compute(built.documents.filter { $0.layer == layer }, annotators: built.annotators).json
    }
    return figures
  }

  func streamed(_ store: ProjectStore, reportIDs: [Int], annotators: [String]?, chunkSize: Int) throws
    -> [String: JSONValue]
  {
    let computed = try AgreementMetrics.compute(
      store: store, reportIDs: reportIDs, layer: nil, annotators: annotators, chunkSize: chunkSize)
    return Dictionary(uniqueKeysWithValues: computed.map { ($0.layer, $0.report.json) })
  }

  @Test(arguments: [1, 7, 1_000])
  func streamedFiguresAreThoseOfTheWhole(chunkSize: Int) throws {
    let store = try project(reports: 60, seed: 17)
    let ids = Array(1...60)
    let all = try whole(store, reportIDs: ids, annotators: nil)
    #expect(all.count == 2)
    let report = try #require(
      AgreementMetrics.compute(store: store, reportIDs: ids, layer: "claim-labeling", annotators: nil).first?.report)
    #expect(report.documents > 40 && report.annotators == ["amal", "karim", "لينا"])
    #expect(try streamed(store, reportIDs: ids, annotators: nil, chunkSize: chunkSize) == all)
    let some = ids.filter { $0 % 3 != 0 }
    #expect(
      try streamed(store, reportIDs: some, annotators: ["لينا", "amal"], chunkSize: chunkSize)
        == whole(store, reportIDs: some, annotators: ["لينا", "amal"]))
  }
}
