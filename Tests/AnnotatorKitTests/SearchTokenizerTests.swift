import Testing

@testable import AnnotatorKit

@Suite struct SearchTokenizerTests {
  @Test func foldsAndKeepsOnlyTokensSeparatedBySingleSpaces() {
    #expect(
      SearchTokenizer.indexText("أكد “كِيفِين كُويثِيّ”، نائبُ القائد؟\r\n١٢٠ ألف")
        == "اكد كيفين كويثي نايب القايد 120 الف")
    #expect(SearchTokenizer.indexText("  Mr. SMITH's café\u{00A0}— 👍🏽🇸🇾 ok  ") == "mr smith s cafe ok")
    // Marks and private-use characters stay inside their token; emoji, ZWJ and NBSP separate.
    #expect(SearchTokenizer.indexText("שָׁלוֹם x\u{20DD} \u{E000}y 👩\u{200D}💻z") == "שָׁלוֹם x\u{20DD} \u{E000}y z")
    #expect(SearchTokenizer.indexText("") == "")
    #expect(SearchTokenizer.indexText("، ؟ 😀\r\n") == "")
  }

  @Test func agreesWithTheScalarRuleOnRandomText() {
    // Scalars from every class the fast path treats differently: ASCII, the table below U+0700,
    // dropped marks, and scalars above it (CJK, emoji, a lowercase that grows in UTF-8).
    let pool: [Unicode.Scalar] = [
      "a", "Z", "7", " ", ".", "'", "\r", "\n", "\t", "\u{00A0}", "é", "Σ", "Ж", "ש", "ا", "أ", "ة", "ى", "ء",
      "\u{064E}", "\u{0651}", "\u{0640}", "،", "؟", "٣", "۴", "\u{0670}", "中", "\u{1E80}", "\u{212A}", "Ⱥ", "😀",
      "\u{1F3FD}", "\u{200D}", "\u{E000}", "\u{FFFD}", "\u{10FFFD}",
    ]
    var generator = SeededGenerator(seed: 0x5EA2C4)
    for _ in 0..<2_000 {
      let length = Int(generator.next() % 40)
      var scalars = String.UnicodeScalarView()
      for _ in 0..<length { scalars.append(pool[Int(generator.next() % UInt64(pool.count))]) }
      let text = String(scalars)
      #expect(SearchTokenizer.indexText(text) == reference(text), "\(text.unicodeScalars.map(\.value))")
    }
  }

  /// Fold scalar by scalar, split on non-token scalars, join with spaces.
  private func reference(_ text: String) -> String {
    var tokens: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard let folded = ArabicFolding.fold(scalar) else { continue }
      if SearchTokenizer.isTokenScalar(folded) {
        current.append(folded)
      } else if !current.isEmpty {
        tokens.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { tokens.append(String(current)) }
    return tokens.joined(separator: " ")
  }
}
