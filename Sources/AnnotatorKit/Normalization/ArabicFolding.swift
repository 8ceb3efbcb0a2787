import Foundation

/// Search folding for Arabic and Latin text: strips tashkeel and tatweel, unifies letter variants and digits, lowercases.
///
/// Text typed or scraped in another normal form folds the same: a precomposed accented letter
/// folds as its decomposed form does (to the bare letter), and Arabic presentation forms and
/// fullwidth letters fold as the letters they are compatibility forms of.
///
/// Folding is strictly one scalar to at most one scalar, so folded offsets can always be
/// mapped back to the original text (see `FoldedText`).
public enum ArabicFolding {
  /// Scalars below this value are folded by a single table lookup.
  static let tableLimit: UInt32 = 0x0700

  /// Table entry meaning "drop this scalar". U+FFFF is a noncharacter, so it can never be
  /// the legitimate fold of anything below `tableLimit`.
  static let dropMarker: Unicode.Scalar = "\u{FFFF}"

  /// Fold result for every scalar below `tableLimit`, computed once.
  static let table: [Unicode.Scalar] = makeTable()

  /// Returns the folded form of `s`, or `nil` if `s` should be dropped from the folded text.
  public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar? {
    if s.value < tableLimit {
      let folded = table[Int(s.value)]
      return folded == dropMarker ? nil : folded
    }
    return foldOutsideTable(s)
  }

  /// Everything the spec asks to fold lives below U+0700 except case, so the only work left
  /// for higher scalars is single-scalar lowercasing (e.g. Latin Extended Additional, Ω, K).
  static func foldOutsideTable(_ s: Unicode.Scalar) -> Unicode.Scalar {
    if let base = baseForms[s.value] { return base }
    guard s.properties.changesWhenLowercased, let lower = singleScalarLowercase(s) else { return s }
    // The Kelvin sign's k, the Angstrom sign's å: fold what lowercasing gives, too.
    return lower.value < tableLimit ? fold(lower) ?? lower : lower
  }

  /// Letters outside the table that fold to another letter, folded: precomposed Latin and Greek
  /// letters with accents (Latin Extended Additional, Greek Extended) to their bare letter, and
  /// Arabic presentation forms and fullwidth letters to the letter they are a form of (NFKC).
  /// Ligatures (لا as one glyph, ﷲ) stand for several scalars and stay, which keeps folding one
  /// scalar to one.
  static let baseForms: [UInt32: Unicode.Scalar] = {
    var forms: [UInt32: Unicode.Scalar] = [:]
    // Folded through the table only: `fold` itself would ask for this table while it is built.
    func folded(_ s: Unicode.Scalar) -> Unicode.Scalar {
      guard s.value < tableLimit, table[Int(s.value)] != dropMarker else { return s }
      return table[Int(s.value)]
    }
    for v in UInt32(0x1E00)...0x1FFF {
      guard let s = Unicode.Scalar(v), let base = bareLetter(s) else { continue }
      forms[v] = folded(base)
    }
    for v in UInt32(0xFB50)...0xFFEF {
      guard let s = Unicode.Scalar(v), s.properties.generalCategory != .unassigned else { continue }
      let mapped = String(Character(s)).precomposedStringWithCompatibilityMapping.unicodeScalars
      guard let first = mapped.first, mapped.count == 1, first != s else { continue }
      forms[v] = folded(first)
    }
    return forms
  }()

  /// The letter a precomposed letter with combining accents decomposes to, if it is one.
  static func bareLetter(_ s: Unicode.Scalar) -> Unicode.Scalar? {
    let decomposed = String(Character(s)).decomposedStringWithCanonicalMapping.unicodeScalars
    guard let base = decomposed.first, decomposed.count > 1,
      decomposed.dropFirst().allSatisfy({ (0x0300...0x036F).contains($0.value) })
    else { return nil }
    return base
  }

  /// Multi-scalar mappings (like İ → i̇) are refused because they would break the
  /// one-to-one offset map.
  static func singleScalarLowercase(_ s: Unicode.Scalar) -> Unicode.Scalar? {
    let mapped = s.properties.lowercaseMapping.unicodeScalars
    guard let first = mapped.first, mapped.index(after: mapped.startIndex) == mapped.endIndex
    else { return nil }
    return first
  }

  private static func makeTable() -> [Unicode.Scalar] {
    var table: [Unicode.Scalar] = (0..<tableLimit).map { Unicode.Scalar($0)! }

    for v in UInt32(0x80)..<tableLimit {
      let s = Unicode.Scalar(v)!
      if s.properties.changesWhenLowercased, let lower = singleScalarLowercase(s) {
        table[Int(v)] = lower
      }
    }
    for v in UInt32(0x41)...0x5A {
      table[Int(v)] = Unicode.Scalar(v + 0x20)!
    }
    // A precomposed accented Latin, Greek or Cyrillic letter folds as its decomposed form does,
    // whose combining marks are dropped below: "é" and "e" + U+0301 both fold to "e".
    for v in UInt32(0xC0)..<0x0590 {
      guard let s = Unicode.Scalar(v), let base = bareLetter(s), base.value < tableLimit else { continue }
      table[Int(v)] = table[Int(base.value)]
    }

    let dropped: [ClosedRange<UInt32>] = [
      0x0300...0x036F,  // combining diacritics, so decomposed "é" matches "e"
      0x0610...0x061A,  // Quranic honorifics and small high letters
      0x0640...0x0640,  // tatweel: purely typographic stretching
      0x064B...0x065F,  // harakat, tanween, shadda, sukun, combining hamza/madda
      0x0670...0x0670,  // superscript alef
      0x06D6...0x06DC,  // Quranic annotation signs
      0x06DF...0x06E4,
      0x06E7...0x06E8,
      0x06EA...0x06ED,
    ]
    for range in dropped {
      for v in range { table[Int(v)] = dropMarker }
    }

    let letters: [(UInt32, Unicode.Scalar)] = [
      (0x0622, "ا"), (0x0623, "ا"), (0x0625, "ا"), (0x0671, "ا"),
      (0x0624, "و"),
      (0x0626, "ي"), (0x0649, "ي"), (0x06CC, "ي"),
      (0x0629, "ه"),
      (0x06A9, "ك"),
    ]
    for (v, folded) in letters { table[Int(v)] = folded }

    for d in UInt32(0)...9 {
      let ascii = Unicode.Scalar(0x30 + d)!
      table[Int(0x0660 + d)] = ascii
      table[Int(0x06F0 + d)] = ascii
    }
    return table
  }
}
