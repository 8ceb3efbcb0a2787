/// Splits text into search tokens: the one rule the full-text index and search queries share.
///
/// A token is a run of letters, numbers, marks and private-use characters in the folded text.
/// The index is handed each text already folded and cut into tokens joined by single spaces, so
/// SQLite's plain `ascii` tokenizer, which splits on ASCII spaces and punctuation and keeps every
/// other character, reads back exactly these tokens. Doing the Unicode work here, on the thread
/// that reads an import, halves the cost of indexing on the thread that writes it.
public enum SearchTokenizer {
  /// Whether `scalar` belongs inside a token: letters, numbers, private use and marks.
  public static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber, .privateUse,
      .nonspacingMark, .spacingMark, .enclosingMark:
      return true
    default:
      return false
    }
  }

  /// `text` folded (see `ArabicFolding`) and reduced to its tokens, separated by single spaces.
  public static func indexText(_ text: String) -> String {
    String(decoding: indexUTF8(text), as: UTF8.self)
  }

  /// `indexText(text)` as UTF-8 bytes, which an import hands to the index without building (and
  /// validating) a `String`. Folding and splitting happen in one pass over the text.
  public static func indexUTF8(_ text: String) -> [UInt8] {
    var text = text
    return text.withUTF8 { source in
      tokenTable.withUnsafeBufferPointer { tokens in
        // A run of separators becomes at most one space; only folding grows text, by at most a
        // half (a two-byte letter whose lowercase takes three, like Ⱥ and ⱥ).
        let capacity = source.count + source.count / 2
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
          var o = 0
          var separated = false
          ArabicFolding.forEachFolded(in: source) { value in
            let isToken =
              value < tableLimit ? tokens[Int(value)] : isTokenScalar(Unicode.Scalar(value) ?? "\u{FFFD}")
            guard isToken else {
              separated = true
              return true
            }
            if separated && o > 0 {
              out[o] = 0x20
              o += 1
            }
            separated = false
            o += UTF8Scalar.encode(value, into: out, at: o) ?? 0
            return true
          }
          count = o
        }
      }
    }
  }

  /// The clitic forms (see `ArabicClitics`) of the Arabic tokens of `indexUTF8` output, as
  /// tokens separated by single spaces: what the index's `clitics` column holds.
  public static func cliticUTF8(ofIndexTexts texts: [UInt8]...) -> [UInt8] {
    var out: [UInt8] = []
    // A word takes some ten bytes of index text: room for a hash per eight bytes seldom grows.
    var seen = SeenHashes(capacity: texts.reduce(0) { $0 + $1.count } / 8)
    for index in texts {
      appendClitics(of: index, to: &out, seen: &seen)
    }
    return out
  }

  /// Appends the clitic forms of one index text's Arabic tokens to `out`, skipping forms in `seen`.
  private static func appendClitics(of index: [UInt8], to out: inout [UInt8], seen: inout SeenHashes) {
    index.withUnsafeBufferPointer { bytes in
      var position = 0
      while position < bytes.count {
        var end = position
        while end < bytes.count && bytes[end] != 0x20 { end += 1 }
        ArabicClitics.appendForms(of: UnsafeBufferPointer(rebasing: bytes[position..<end]), to: &out, seen: &seen)
        position = end + 1
      }
    }
  }

  /// Scalars below this value (Latin, Greek, Cyrillic, Hebrew, Arabic) are classed by a table lookup.
  static let tableLimit: UInt32 = 0x0700

  /// `isTokenScalar` for every scalar below `tableLimit`, computed once.
  static let tokenTable: [Bool] = (0..<tableLimit).map { value in
    Unicode.Scalar(value).map(isTokenScalar) ?? false
  }
}
