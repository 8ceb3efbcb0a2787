import AnnotatorKit
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// Spans in pieces through one-range formats: split on export with a shared tie, joined on import.
@Suite struct ExchangeFragmentsTests {
  func piece(_ key: String, _ start: Int, _ end: Int, tie: String?, label: String = "quote") -> ImportedAnnotation {
    var attributes: JSONObject = ["mode": "direct"]
    if let tie { attributes[ExchangeFragments.attribute] = .string(tie) }
    return ImportedAnnotation(
      key: key, layer: "speaker-tagging", label: label, range: TextRange(start, end), attributes: attributes,
      author: "amal", location: "f:\(key)")
  }

  func report(_ annotations: [ImportedAnnotation], links: [ImportedLink] = []) -> ImportedReport {
    ImportedReport(
      report: NewReport(title: "t", text: String(repeating: "ب ", count: 40), language: "ar"),
      annotations: annotations, links: links, location: "f")
  }

  @Test func anExportedSpanInPiecesCarriesItsTieOnEveryPiece() {
    let annotation = Annotation(
      id: 7, uuid: "u-7", reportID: 1, layer: "speaker-tagging", label: "quote", range: TextRange(0, 3), quote: "ب ب",
      attributes: ["mode": "direct"], author: "amal", origin: "manual", status: .active, createdAt: "",
      updatedAt: "", fragments: [SpanFragment(range: TextRange(10, 13), quote: "ب ب")])
    let (pieces, attributes) = ExchangeFragments.pieces(of: annotation)
    #expect(pieces.map(\.range) == [TextRange(0, 3), TextRange(10, 13)])
    #expect(attributes[ExchangeFragments.attribute] == "u-7" && attributes["mode"] == "direct")
    var whole = annotation
    whole.fragments = []
    #expect(ExchangeFragments.pieces(of: whole).attributes[ExchangeFragments.attribute] == nil)
  }

  @Test func piecesSharingATieBecomeOneAnnotationAndLinksFollow() {
    // Out of file order on purpose: the earliest piece leads.
    let joined = ExchangeFragments.joined(
      report(
        [
          piece("T2", 20, 23, tie: "u-7"), piece("T1", 4, 7, tie: "u-7"),
          piece("T3", 30, 33, tie: nil, label: "speaker"),
        ],
        links: [ImportedLink(type: "said-by", from: "T2", to: "T3")]))
    #expect(joined.annotations.count == 2)
    let whole = joined.annotations[0]
    #expect(whole.key == "T1" && whole.range == TextRange(4, 7))
    #expect(whole.fragments.map(\.range) == [TextRange(20, 23)])
    #expect(whole.attributes[ExchangeFragments.attribute] == nil && whole.attributes["mode"] == "direct")
    #expect(joined.links.first?.from == "T1")
  }

  @Test func tiesThatCannotBeOneSpanAreLeftApart() {
    let clash = ExchangeFragments.joined(report([piece("T1", 4, 7, tie: "x"), piece("T2", 5, 9, tie: "x")]))
    #expect(clash.annotations.count == 2)
    let mixed = ExchangeFragments.joined(
      report([piece("T1", 4, 7, tie: "y"), piece("T2", 20, 23, tie: "y", label: "speaker")]))
    #expect(mixed.annotations.count == 2 && mixed.annotations.allSatisfy(\.fragments.isEmpty))
  }
}
