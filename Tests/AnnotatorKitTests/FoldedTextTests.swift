import Testing

@testable import AnnotatorKit

private func substring(_ text: String, _ range: TextRange) -> String {
  let scalars = Array(text.unicodeScalars)
  return String(String.UnicodeScalarView(scalars[range.start..<range.end]))
}

private func matches(_ needle: String, in text: String) -> [String] {
  FoldedText(text).ranges(of: FoldedText(needle)).map { substring(text, $0) }
}

@Suite struct FoldedTextTests {
  @Test func originMapsFoldedScalarsToOriginalOffsets() {
    let text = FoldedText("كِـتاب")
    #expect(String(String.UnicodeScalarView(text.folded)) == "كتاب")
    #expect(text.origin == [0, 3, 4, 5])
    #expect(text.originalCount == 6)
  }

  @Test func findsNameWrittenWithDiacritics() {
    let text = "أكد “كِيفِين كُويثِيّ” نائب قائد العمليات"
    let found = FoldedText(text).ranges(of: FoldedText("كيفين كويثي"))
    #expect(found.count == 1)
    // The shadda and kasra on the final yeh belong to the match.
    #expect(substring(text, found[0]) == "كِيفِين كُويثِيّ")
    #expect(found[0] == TextRange(5, 21))
  }

  @Test func findsNameWrittenWithTatweel() {
    #expect(matches("كيفين كويثي", in: "أكد “كيـــفين كويثي” نائب") == ["كيـــفين كويثي"])
    #expect(matches("كويثي", in: "قال كويثيـــ، ثم") == ["كويثيـــ"])
  }

  @Test func doesNotIncludeDroppedScalarsBeforeTheMatch() {
    #expect(matches("كويثي", in: "ـكويثي") == ["كويثي"])
  }

  @Test func diacriticsInTheNeedleAreIgnoredToo() {
    #expect(matches("كِيفِين", in: "كيفين كويثي") == ["كيفين"])
  }

  @Test func matchesAlefYehAndTehMarbutaVariants() {
    #expect(matches("اكد", in: "أكد “كويثي”") == ["أكد"])
    #expect(matches("أكد", in: "اكد كويثي") == ["اكد"])
    #expect(matches("الي", in: "إلى حدّ ما") == ["إلى"])
    #expect(matches("على", in: "علي") == ["علي"])
    #expect(matches("الدوليه", in: "التحالف الدولية") == ["الدولية"])
    #expect(matches("منشات", in: "للمنشآت التي") == ["منشآت"])
  }

  @Test func matchesArabicIndicDigits() {
    #expect(matches("120", in: "بتدريب ١٢٠ ألف مقاتل") == ["١٢٠"])
    #expect(matches("120", in: "۱۲۰ ألف") == ["۱۲۰"])
    #expect(matches("١٢٠", in: "بتدريب 120 ألف") == ["120"])
  }

  @Test func offsetsAreInScalarsNotUTF16() {
    let text = "👍🏽🇸🇾 أكد “كيفين كويثي”"
    let found = FoldedText(text).ranges(of: FoldedText("كيفين"))
    // 👍🏽 and 🇸🇾 are two scalars each (four UTF-16 units each).
    #expect(found == [TextRange(10, 15)])
    #expect(substring(text, found[0]) == "كيفين")
  }

  @Test func findsAllOccurrencesInTheSeedReport() {
    let text = """
      أكد “كيفين كويثي” نائب قائد العمليات الخاصة للتحالف الدولي في سوريا والعراق.
      واشاد “كويثي” خلال المؤتمر، بجهود قوات سورية الديمقراطية (قسد) والبشمركة.
      """
    let found = FoldedText(text).ranges(of: FoldedText("كويثي"))
    #expect(found.count == 2)
    #expect(found.allSatisfy { substring(text, $0) == "كويثي" })
    #expect(found == found.sorted())
  }

  @Test func occurrencesDoNotOverlap() {
    #expect(FoldedText("aaaaa").ranges(of: FoldedText("aa")) == [TextRange(0, 2), TextRange(2, 4)])
    #expect(FoldedText("ABab").ranges(of: FoldedText("b")) == [TextRange(1, 2), TextRange(3, 4)])
  }

  @Test func degenerateNeedles() {
    let text = FoldedText("كيفين كويثي")
    #expect(text.ranges(of: FoldedText("")).isEmpty)
    #expect(text.ranges(of: FoldedText("ًّ")).isEmpty)  // only diacritics: folds to nothing
    #expect(text.ranges(of: FoldedText("كيفين كويثي كيفين")).isEmpty)
    #expect(FoldedText("").ranges(of: FoldedText("a")).isEmpty)
  }

  @Test func originalRangeOfEmptyAndFullRanges() {
    let text = FoldedText("بِّ ت")
    #expect(text.originalRange(ofFolded: 0..<1) == TextRange(0, 3))
    #expect(text.originalRange(ofFolded: 0..<3) == TextRange(0, 5))
    #expect(text.originalRange(ofFolded: 1..<1) == TextRange(3, 3))
    #expect(text.originalRange(ofFolded: 3..<3) == TextRange(5, 5))
  }

  @Test func searchAgreesWithNaiveScan() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
    // Scalars that collide in the low byte, to exercise the hashed shift table.
    let alphabet: [Unicode.Scalar] = ["a", "b", "\u{0661}", "\u{0761}", "ا", "'"]
    for _ in 0..<300 {
      let haystack = (0..<next(60)).map { _ in alphabet[next(alphabet.count)] }
      let needle = (0..<(1 + next(4))).map { _ in alphabet[next(alphabet.count)] }
      var expected: [Int] = []
      var i = 0
      while i + needle.count <= haystack.count {
        if Array(haystack[i..<(i + needle.count)]) == needle {
          expected.append(i)
          i += needle.count
        } else {
          i += 1
        }
      }
      #expect(FoldedText.matchOffsets(of: needle, in: haystack) == expected)
    }
  }
}
