import AnnotatorKit

/// A speaker's role ("نائب قائد العمليات الخاصة للتحالف الدولي") and the organisation inside it.
struct RolePhrase: Sendable {
  var role: String
  var affiliation: String?

  /// The Arabic role phrase starting at token `start` (right after a quoted name), if that token
  /// is a role noun. The phrase stops at punctuation, at a location or time word, or a verb.
  static func arabic(at start: Int, in tokens: [WordToken], verbAt: [ReportingVerb?], text: ReportText) -> RolePhrase? {
    guard start < tokens.count, tokens[start].isWord, roleHeads.contains(withoutArticle(tokens[start].folded))
    else { return nil }
    let sentence = tokens[start].sentence
    var end = start
    while end + 1 < tokens.count, end - start < 7 {
      let next = tokens[end + 1]
      guard next.sentence == sentence, next.isWord, !stopWords.contains(next.folded),
        verbAt[end + 1] == nil
      else { break }
      end += 1
    }
    let role = text.substring(TextRange(tokens[start].range.start, tokens[end].range.end))
    return RolePhrase(role: role, affiliation: arabicAffiliation(in: start...end, tokens: tokens, text: text))
  }

  /// The organisation part of a role: after لل/ل (للتحالف الدولي → التحالف الدولي), after باسم, or
  /// from an organisation noun on.
  private static func arabicAffiliation(in span: ClosedRange<Int>, tokens: [WordToken], text: ReportText) -> String? {
    let end = tokens[span.upperBound].range.end
    for index in span.dropFirst() {
      let token = tokens[index]
      let word = token.folded
      if word == "باسم" {
        guard index < span.upperBound else { return nil }
        return text.substring(TextRange(tokens[index + 1].range.start, end))
      }
      if word.hasPrefix("لل"), word.count > 3 {
        // The article's alef is elided after ل; put it back so the name reads as it is cited.
        return "ا" + text.substring(TextRange(offset(ofFoldedLetter: 1, in: token, text: text), end))
      }
      if word.hasPrefix("ل"), organisationHeads.contains(withoutArticle(word.dropFirst())) {
        return text.substring(TextRange(offset(ofFoldedLetter: 1, in: token, text: text), end))
      }
      if organisationHeads.contains(withoutArticle(word)) {
        return text.substring(TextRange(token.range.start, end))
      }
    }
    return nil
  }

  /// The English appositive between `start` and `end` ("director of the Tartus Port Authority").
  static func english(_ span: ClosedRange<Int>, in tokens: [WordToken], text: ReportText) -> RolePhrase? {
    guard span.count <= 10, tokens[span].contains(where: \.isWord) else { return nil }
    let role = text.substring(TextRange(tokens[span.lowerBound].range.start, tokens[span.upperBound].range.end))
    var affiliation: String?
    if let of = span.first(where: { ["of", "at", "for"].contains(tokens[$0].folded) as Bool }), of < span.upperBound {
      var from = of + 1
      if tokens[from].folded == "the", from < span.upperBound { from += 1 }
      affiliation = text.substring(TextRange(tokens[from].range.start, tokens[span.upperBound].range.end))
    }
    return RolePhrase(role: role, affiliation: affiliation)
  }

  /// The original offset of the `index`-th letter of `token` as folding counts letters, so
  /// a clitic is cut off together with its vowel marks.
  static func offset(ofFoldedLetter index: Int, in token: WordToken, text: ReportText) -> Int {
    var seen = 0
    for offset in token.range.start..<token.range.end where ArabicFolding.fold(text.scalars[offset]) != nil {
      if seen == index { return offset }
      seen += 1
    }
    return token.range.end
  }

  static func withoutArticle(_ word: FoldedWord) -> FoldedWord {
    word.hasPrefix("ال") && word.count > 3 ? word.dropFirst(2) : word
  }

  private static func folded(_ words: String) -> Set<FoldedWord> { Set(FoldedWord.words(words)) }

  /// Nouns that open a role phrase, without the article.
  private static let roleHeads = folded(
    """
    نائب قائد متحدث متحدثة ناطق ناطقة رئيس رئيسة مدير مديرة وزير وزيرة قيادي مسؤول مسؤولة عضو
    أمين سفير ممثل مستشار مبعوث خبير باحث محافظ أمير زعيم منسق
    """)

  private static let organisationHeads = folded(
    """
    تحالف قوات حكومة وزارة جيش حزب منظمة هيئة مجلس شبكة وكالة إدارة جبهة حركة أمم اتحاد جامعة
    شركة بعثة مفوضية لجنة
    """)

  /// Where a role phrase ends and the report moves on to place, time or content.
  private static let stopWords = folded("في خلال اليوم أمس على إلى عن أن إن أنه أنهم حيث الذي التي قائلا بعد قبل منذ")
}
