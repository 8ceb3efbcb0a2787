import AnnotatorKit

/// Finds named speakers: quoted names after Arabic reporting verbs, capitalised English names
/// next to "said"/"told"/"according to", and later mentions of a known speaker's surname.
struct SpeakerFinder {
  let text: ReportText
  let tokens: [WordToken]
  let verbs: [ReportingVerb]
  /// The reporting verb at each token index, if any.
  let verbAt: [ReportingVerb?]
  /// Quotation pairs keyed by the offset of their opening mark.
  let pairsByOpen: [Int: QuotePair]
  /// Token index keyed by the token's start offset.
  let tokenAt: [Int: Int]

  /// The mentions in text order, and the opening offsets of quotations that hold a name
  /// (those are not quotes).
  func find() -> (mentions: [SpeakerMention], nameQuotes: Set<Int>) {
    var mentions: [SpeakerMention] = []
    var nameQuotes: Set<Int> = []
    for verb in verbs {
      if verb.isEnglish {
        if let mention = englishMention(for: verb) { mentions.append(mention) }
      } else if let (mention, open) = quotedName(after: verb) {
        mentions.append(mention)
        nameQuotes.insert(open)
      }
    }
    mentions = resolvingSurnames(mentions)
    mentions += surnameMentions(excluding: mentions)
    mentions.sort { $0.range < $1.range }
    // A quoted name after a reporting verb, seen again by the surname pass, is one mention.
    var unique: [SpeakerMention] = []
    for mention in mentions where !unique.contains(where: { $0.range.overlaps(mention.range) }) {
      unique.append(mention)
    }
    return (unique, nameQuotes)
  }

  /// أكد “كيفين كويثي” …: a 1–3 word quotation right after the verb is the speaker's name.
  private func quotedName(after verb: ReportingVerb) -> (SpeakerMention, Int)? {
    let next = verb.token + 1
    guard next < tokens.count, tokens[next].sentence == tokens[verb.token].sentence,
      let pair = pairsByOpen[tokens[next].range.start]
    else { return nil }
    var last = next
    while last + 1 < tokens.count, tokens[last + 1].range.end <= pair.close { last += 1 }
    let words = tokens[(next + 1)...last]
    guard (1...3).contains(words.count), words.allSatisfy(\.isWord) else { return nil }
    let range = TextRange(tokens[next + 1].range.start, tokens[last].range.end)
    let role = tokenAt[pair.close].flatMap { RolePhrase.arabic(at: $0 + 1, in: tokens, verbAt: verbAt, text: text) }
    let verbText = text.substring(tokens[verb.token].range)
    let mention = SpeakerMention(
      range: range, name: SpeakerMention.normalisedName(text.substring(range)), role: role?.role,
      affiliation: role?.affiliation, score: 0.9, explanation: "reporting verb \"\(verbText)\" before quoted name",
      sentence: tokens[next].sentence, firstToken: next + 1, lastToken: last)
    return (mention, pair.open)
  }

  /// "Maria Haddad said", "Maria Haddad, director of …, said", "said Maria Haddad",
  /// "according to Finance Minister Sami Nasser".
  private func englishMention(for verb: ReportingVerb) -> SpeakerMention? {
    let index = verb.token
    let sentence = tokens[index].sentence
    let verbText = text.substring(tokens[index].range)
    if verb.isAccordingTo {
      return forwardName(from: index + 2, sentence: sentence, cue: "according to")
    }
    var end = index - 1
    var role: RolePhrase?
    if end >= 0, tokens[end].folded == ",", tokens[end].sentence == sentence {
      // An appositive: walk back to the comma that opens it.
      var comma = end - 1
      while comma >= 0, tokens[comma].sentence == sentence, tokens[comma].folded != ",", end - comma < 12 {
        comma -= 1
      }
      if comma >= 0, tokens[comma].sentence == sentence, tokens[comma].folded == ",", comma + 1 <= end - 1 {
        role = RolePhrase.english((comma + 1)...(end - 1), in: tokens, text: text)
        end = comma - 1
      }
    }
    if end >= 0, tokens[end].sentence == sentence, let name = nameRun(endingAt: end, sentence: sentence) {
      var mention = makeMention(name, cue: verbText, before: true)
      if let role, mention.role == nil {
        mention.role = role.role
        mention.affiliation = role.affiliation
      }
      return mention
    }
    guard ReportingVerb.englishInverted.contains(tokens[index].folded) else { return nil }
    return forwardName(from: index + 1, sentence: sentence, cue: verbText)
  }

  private func forwardName(from start: Int, sentence: Int, cue: String) -> SpeakerMention? {
    guard start < tokens.count, tokens[start].sentence == sentence else { return nil }
    var end = start
    while end + 1 < tokens.count, tokens[end + 1].sentence == sentence, isNamePart(end + 1) { end += 1 }
    guard let name = nameRun(endingAt: end, sentence: sentence, from: start) else { return nil }
    var mention = makeMention(name, cue: cue, before: false)
    // "said Maria Haddad, director of the port authority."
    let comma = name.upperBound + 1
    if mention.role == nil, comma + 1 < tokens.count, tokens[comma].folded == ",", tokens[comma].sentence == sentence {
      var last = comma + 1
      while last + 1 < tokens.count, tokens[last + 1].sentence == sentence,
        tokens[last + 1].isWord || tokens[last + 1].folded == "'"
      {
        last += 1
      }
      if let role = RolePhrase.english((comma + 1)...last, in: tokens, text: text) {
        mention.role = role.role
        mention.affiliation = role.affiliation
      }
    }
    return mention
  }

  /// A name as token indices: capitalised words (with al-/bin/de connectors), titles split off.
  private struct NameRun {
    var tokens: ClosedRange<Int>
    var title: ClosedRange<Int>?
    var upperBound: Int { tokens.upperBound }
  }

  private func nameRun(endingAt end: Int, sentence: Int, from lowest: Int? = nil) -> NameRun? {
    guard tokens[end].isCapitalised, tokens[end].isWord else { return nil }
    var start = end
    while start - 1 >= (lowest ?? 0), tokens[start - 1].sentence == sentence, isNamePart(start - 1) { start -= 1 }
    while start <= end, !tokens[start].isCapitalised || Self.notNames.contains(tokens[start].folded) { start += 1 }
    guard start <= end else { return nil }
    var title: ClosedRange<Int>?
    if let lastTitle = (start...end).last(where: { Self.titles.contains(tokens[$0].folded) }) {
      title = start...lastTitle
      start = lastTitle + 1
    }
    guard start <= end else { return nil }
    let words = tokens[start...end].filter(\.isWord).count
    guard words >= 2 || (words == 1 && title != nil) else { return nil }
    return NameRun(tokens: start...end, title: title)
  }

  private func isNamePart(_ index: Int) -> Bool {
    let token = tokens[index]
    if token.isWord { return token.isCapitalised || Self.connectors.contains(token.folded) }
    // "Al-Sayed": a hyphen between two name parts.
    return token.folded == "-" && index > 0 && index + 1 < tokens.count && tokens[index + 1].isCapitalised
  }

  private func makeMention(_ run: NameRun, cue: String, before: Bool) -> SpeakerMention {
    let range = TextRange(tokens[run.tokens.lowerBound].range.start, tokens[run.tokens.upperBound].range.end)
    var role: String?
    if let title = run.title, !Self.honorifics.contains(tokens[title.upperBound].folded) {
      role = text.substring(TextRange(tokens[title.lowerBound].range.start, tokens[title.upperBound].range.end))
    }
    let place = before ? "before" : "after"
    return SpeakerMention(
      range: range, name: SpeakerMention.normalisedName(text.substring(range)), role: role, affiliation: nil,
      score: 0.85, explanation: "capitalised name \(place) \"\(cue)\"",
      sentence: tokens[run.tokens.lowerBound].sentence,
      firstToken: run.tokens.lowerBound, lastToken: run.tokens.upperBound)
  }

  /// A one-word mention (“كابرييل”) takes the full name of the speaker whose surname it is.
  private func resolvingSurnames(_ mentions: [SpeakerMention]) -> [SpeakerMention] {
    let full = fullNames(mentions)
    return mentions.map { mention in
      var mention = mention
      if let name = full[FoldedWord(folding: mention.name.unicodeScalars)], name != mention.name {
        mention.name = name
        mention.explanation += ", a later mention of \"\(name)\""
        mention.score = 0.85
      }
      return mention
    }
  }

  /// Every other word that is a known speaker's surname, with a clitic (لكويثي) or possessive
  /// ("Haddad's") allowed; the span covers the surname alone.
  private func surnameMentions(excluding known: [SpeakerMention]) -> [SpeakerMention] {
    let full = fullNames(known)
    guard !full.isEmpty else { return [] }
    // Indexed by length: tested on every token, where hashing an Int into a set costs more.
    var lengths = [Bool](repeating: false, count: (full.keys.map(\.count).max() ?? 0) + 1)
    for surname in full.keys { lengths[surname.count] = true }
    var found: [SpeakerMention] = []
    for (index, token) in tokens.enumerated() where token.isWord {
      guard let (surname, skip) = surnameMatch(token.folded, in: full, lengths: lengths) else { continue }
      guard !known.contains(where: { $0.range.overlaps(token.range) }) else { continue }
      let start = RolePhrase.offset(ofFoldedLetter: skip, in: token, text: text)
      let end = RolePhrase.offset(ofFoldedLetter: skip + surname.count, in: token, text: text)
      let range = text.widenedToGraphemes(TextRange(start, end))
      guard let name = full[surname] else { continue }
      found.append(
        SpeakerMention(
          range: range, name: name, role: nil, affiliation: nil, score: 0.75,
          explanation: "surname of \"\(name)\", named earlier or later in the report", sentence: token.sentence,
          firstToken: index, lastToken: index))
    }
    return found
  }

  /// The folded surname `word` carries and how many folded letters come before it.
  /// Runs on every token, so the cheap length test comes before any lookup or copy.
  private func surnameMatch(_ word: FoldedWord, in full: [FoldedWord: String], lengths: [Bool]) -> (FoldedWord, Int)? {
    let count = word.count
    func isLength(_ n: Int) -> Bool { n >= 0 && n < lengths.count && lengths[n] }
    if isLength(count), full[word] != nil { return (word, 0) }
    guard isLength(count - 1) || isLength(count - 2) else { return nil }
    let scalars = word.scalars
    switch scalars[0] {
    case "و", "ف", "ل", "ب":
      let rest = word.dropFirst()
      if full[rest] != nil { return (rest, 1) }
    default: break
    }
    if count > 2, scalars[count - 1] == "s", scalars[count - 2] == "'" || scalars[count - 2] == "\u{2019}" {
      let stem = word.dropLast(2)
      if full[stem] != nil { return (stem, 0) }
    }
    return nil
  }

  /// Folded surname → full name, for every speaker named with two words or more.
  private func fullNames(_ mentions: [SpeakerMention]) -> [FoldedWord: String] {
    var names: [FoldedWord: String] = [:]
    for mention in mentions {
      let words = mention.name.split(separator: " ")
      guard words.count >= 2, let last = words.last else { continue }
      let surname = FoldedWord(folding: last.unicodeScalars)
      if surname.count >= 3, names[surname] == nil { names[surname] = mention.name }
    }
    return names
  }

  /// Capitalised words that start sentences or clauses but never names.
  private static let notNames: Set<FoldedWord> = [
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and", "this", "that",
    "officials", "police", "witnesses", "sources", "analysts", "residents",
  ]
  private static let connectors: Set<FoldedWord> = ["al", "bin", "ibn", "de", "van", "von", "da", "el", "abu"]
  private static let honorifics: Set<FoldedWord> = ["mr", "mrs", "ms", "dr", "sir"]
  private static let titles: Set<FoldedWord> = honorifics.union([
    "minister", "president", "director", "general", "gen", "colonel", "col", "lt", "sgt", "capt", "prof",
    "professor", "spokesman", "spokeswoman", "spokesperson", "secretary", "governor", "mayor", "ambassador",
    "commander", "chief", "deputy", "senator", "envoy", "chairman", "chairwoman", "ceo", "officer", "judge",
  ])
}
