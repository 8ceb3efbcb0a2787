import AnnotatorKit

/// Finds direct quotations and reported clauses and attributes each to a speaker mention.
struct QuoteFinder {
  let text: ReportText
  let tokens: [WordToken]
  let verbs: [ReportingVerb]
  /// The reporting verb at each token index, if any.
  let verbAt: [ReportingVerb?]
  let pairs: [QuotePair]
  let nameQuotes: Set<Int>
  let mentions: [SpeakerMention]
  let tokenAt: [Int: Int]
  let pairsByOpen: [Int: QuotePair]

  func find() -> [QuoteCandidate] {
    let direct = directQuotes()
    var found = direct
    for verb in verbs {
      guard let clause = verb.isEnglish ? englishClause(for: verb) : arabicClause(for: verb) else { continue }
      guard !direct.contains(where: { $0.range.overlaps(clause.range) }),
        !found.contains(where: { $0.range == clause.range })
      else { continue }
      found.append(clause)
    }
    return found.sorted { $0.range < $1.range }
  }

  // MARK: Direct quotations

  private var speechPairs: [QuotePair] { pairs.filter { !nameQuotes.contains($0.open) } }

  /// Quotations of three words or more; shorter ones are names, titles or scare quotes.
  private func directQuotes() -> [QuoteCandidate] {
    speechPairs.compactMap { pair in
      guard let open = tokenAt[pair.open] else { return nil }
      var first = open + 1
      var last = open
      while last + 1 < tokens.count, tokens[last + 1].range.end <= pair.close { last += 1 }
      while first <= last, !tokens[first].isWord { first += 1 }
      while last >= first, Self.trailingCommas.contains(tokens[last].folded) { last -= 1 }
      guard first <= last, tokens[first...last].filter(\.isWord).count >= 3 else { return nil }
      let range = TextRange(tokens[first].range.start, tokens[last].range.end)
      let sentences = tokens[open].sentence...tokens[last + 1 < tokens.count ? last + 1 : last].sentence
      let nearby = mentions.indices.filter {
        sentences.contains(mentions[$0].sentence) && !range.overlaps(mentions[$0].range)
      }
      if let nearest = nearby.min(by: { distance(mentions[$0].range, range) < distance(mentions[$1].range, range) }) {
        return QuoteCandidate(
          range: range, mode: .direct, score: 0.85,
          explanation: "quotation marks, speaker \"\(mentions[nearest].name)\" in the same sentence", speaker: nearest)
      }
      return carriedOver(range: range, mode: .direct, before: range.start, what: "quotation marks", score: 0.7)
    }
  }

  // MARK: Reported clauses

  /// `VERB … أنّ/إنّ CLAUSE` (or أكد … على CLAUSE; the verb's subject, role, time and place can sit
  /// in between, hence the 30-token reach), up to the end of the sentence or the next
  /// `، مشيراً`-style attribution.
  private func arabicClause(for verb: ReportingVerb) -> QuoteCandidate? {
    let sentence = tokens[verb.token].sentence
    var index = verb.token + 1
    var start: Int?
    var viaAla = false
    while index < tokens.count, tokens[index].sentence == sentence, index - verb.token <= 30 {
      let token = tokens[index]
      if nameQuotes.contains(token.range.start), let pair = pairsByOpen[token.range.start] {
        while index + 1 < tokens.count, tokens[index + 1].range.end <= pair.close + 1 { index += 1 }
        index += 1
        continue
      }
      if pairsByOpen[token.range.start] != nil { return nil }
      if index > verb.token + 1, verbAt[index].map({ !$0.isAmbiguous }) == true { return nil }
      let complementizer = ReportingVerb.complementizer(token.folded)
      if complementizer.matched {
        start = complementizer.isBare ? index + 1 : index
        break
      }
      if verb.takesAla, token.folded == "علي", index == verb.token + 1 || !tokens[index - 1].isWord {
        start = index + 1
        viaAla = true
        break
      }
      if verb.isAmbiguous, index > verb.token + 2 { return nil }
      index += 1
    }
    guard let start else { return nil }
    let verbText = text.substring(tokens[verb.token].range)
    let cue = viaAla ? "\"\(verbText) … على\"" : "\"\(verbText) … \(text.substring(tokens[index].range))\""
    return clause(from: start, verb: verb, cue: cue, score: viaAla ? 0.5 : 0.75)
  }

  /// "said (that) CLAUSE", "CLAUSE, Haddad said", "according to X, CLAUSE", "CLAUSE, according to X".
  private func englishClause(for verb: ReportingVerb) -> QuoteCandidate? {
    let index = verb.token
    let sentence = tokens[index].sentence
    let verbText = verb.isAccordingTo ? "according to" : text.substring(tokens[index].range)
    var probe = index + (verb.isAccordingTo ? 2 : 1)
    while probe < tokens.count, tokens[probe].sentence == sentence, probe - index <= 6 {
      let word = tokens[probe].folded
      if word == "that" { return clause(from: probe + 1, verb: verb, cue: "\"\(verbText) that\"", score: 0.75) }
      if verb.isAccordingTo, word == "," {
        return clause(from: probe + 1, verb: verb, cue: "\"\(verbText)\"", score: 0.65)
      }
      if !tokens[probe].isWord, word != "-" { break }
      probe += 1
    }
    let next = index + 1
    if !verb.isAccordingTo, next < tokens.count, tokens[next].sentence == sentence, tokens[next].isWord,
      !tokens[next].isCapitalised, !Self.notClauseStarts.contains(tokens[next].folded),
      tokens[index].folded != "told"
    {
      return clause(from: next, verb: verb, cue: "\"\(verbText)\"", score: 0.6)
    }
    return precedingClause(before: verb, cue: verbText)
  }

  /// "The port reopened on Monday, officials said.": the clause before the comma that starts
  /// the attribution, when the attribution closes the sentence.
  private func precedingClause(before verb: ReportingVerb, cue: String) -> QuoteCandidate? {
    let sentence = tokens[verb.token].sentence
    let after = tokens[(verb.token + 1)...].prefix { $0.sentence == sentence }.filter(\.isWord).count
    guard after <= 6 else { return nil }
    var comma = verb.token - 1
    while comma >= 0, tokens[comma].sentence == sentence, verb.token - comma <= 14 {
      let word = tokens[comma].folded
      if word == "," { break }
      // A closing quotation mark: the attribution follows a direct quote, already taken.
      if !tokens[comma].isWord, word != "-", word != "'" { return nil }
      comma -= 1
    }
    guard comma > 0, tokens[comma].sentence == sentence, tokens[comma].folded == "," else { return nil }
    var first = comma - 1
    while first > 0, tokens[first - 1].sentence == sentence { first -= 1 }
    guard tokens[first...(comma - 1)].filter(\.isWord).count >= 3 else { return nil }
    let range = TextRange(tokens[first].range.start, tokens[comma - 1].range.end)
    return attributed(range, verb: verb, cue: "clause before \", … \(cue)\"", score: 0.65)
  }

  /// The reported clause from `start` to the end of its sentence, stopping before a comma
  /// that hands over to another attribution (`، مشيراً`, `، على حد قوله`, ", according to").
  private func clause(from start: Int, verb: ReportingVerb, cue: String, score: Double) -> QuoteCandidate? {
    let sentence = tokens[verb.token].sentence
    guard start < tokens.count, tokens[start].sentence == sentence else { return nil }
    var end = start
    while end + 1 < tokens.count, tokens[end + 1].sentence == sentence {
      let next = end + 1
      if Self.commas.contains(tokens[next].folded), next + 1 < tokens.count, tokens[next + 1].sentence == sentence,
        handsOver(at: next + 1)
      {
        break
      }
      end = next
    }
    while end >= start, !tokens[end].isWord { end -= 1 }
    guard end >= start, tokens[start...end].filter(\.isWord).count >= 3 else { return nil }
    var first = start
    while first < end, !tokens[first].isWord { first += 1 }
    let range = TextRange(tokens[first].range.start, tokens[end].range.end)
    return attributed(range, verb: verb, cue: "reported clause after \(cue)", score: score)
  }

  private func handsOver(at index: Int) -> Bool {
    if verbAt[index] != nil { return true }
    let words = tokens[index...].prefix(2).map(\.folded)
    return words == ["علي", "حد"] || words.first == "حسب" || words.first == "وفق"
  }

  /// The speaker named in the verb's sentence, nearest the verb; else the last one before.
  private func attributed(_ range: TextRange, verb: ReportingVerb, cue: String, score: Double) -> QuoteCandidate {
    let sentence = tokens[verb.token].sentence
    let inSentence = mentions.indices.filter {
      mentions[$0].sentence == sentence && !range.overlaps(mentions[$0].range)
    }
    if let nearest = inSentence.min(by: {
      abs(mentions[$0].firstToken - verb.token) < abs(mentions[$1].firstToken - verb.token)
    }) {
      return QuoteCandidate(
        range: range, mode: .indirect, score: score,
        explanation: "\(cue), speaker \"\(mentions[nearest].name)\" in the same sentence", speaker: nearest)
    }
    return carriedOver(
      range: range, mode: .indirect, before: tokens[verb.token].range.start, what: cue, score: score - 0.1)
  }

  /// No speaker in the sentence: a pronoun or elided subject continues the last speaker named.
  private func carriedOver(range: TextRange, mode: QuoteCandidate.Mode, before offset: Int, what: String, score: Double)
    -> QuoteCandidate
  {
    if let last = mentions.indices.last(where: { mentions[$0].range.end <= offset }) {
      return QuoteCandidate(
        range: range, mode: mode, score: score,
        explanation: "\(what), no speaker named in the sentence: continues \"\(mentions[last].name)\"", speaker: last)
    }
    return QuoteCandidate(range: range, mode: mode, score: 0.4, explanation: "\(what), speaker unknown", speaker: nil)
  }

  private func distance(_ a: TextRange, _ b: TextRange) -> Int {
    a.end <= b.start ? b.start - a.end : max(0, a.start - b.end)
  }

  private static let commas: Set<FoldedWord> = [",", "،", ";", "؛"]
  /// Commas a direct quote's span leaves out at its end.
  private static let trailingCommas: Set<FoldedWord> = [",", "،"]
  /// Words after "said" that begin an adverbial, not the reported clause ("said on Monday").
  private static let notClauseStarts: Set<FoldedWord> = [
    "on", "in", "at", "during", "after", "before", "to", "by", "of", "with", "for", "while", "when", "as", "from",
    "last", "earlier", "later", "today", "yesterday", "and", "but",
  ]
}
