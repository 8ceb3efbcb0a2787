import AnnotatorKit
import Crypto

/// A report with what the store derives from its text — hash, length, index text — worked
/// out before the write, so an import can do it on another thread while the database writes.
public struct PreparedReport: Sendable {
  public let report: NewReport
  /// The SHA-256 of the text's UTF-8, in lowercase hex: how a report is recognised.
  public let digest: String
  /// The text's length in Unicode scalars, the unit of every offset.
  package let length: Int
  /// The title folded, as `reports.titleFolded` keeps it for title filters.
  package let foldedTitle: String
  /// The title and text as the full-text index takes them (see `SearchTokenizer`), in UTF-8.
  package let indexTitle: [UInt8]
  package let indexText: [UInt8]
  /// The clitic forms of the title's and text's Arabic words, which a search finds them by too.
  package let indexClitics: [UInt8]
  /// The text's word tokens as `reportTokens` keeps them (see `TokenBoundaries`).
  package let tokenBoundaries: [UInt8]

  /// Prepares `report`; `analysed` is its text already analysed, when the caller has it, whose
  /// scalars give the length and the tokens without decoding the text again.
  public init(_ report: NewReport, analysed: ReportText? = nil) {
    self.report = report
    digest = Self.sha256Hex(report.text)
    length = analysed?.count ?? Self.scalarCount(report.text)
    foldedTitle = FoldedText.foldedString(report.title)
    indexTitle = SearchTokenizer.indexUTF8(report.title)
    indexText = SearchTokenizer.indexUTF8(report.text)
    indexClitics = Self.clitics(title: indexTitle, text: indexText)
    tokenBoundaries = TokenBoundaries.encode(analysed?.tokens ?? TokenBoundaries.tokens(of: report.text))
  }

  /// The `clitics` column of the search index for a report's index title and text.
  package static func clitics(title: [UInt8], text: [UInt8]) -> [UInt8] {
    SearchTokenizer.cliticUTF8(ofIndexTexts: title, text)
  }

  /// Unicode scalars in `text`, counted as UTF-8 lead bytes (the string view walks far slower).
  package static func scalarCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { bytes in
      var count = 0
      for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
      return count
    }
  }

  package static func sha256Hex(_ text: String) -> String {
    var text = text
    let digest = text.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
    let hexDigits = Array("0123456789abcdef".utf8)
    var hex = [UInt8]()
    hex.reserveCapacity(64)
    for byte in digest {
      hex.append(hexDigits[Int(byte >> 4)])
      hex.append(hexDigits[Int(byte & 0x0f)])
    }
    return String(decoding: hex, as: UTF8.self)
  }
}
