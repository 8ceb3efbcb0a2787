import AnnotatorKit

/// The reporting verbs and attribution phrases that introduce what someone said.
struct ReportingVerb: Sendable {
  /// Index of the verb's token (for "according to", the "according" token).
  let token: Int
  let isEnglish: Bool
  /// Forms that are also common non-verbs (بين "between", ذكر "male"); they count only when a
  /// complementizer or a quotation follows at once.
  let isAmbiguous: Bool
  /// أكد/شدد take their content with على as often as with أنّ.
  let takesAla: Bool
  /// `according to`: the speaker follows and the reported clause is on the other side of a comma.
  let isAccordingTo: Bool

  /// The reporting verb at `index`, if the token is one.
  static func at(_ index: Int, in tokens: [WordToken]) -> ReportingVerb? {
    guard tokens[index].isWord else { return nil }
    let word = tokens[index].folded
    if englishVerbs.contains(word) {
      return ReportingVerb(token: index, isEnglish: true, isAmbiguous: false, takesAla: false, isAccordingTo: false)
    }
    if word == Self.according, index + 1 < tokens.count, tokens[index + 1].folded == Self.to {
      return ReportingVerb(token: index, isEnglish: true, isAmbiguous: false, takesAla: false, isAccordingTo: true)
    }
    guard let stem = arabicStem(word) else { return nil }
    return ReportingVerb(
      token: index, isEnglish: false, isAmbiguous: ambiguousForms.contains(stem),
      takesAla: alaForms.contains(stem), isAccordingTo: false)
  }

  /// The verb form with an attached و/ف removed, or nil when the word is no reporting verb.
  private static func arabicStem(_ word: FoldedWord) -> FoldedWord? {
    if arabicForms.contains(word) { return word }
    guard let first = word.first, first == "و" || first == "ف" else { return nil }
    let rest = word.dropFirst()
    return arabicForms.contains(rest) ? rest : nil
  }

  // Folded once: a literal compared with a token is folded anew each time, and this runs on every token.
  private static let according: FoldedWord = "according"
  private static let to: FoldedWord = "to"

  /// Written as people spell them and folded once, so the table stays readable.
  private static let arabicForms: Set<FoldedWord> = Set(
    FoldedWord.words(
      """
      قال قالت قالوا يقول تقول قائلا قائلة
      أكد أكدت أكدوا يؤكد تؤكد مؤكدا مؤكدة
      أشار أشارت أشاروا يشير تشير مشيرا مشيرة
      أضاف أضافت أضافوا يضيف تضيف مضيفا مضيفة
      بين بينت بينوا يبين تبين مبينا مبينة
      أوضح أوضحت أوضحوا يوضح توضح موضحا موضحة
      استدرك استدركت يستدرك مستدركا
      صرح صرحت صرحوا يصرح تصرح مصرحا مصرحة
      لفت لفتت لفتوا يلفت تلفت لافتا لافتة
      شدد شددت شددوا يشدد تشدد مشددا مشددة
      أعلن أعلنت أعلنوا يعلن تعلن معلنا
      ذكر ذكرت ذكروا يذكر تذكر
      """))

  private static let ambiguousForms: Set<FoldedWord> = ["بين", "تبين", "ذكر", "لفت", "يذكر", "تذكر"]

  private static let alaForms: Set<FoldedWord> = [
    "أكد", "أكدت", "أكدوا", "يؤكد", "تؤكد", "مؤكدا", "شدد", "شددت", "يشدد", "مشددا",
  ]

  private static let englishVerbs: Set<FoldedWord> = [
    "said", "says", "say", "told", "tells", "added", "adds", "stressed", "stresses", "noted",
    "explained", "announced", "warned", "insisted", "stated", "confirmed",
  ]

  /// English verbs after which a name may follow ("said Maria Haddad"); after "told" it is
  /// the listener.
  static let englishInverted: Set<FoldedWord> = ["said", "says", "added", "stressed", "noted", "explained"]
}

extension ReportingVerb {
  /// أنّ/إنّ, alone or carrying the subject pronoun (أنهم), and بأنّ: what opens a reported clause.
  static func complementizer(_ folded: FoldedWord) -> (isBare: Bool, matched: Bool) {
    // Every form starts with ا or ب and is short; most words fail here without a lookup.
    guard (2...5).contains(folded.count), folded.scalars[0] == "ا" || folded.scalars[0] == "ب" else {
      return (false, false)
    }
    if bareComplementizers.contains(folded) { return (true, true) }
    return (false, pronounComplementizers.contains(folded))
  }

  private static let bareComplementizers: Set<FoldedWord> = ["ان", "بان"]
  private static let pronounComplementizers: Set<FoldedWord> = [
    "انه", "انها", "انهم", "انهما", "انهن", "اننا", "انني", "انك", "انكم", "بانه", "بانها", "بانهم",
    "باننا",
  ]
}
