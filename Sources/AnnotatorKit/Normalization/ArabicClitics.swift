/// The clitic forms a folded Arabic word may stand for, in the manner of a light stemmer: what
/// is left when its proclitics (و ف, then ب ك ل, then the article ال; لل for ل + ال) or a
/// pronoun suffix (ها هم هما هن كم كما نا) are taken off.
///
/// The search index holds these beside the words themselves, so a search for جدة also finds
/// وجدة, بجدة and لجدة, and a search for السعودية finds للسعودية. What is left must keep three
/// letters: وجد (found) is never read as و + جد, so جدة does not find it.
public enum ArabicClitics {
  static let waw: UInt32 = 0x0648
  static let feh: UInt32 = 0x0641
  static let beh: UInt32 = 0x0628
  static let kaf: UInt32 = 0x0643
  static let lam: UInt32 = 0x0644
  static let alef: UInt32 = 0x0627
  static let teh: UInt32 = 0x062A
  /// Teh marbuta folds to heh (see `ArabicFolding`).
  static let heh: UInt32 = 0x0647

  /// The prefixes taken off, each a conjunction, a preposition and the article in that order
  /// (any of them absent), as they are written: ل before ال is written لل.
  static let prefixes: [(letters: [UInt32], article: Bool)] = {
    var prefixes: [(letters: [UInt32], article: Bool)] = []
    for conjunction in [[], [waw], [feh]] as [[UInt32]] {
      for preposition in [[], [beh], [kaf], [lam]] as [[UInt32]] {
        for article in [false, true] {
          guard !conjunction.isEmpty || !preposition.isEmpty || article else { continue }
          let written =
            preposition == [lam] && article ? [lam, lam] : preposition + (article ? [alef, lam] : [])
          prefixes.append((conjunction + written, article))
        }
      }
    }
    return prefixes
  }()

  /// Pronoun suffixes: هما كما هم هن ها كم نا.
  static let suffixes: [[UInt32]] = [
    [heh, 0x0645, alef], [kaf, 0x0645, alef], [heh, 0x0645], [heh, 0x0646], [heh, alef], [kaf, 0x0645],
    [0x0646, alef],
  ]

  /// The fewest letters a form keeps.
  static let shortest = 3

  /// The forms `word` (folded letters) may be a clitic form of, without `word` itself.
  public static func forms(of word: [UInt32]) -> [[UInt32]] {
    var forms: [[UInt32]] = []
    func add(_ form: [UInt32]) {
      if form != word && !forms.contains(form) { forms.append(form) }
    }
    func addWithoutSuffix(_ stem: ArraySlice<UInt32>) {
      for suffix in suffixes
      where stem.count - suffix.count >= shortest && stem.suffix(suffix.count).elementsEqual(suffix) {
        var base = Array(stem.dropLast(suffix.count))
        add(base)
        // مدينتها: a teh marbuta is written teh before a suffix.
        if base.last == teh {
          base[base.count - 1] = heh
          add(base)
        }
      }
    }
    addWithoutSuffix(word[...])
    for prefix in prefixes where word.count - prefix.letters.count >= shortest && word.starts(with: prefix.letters) {
      let rest = word[prefix.letters.count...]
      add(Array(rest))
      // للسعودية is ل + السعودية: the article's own form is found too.
      if prefix.article { add([alef, lam] + rest) }
      addWithoutSuffix(rest)
    }
    return forms
  }

  /// Whether `word` could carry a clitic at all: it is Arabic and long enough.
  static func mayCarryClitics(_ word: [UInt32]) -> Bool {
    word.count > shortest && (0x0621...0x064A).contains(word[0])
  }
}
