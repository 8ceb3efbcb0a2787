import AnnotatorKit

/// A word or phrase in a clause that makes it check-worthy: a quantity or a comparative,
/// causal or predictive cue.
struct ClaimCue: Sendable {
  let type: ClaimType
  /// Token indices the cue covers.
  let tokens: ClosedRange<Int>
  /// A scale or percentage ("ألف", "million", "%") rather than a bare count.
  let isScaled: Bool
  /// Written in digits: a precise figure, unlike "three" in "a three-month closure".
  var hasDigits = false

  /// The cues in `tokens[clause]`, in text order.
  static func cues(in clause: ClosedRange<Int>, tokens: [WordToken]) -> [ClaimCue] {
    var cues: [ClaimCue] = []
    var index = clause.lowerBound
    while index <= clause.upperBound {
      if let quantity = quantity(at: index, upTo: clause.upperBound, tokens: tokens) {
        cues.append(quantity)
        index = quantity.tokens.upperBound + 1
        continue
      }
      if let phrase = phrase(at: index, upTo: clause.upperBound, tokens: tokens) {
        cues.append(phrase)
        index = phrase.tokens.upperBound + 1
        continue
      }
      index += 1
    }
    return cues
  }

  /// A number phrase: digits or number words, with their scale ("120 ألف", "ثمانية ملايين",
  /// "$12.5 million", "15 percent"), and a currency sign before.
  private static func quantity(at start: Int, upTo limit: Int, tokens: [WordToken]) -> ClaimCue? {
    guard let first = numberKind(tokens[start].folded) else { return nil }
    var end = start
    var scaled = first == .scale
    var digits = first == .digits
    while end + 1 <= limit, let kind = numberKind(tokens[end + 1].folded) {
      end += 1
      if kind == .scale { scaled = true }
      if kind == .digits { digits = true }
    }
    // "per cent", "في المئة": the scale word after a preposition.
    if end + 2 <= limit, tokens[end + 1].folded == "per" || tokens[end + 1].folded == "في",
      numberKind(tokens[end + 2].folded) == .scale
    {
      end += 2
      scaled = true
    }
    var from = start
    if from - 1 >= 0, currencySigns.contains(tokens[from - 1].folded),
      tokens[from - 1].sentence == tokens[start].sentence
    {
      from -= 1
      scaled = true
    }
    // A year alone ("2019") dates a claim but is not one.
    if first == .digits, from == end, isYear(tokens[start].folded) { return nil }
    return ClaimCue(type: .statistical, tokens: from...end, isScaled: scaled, hasDigits: digits)
  }

  private enum NumberKind { case digits, word, scale }

  private static func numberKind(_ word: FoldedWord) -> NumberKind? {
    // Folding has already turned Arabic-Indic digits into ASCII ones.
    if word.scalars.contains(where: { $0.value &- 0x30 < 10 }) { return .digits }
    if let kind = numberWords[word] { return kind }
    // An attached و/ب/ل/ف: وثلاثة، بثلاثة، لألف.
    if word.count > 3, let first = word.first, first == "و" || first == "ب" || first == "ل" || first == "ف" {
      return numberWords[word.dropFirst()]
    }
    return nil
  }

  private static func isYear(_ word: FoldedWord) -> Bool {
    guard word.count == 4, let value = Int(word.description) else { return false }
    return (1900...2100).contains(value)
  }

  /// The longest comparative, causal or predictive phrase starting at `start`.
  private static func phrase(at start: Int, upTo limit: Int, tokens: [WordToken]) -> ClaimCue? {
    let word = tokens[start].folded
    var candidates = phrasesByFirstWord[word] ?? []
    // A conjunction on the first word only: وبسبب، فأدى.
    if let first = word.first, first == "و" || first == "ف" {
      candidates += phrasesByFirstWord[word.dropFirst()] ?? []
    }
    var best: ClaimCue?
    for entry in candidates where start + entry.words.count - 1 <= limit {
      let rest = entry.words.dropFirst()
      guard zip(rest, tokens[(start + 1)...].prefix(rest.count)).allSatisfy({ $0 == $1.folded }) else { continue }
      if best == nil || entry.words.count > best!.tokens.count {
        best = ClaimCue(type: entry.type, tokens: start...(start + entry.words.count - 1), isScaled: false)
      }
    }
    return best
  }

  private static let currencySigns: Set<FoldedWord> = ["$", "€", "£", "¥"]

  private static func foldedWords(_ list: String) -> [FoldedWord] { FoldedWord.words(list) }

  /// Spelled as written and folded once (ة→ه, أ→ا…), so the table reads naturally.
  private static let numberWords: [FoldedWord: NumberKind] = {
    var table: [FoldedWord: NumberKind] = [:]
    let words = """
      واحد واحدة اثنان اثنين اثنتان اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني
      ثمانية تسع تسعة عشر عشرة عشرون عشرين ثلاثون ثلاثين أربعون أربعين خمسون خمسين ستون ستين سبعون
      سبعين ثمانون ثمانين تسعون تسعين نصف ربع ثلث عشرات مئات
      two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty
      seventy eighty ninety hundred hundreds dozen dozens half
      """
    let scales = """
      مئة مائة مئتان مئتين مائتي ألف ألفا ألفين ألفان آلاف ألوف مليون ملايين مليونا مليونين مليار مليارات
      ملياري مليارين تريليون بالمئة بالمائة المئة المائة % ٪
      thousand thousands million millions billion billions trillion percent cent
      """
    for word in foldedWords(words) { table[word] = .word }
    for word in foldedWords(scales) { table[word] = .scale }
    return table
  }()

  /// Cue phrases keyed by their first folded word, so each token costs one lookup.
  private static let phrasesByFirstWord: [FoldedWord: [(words: [FoldedWord], type: ClaimType)]] = {
    var list: [(words: [FoldedWord], type: ClaimType)] = []
    func add(_ type: ClaimType, _ entries: String) {
      for entry in entries.split(separator: "|") {
        let words = foldedWords(String(entry))
        if !words.isEmpty { list.append((words, type)) }
      }
    }
    add(
      .comparison,
      """
      أكثر من|أقل من|أكبر من|أصغر من|أعلى من|أدنى من|مقارنة مع|مقارنة|بالمقارنة|أضعاف|يفوق|يتجاوز|
      تجاوز|يزيد عن|more than|less than|fewer than|higher than|lower than|greater than|larger than|smaller than|
      compared with|compared to|up from|down from|twice|doubled|tripled|highest|lowest|largest|biggest
      """)
    add(
      .causal,
      """
      بسبب|أدى إلى|أدت إلى|يؤدي إلى|تؤدي إلى|مما أدى|نتيجة|جراء|بفضل|لأن|أسفر عن|أسفرت عن|تسبب|تسببت|
      because|due to|led to|leads to|lead to|caused|causes|causing|as a result|result of|resulted in|
      owing to|thanks to|driven by
      """)
    add(
      .prediction,
      """
      سوف|سيتم|ستتم|سيكون|ستكون|سيصل|ستصل|سيبلغ|ستبلغ|سيرتفع|سترتفع|سينخفض|ستنخفض|سيستمر|ستستمر|سنستمر|
      سنعمل|سيعمل|ستعمل|ستشهد|سيشهد|سيواصل|ستواصل|سنواصل|يتوقع|تتوقع|المتوقع|متوقع|من المتوقع|
      will|expected|expects|expect|forecast|forecasts|projected|predicted|predicts|likely to|set to
      """)
    return Dictionary(grouping: list) { $0.words[0] }
  }()
}
