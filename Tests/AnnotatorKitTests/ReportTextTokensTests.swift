import Foundation
import Testing

@testable import AnnotatorKit

@Suite struct ReportTextTokensTests {
  /// The scalars that make sentence and word edges interesting: spaces of several kinds, line
  /// breaks, a byte-order mark, marks and joiners that attach to whatever precedes them,
  /// terminators, closers, digits, Latin, Arabic and emoji.
  static let palette: [Unicode.Scalar] = [
    "ق", "ا", "ل", "ّ", "ـ", "A", "b", "N", "o", "1", "٣", ".", ",", "،", "؟", "!", "?", "…", "۔", "\"", "'", "”",
    "»", "«", ")", "(", ":", "_", " ", " ", " ", " ", "\u{00A0}", "\u{2007}", "\t", "\n", "\r", "\u{2028}",
    "\u{2029}", "\u{000B}", "\u{0085}", "\u{FEFF}", "\u{0301}", "\u{200D}", "\u{200C}", "\u{00AD}", "🚀", "👍",
    "🏽", "🇸", "🇾", "$", "%", "\u{0007}",
  ]

  static func expected(_ string: String) -> [TextRange] {
    ReportText(string).sentences.flatMap(\.tokens)
  }

  /// Both ways to the tokens, from the string and from a text already analysed, give the
  /// sentences' tokens.
  static func check(_ text: String) {
    let expected = Self.expected(text)
    #expect(ReportText.tokens(of: text) == expected, "\(Array(text.unicodeScalars))")
    #expect(ReportText(text).tokens == expected, "\(Array(text.unicodeScalars))")
  }

  @Test func matchesTheSentenceTokensOfTypicalText() {
    let texts = [
      "", " ", "\u{FEFF}", "قال 👍🏽 “كِيفِين” 🇸🇾\r\nSDF: 120 ألف.",
      "أكد “كيفين كويثي” أنهم دربوا 120 ألف مقاتل. وقال: «نعم». ثم…\n\nDr. Smith said no. No. 5 is e.g. fine.",
      "\u{FEFF}word\u{FEFF} next.\u{FEFF} \u{0301}x ” .\n \u{0301}\n\u{0301}", "3.5 and 120.000. A. B. Mr. X",
    ]
    for text in texts { Self.check(text) }
  }

  @Test func matchesTheSentenceTokensOfRandomText() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<3_000 {
      var scalars = String.UnicodeScalarView()
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      for _ in 0..<Int(state >> 59) * 2 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        scalars.append(Self.palette[Int(state >> 33) % Self.palette.count])
      }
      Self.check(String(scalars))
    }
  }
}
