import Testing

@testable import AnnotatorKit

/// Hand-picked cases for the text Hashiya annotates; the exhaustive rule coverage is in
/// `UnicodeBreakConformanceTests`.
@Suite struct GraphemeSegmenterTests {
  /// The clusters of `text` as strings, which reads better in failures than offsets.
  private func clusters(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    let boundaries = GraphemeSegmenter.boundaries(scalars)
    return zip(boundaries, boundaries.dropFirst()).map { start, end in
      String(String.UnicodeScalarView(scalars[start..<end]))
    }
  }

  @Test func emptyInputHasOnlyTheStartBoundary() {
    #expect(GraphemeSegmenter.boundaries([]) == [0])
  }

  @Test func arabicHarakatStayWithTheirLetter() {
    #expect(clusters("وبيّنَ أنّهم") == ["و", "ب", "يّ", "نَ", " ", "أ", "نّ", "ه", "م"])
    #expect(GraphemeSegmenter.boundaries(Array("وبيّنَ".unicodeScalars)) == [0, 1, 2, 4, 6])
  }

  @Test func tatweelIsItsOwnClusterAndCarriesMarks() {
    #expect(clusters("كـــتـَاب") == ["ك", "ـ", "ـ", "ـ", "ت", "ـَ", "ا", "ب"])
  }

  @Test func arabicNumberSignPrependsToTheFollowingDigit() {
    // U+0600 ARABIC NUMBER SIGN is Prepend (GB9b).
    #expect(clusters("\u{0600}١٢") == ["\u{0600}١", "٢"])
  }

  @Test func emojiZWJSequenceIsOneCluster() {
    let family = "👨‍👩‍👧‍👦"
    #expect(family.unicodeScalars.count == 7)
    #expect(clusters(family) == [family])
    #expect(clusters("🧑🏽‍💻x") == ["🧑🏽‍💻", "x"])
  }

  @Test func skinToneModifiersAttach() {
    #expect(clusters("👍🏽👋🏿") == ["👍🏽", "👋🏿"])
  }

  @Test func regionalIndicatorsPairIntoFlags() {
    #expect(clusters("🇸🇾🇮🇶") == ["🇸🇾", "🇮🇶"])
    #expect(clusters("🇸🇾🇮") == ["🇸🇾", "🇮"])
  }

  @Test func crlfIsOneCluster() {
    #expect(GraphemeSegmenter.boundaries(Array("a\r\nb".unicodeScalars)) == [0, 1, 3, 4])
    #expect(GraphemeSegmenter.boundaries(Array("\n\r".unicodeScalars)) == [0, 1, 2])
  }

  @Test func decomposedHangulSyllableIsOneCluster() {
    #expect(clusters("\u{1100}\u{1161}\u{11A8}\u{AC00}") == ["\u{1100}\u{1161}\u{11A8}", "\u{AC00}"])
  }

  /// The local check must give the full segmenter's answer at every offset, edges included.
  @Test(arguments: [
    "وبيّنَ أنّهم قالوا", "كـــتـَاب", "\u{0600}١٢", "👍🏽👋🏿 ok", "👨‍👩‍👧‍👦x", "🧑🏽‍💻\u{200D}a",
    "🇸🇾🇮🇶🇸", "x🇸🇾🇮", "a\r\nb\r\r\n\n", "\u{1100}\u{1161}\u{11A8}\u{AC00}", "e\u{301}\u{301}", "",
  ])
  func localBoundaryCheckAgreesWithTheSegmenter(_ text: String) {
    let scalars = Array(text.unicodeScalars)
    let boundaries = Set(GraphemeSegmenter.boundaries(scalars))
    scalars.withUnsafeBufferPointer { buffer in
      for offset in 0...scalars.count {
        #expect(
          GraphemeSegmenter.isBoundary(at: offset, in: buffer) == boundaries.contains(offset),
          "offset \(offset) of \(scalars.map { String($0.value, radix: 16) })")
      }
    }
  }
}
