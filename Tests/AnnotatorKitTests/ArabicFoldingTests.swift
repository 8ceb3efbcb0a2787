import Testing

@testable import AnnotatorKit

private func folded(_ s: String) -> String {
  var view = String.UnicodeScalarView()
  for scalar in s.unicodeScalars {
    if let f = ArabicFolding.fold(scalar) { view.append(f) }
  }
  return String(view)
}

@Suite struct ArabicFoldingTests {
  @Test func dropsTashkeelQuranicMarksAndTatweel() {
    let ranges: [ClosedRange<UInt32>] = [
      0x064B...0x065F, 0x0670...0x0670, 0x0610...0x061A, 0x06D6...0x06DC,
      0x06DF...0x06E4, 0x06E7...0x06E8, 0x06EA...0x06ED, 0x0640...0x0640,
    ]
    for range in ranges {
      for v in range {
        #expect(ArabicFolding.fold(Unicode.Scalar(v)!) == nil, "U+\(String(v, radix: 16))")
      }
    }
    #expect(folded("وَقَالَ إِنَّ الـــدعمَ") == "وقال ان الدعم")
  }

  @Test func keepsNeighboursOfDroppedRanges() {
    for v: UInt32 in [
      0x060F, 0x061B, 0x063F, 0x0641, 0x064A, 0x066F, 0x0671, 0x06DD, 0x06DE, 0x06E5, 0x06E9,
      0x06EE,
    ] {
      #expect(ArabicFolding.fold(Unicode.Scalar(v)!) != nil, "U+\(String(v, radix: 16))")
    }
  }

  @Test func foldsAlefAndHamzaCarriers() {
    #expect(folded("آ أ إ ٱ") == "ا ا ا ا")
    #expect(folded("ؤ") == "و")
    #expect(folded("ئ") == "ي")
    #expect(folded("ء") == "ء")
    #expect(folded("أكد") == "اكد")
    #expect(folded("مسؤول") == "مسوول")
  }

  @Test func foldsYehTehMarbutaAndPersianLetters() {
    #expect(folded("على") == "علي")
    #expect(folded("الدولية") == "الدوليه")
    #expect(folded("ی") == "ي")
    #expect(folded("ک") == "ك")
  }

  @Test func foldsArabicIndicDigits() {
    #expect(folded("٠١٢٣٤٥٦٧٨٩") == "0123456789")
    #expect(folded("۰۱۲۳۴۵۶۷۸۹") == "0123456789")
  }

  @Test func foldsLatinCaseAndCombiningMarks() {
    #expect(folded("Kevin KOUITHY") == "kevin kouithy")
    #expect(folded("E\u{0301}TE\u{0301}") == "ete")
    // Precomposed accents fold as decomposed ones do.
    #expect(folded("ÉTÉ") == "ete")
    #expect(folded("ΣΩ Ж Ό ё") == "σω ж ο е")
    // Outside the lookup table: Latin Extended Additional, the Kelvin and Angstrom signs.
    #expect(folded("\u{1E80}\u{212A}\u{212B}") == "wka")
    // İ is I with a dot above: it folds to i, one scalar still.
    #expect(folded("\u{0130}") == "i")
    // Arabic presentation forms fold to their letters; a lam-alef ligature stays.
    #expect(folded("\u{FEB3}\u{FECC}\u{FEEE}\u{FEA9}\u{FEF3}\u{FE94} \u{FEFB}") == "سعوديه \u{FEFB}")
  }

  @Test func leavesEverythingElseAlone() {
    let untouched = "abc xyz 09 ،؛؟ “” «» ß ا ب ت 👍🏽 🇸🇾 \u{200C}\u{FEFF} 中文"
    #expect(folded(untouched) == untouched)
  }

  @Test func foldIsIdempotent() {
    for v in UInt32(0)..<0x3000 {
      guard let s = Unicode.Scalar(v), let once = ArabicFolding.fold(s) else { continue }
      #expect(ArabicFolding.fold(once) == once, "U+\(String(v, radix: 16))")
    }
  }

  @Test func foldedStringMatchesScalarFold() {
    let samples = [
      "",
      "أكد “كِيفِين كُويثِيّ” نائب قائد العمليات الخاصة للتحالف الدولي في سوريا والعراق.",
      "وبيّن أنهم ملتزمون بتقديم المساعدة، سواءً أكانت عسكرية أو سياسية.",
      "قاموا بتدريب ١٢٠ ألف مقاتل — ۱۲۰ — 120 Mr. SMITH Café E\u{0301} 👍🏽🇸🇾 ΣΩ \u{1E80}\u{212A}",
    ]
    for sample in samples {
      #expect(ArabicFolding.foldedString(sample) == folded(sample))
      #expect(FoldedText.foldedString(sample) == folded(sample))
      #expect(
        ArabicFolding.foldedString(sample)
          == String(String.UnicodeScalarView(FoldedText(sample).folded)))
    }
  }

  @Test func foldedStringHandlesLowercaseThatGrowsInUTF8() {
    // Ⱥ (2 UTF-8 bytes) lowercases to ⱥ (3 bytes), so the same-size fast path must give up.
    let text = "ȺȾ abc"
    #expect(ArabicFolding.foldedString(text) == "\u{2C65}\u{2C66} abc")
    #expect(ArabicFolding.foldedString("ا" + text) == "ا\u{2C65}\u{2C66} abc")
  }
}
