import AnnotatorKit
import AnnotatorTesting
import HashiyaModel

/// A fresh project on one backend holding some Arabic reports, with spans found by their text.
struct ContractProject {
  let store: any ProjectStoring
  let texts: [String]

  /// Imports `texts` as reports 1, 2… in order.
  init(_ backend: StoreBackend, in folder: TemporaryFolder, texts: [String]) throws {
    store = try backend.freshStore(in: folder)
    self.texts = texts
    try store.importReports(author: "setup", source: "test") { inserter in
      for (index, text) in texts.enumerated() {
        try inserter.insert(NewReport(title: "تقرير \(index + 1)", text: text, language: "ar"))
      }
    }
  }

  /// The scalars of report `report` in `range`.
  func quote(_ report: Int, _ range: TextRange) -> String {
    String(String.UnicodeScalarView(texts[report - 1].unicodeScalars.dropFirst(range.start).prefix(range.length)))
  }

  /// The range of the first `quote` in report `report`, in scalars; nil when it is not there.
  func range(_ report: Int, of quote: String) -> TextRange? {
    let scalars = Array(texts[report - 1].unicodeScalars)
    let wanted = Array(quote.unicodeScalars)
    guard wanted.count <= scalars.count else { return nil }
    return (0...(scalars.count - wanted.count)).first { Array(scalars[$0..<$0 + wanted.count]) == wanted }.map {
      TextRange($0, $0 + wanted.count)
    }
  }

  /// A new annotation over `range` of report `report`.
  func new(
    _ report: Int, _ layer: String, _ label: String, _ range: TextRange, origin: String = "manual",
    attributes: JSONObject = [:]
  ) -> NewAnnotation {
    NewAnnotation(
      reportID: report, layer: layer, label: label, range: range, quote: quote(report, range), attributes: attributes,
      origin: origin)
  }
}
