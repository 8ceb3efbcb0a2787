/// Search folding for Arabic and Latin text: strips tashkeel and tatweel, unifies letter variants and digits, lowercases.
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
    guard s.properties.changesWhenLowercased else { return s }
    return singleScalarLowercase(s) ?? s
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
