/// The clitic forms a folded Arabic word may stand for, in the manner of a light stemmer: what
/// is left when its proclitics (و ف, then ب ك ل, then the article ال; لل for ل + ال) or a
/// pronoun suffix (ها هم هما هن كم كما نا) are taken off.
///
/// The search index holds these beside the words themselves, so a search for جدة also finds
/// وجدة, بجدة and لجدة, and a search for السعودية finds للسعودية. What is left must keep three
/// letters: وجد (found) is never read as و + جد, so جدة does not find it. A form is kept
/// without the article, and a search looks for its word without the article among the forms.
///
/// It works on the UTF-8 of folded text, where every Arabic letter takes two bytes: a form is a
/// slice of the word's bytes, with at most the article put back before it or a teh made teh
/// marbuta again at its end, so the index text is written without building a string per form.
public enum ArabicClitics {
  static let waw: [UInt8] = [0xD9, 0x88]
  static let feh: [UInt8] = [0xD9, 0x81]
  static let beh: [UInt8] = [0xD8, 0xA8]
  static let kaf: [UInt8] = [0xD9, 0x83]
  static let lam: [UInt8] = [0xD9, 0x84]
  static let alef: [UInt8] = [0xD8, 0xA7]
  static let heh: [UInt8] = [0xD9, 0x87]
  static let meem: [UInt8] = [0xD9, 0x85]
  static let noon: [UInt8] = [0xD9, 0x86]
  static let teh: [UInt8] = [0xD8, 0xAA]
  static let article = alef + lam

  /// The prefixes taken off, each a conjunction, a preposition and the article in that order
  /// (any of them absent), as they are written: ل before ال is written لل.
  static let prefixes: [(bytes: [UInt8], article: Bool)] = {
    var prefixes: [(bytes: [UInt8], article: Bool)] = []
    for conjunction in [[], waw, feh] {
      for preposition in [[], beh, kaf, lam] {
        for hasArticle in [false, true] {
          guard !conjunction.isEmpty || !preposition.isEmpty || hasArticle else { continue }
          let written = preposition == lam && hasArticle ? lam + lam : preposition + (hasArticle ? article : [])
          prefixes.append((conjunction + written, hasArticle))
        }
      }
    }
    return prefixes
  }()

  /// Pronoun suffixes: هما كما هم هن ها كم نا.
  static let suffixes: [[UInt8]] = [
    heh + meem + alef, kaf + meem + alef, heh + meem, heh + noon, heh + alef, kaf + meem, noon + alef,
  ]

  /// The fewest bytes a form keeps: three letters.
  static let shortest = 6

  /// Calls `emit` with each form of `word` (folded UTF-8): whether the article goes before it,
  /// the slice of `word` it is, and whether its last letter (a teh) is written as teh marbuta.
  static func forEachForm(
    of word: UnsafeBufferPointer<UInt8>, _ emit: (_ article: Bool, _ body: Range<Int>, _ marbuta: Bool) -> Void
  ) {
    let count = word.count
    guard mayHaveForms(word) else { return }
    // Most words neither start with a prefix's letter nor end with a suffix's: one comparison of
    // a letter each spares them trying the 23 prefixes and 7 suffixes one by one.
    let suffixed = lastLetters.contains(letter(at: count - 2, of: word))
    func withoutSuffix(from start: Int) {
      guard suffixed else { return }
      for suffix in suffixes where count - start - suffix.count >= shortest && ends(word, with: suffix) {
        let end = count - suffix.count
        emit(false, start..<end, false)
        // مدينتها: a teh marbuta is written teh before a suffix.
        if word[end - 2] == teh[0] && word[end - 1] == teh[1] { emit(false, start..<end, true) }
      }
    }
    withoutSuffix(from: 0)
    guard firstLetters.contains(letter(at: 0, of: word)) else { return }
    for prefix in prefixes where count - prefix.bytes.count >= shortest && starts(word, with: prefix.bytes) {
      // Forms are kept without the article (للسعودية, والسعودية, السعودية: سعودية), and a search
      // takes the article off its word the same way (see `withoutArticle`): one form each, not two.
      let rest = UnsafeBufferPointer(rebasing: word[prefix.bytes.count...])
      if !prefix.article && starts(rest, with: article) { continue }
      emit(false, prefix.bytes.count..<count, false)
      withoutSuffix(from: prefix.bytes.count)
    }
  }

  /// Appends each form of `word` to `out`, each after a space when `out` has text, unless its
  /// hash is in `seen`: a report's index needs each form once, and every repetition would cost
  /// the index a position to write.
  static func appendForms(of word: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], seen: inout SeenHashes) {
    // A word met before in the report has had its forms written: a text repeats most of its words.
    guard mayHaveForms(word), seen.insert(wordKey(word)) else { return }
    forEachForm(of: word) { article, body, marbuta in
      guard seen.insert(hash(article, body, marbuta, of: word)) else { return }
      if !out.isEmpty { out.append(0x20) }
      appendForm(article, body, marbuta, of: word, to: &out)
    }
  }

  /// FNV-1a over the form's bytes as `appendForm` writes them; a 64-bit collision would only
  /// leave one form out of one report's index.
  private static func hash(
    _ article: Bool, _ body: Range<Int>, _ marbuta: Bool, of word: UnsafeBufferPointer<UInt8>
  ) -> UInt64 {
    var hash = fnvBasis
    func add(_ byte: UInt8) { hash = fnv(hash, byte) }
    if article { Self.article.forEach(add) }
    for index in body.lowerBound..<(body.upperBound - (marbuta ? 2 : 0)) { add(word[index]) }
    if marbuta { heh.forEach(add) }
    return hash
  }

  /// The key under which `seen` remembers a whole word: FNV-1a of a zero byte, then the word. No
  /// form holds a zero byte, so a word and a form share a key only by a 64-bit collision.
  private static func wordKey(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    word.reduce(fnv(fnvBasis, 0), fnv)
  }

  private static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325

  /// One step of FNV-1a.
  private static func fnv(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
    (hash ^ UInt64(byte)) &* 0x100_0000_01b3
  }

  /// Whether `word` is long enough to keep three letters after a clitic, and Arabic.
  private static func mayHaveForms(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    word.count > shortest && isArabicLetterLead(word)
  }

  /// The two bytes of the letter at `offset` of `word`, as one number.
  private static func letter(at offset: Int, of word: UnsafeBufferPointer<UInt8>) -> UInt16 {
    letter(word[offset], word[offset + 1])
  }

  private static func letter(_ lead: UInt8, _ trail: UInt8) -> UInt16 {
    UInt16(lead) << 8 | UInt16(trail)
  }

  /// The letters a prefix starts with, and a suffix ends with: so few that a list is the fastest set.
  private static let firstLetters = Array(Set(prefixes.map { letter($0.bytes[0], $0.bytes[1]) }))
  private static let lastLetters = Array(Set(suffixes.map { letter($0[$0.count - 2], $0[$0.count - 1]) }))

  /// `word` (folded) without its article when three letters are left, as the index keeps
  /// clitic forms: a search for السعودية looks for سعودية among them.
  public static func withoutArticle(_ word: String) -> String {
    let scalars = word.unicodeScalars
    guard word.hasPrefix("ال"), scalars.count - 2 >= shortest / 2 else { return word }
    return String(String.UnicodeScalarView(scalars.dropFirst(2)))
  }

  /// The forms `word` (folded letters) may be a clitic form of, without `word` itself.
  public static func forms(of word: [UInt32]) -> [[UInt32]] {
    var bytes: [UInt8] = []
    for value in word { UTF8.encode(Unicode.Scalar(value) ?? "\u{FFFD}") { bytes.append($0) } }
    var forms: [[UInt32]] = []
    bytes.withUnsafeBufferPointer { buffer in
      var out: [UInt8] = []
      forEachForm(of: buffer) { article, body, marbuta in
        out.removeAll(keepingCapacity: true)
        appendForm(article, body, marbuta, of: buffer, to: &out)
        let form = String(decoding: out, as: UTF8.self).unicodeScalars.map(\.value)
        if form != word && !forms.contains(form) { forms.append(form) }
      }
    }
    return forms
  }

  private static func appendForm(
    _ article: Bool, _ body: Range<Int>, _ marbuta: Bool, of word: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]
  ) {
    if article { out.append(contentsOf: Self.article) }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: word[body.lowerBound..<(body.upperBound - (marbuta ? 2 : 0))]))
    if marbuta { out.append(contentsOf: heh) }
  }

  /// Whether `word` starts with an Arabic letter (U+0621–U+064A).
  private static func isArabicLetterLead(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    (word[0] == 0xD8 && word[1] >= 0xA1) || (word[0] == 0xD9 && word[1] <= 0x8A)
  }

  private static func starts(_ word: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
    for (index, byte) in prefix.enumerated() where word[index] != byte { return false }
    return true
  }

  private static func ends(_ word: UnsafeBufferPointer<UInt8>, with suffix: [UInt8]) -> Bool {
    let offset = word.count - suffix.count
    for (index, byte) in suffix.enumerated() where word[offset + index] != byte { return false }
    return true
  }
}
