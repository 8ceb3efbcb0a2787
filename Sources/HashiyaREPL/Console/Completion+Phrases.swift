import AnnotatorKit

extension Completion {
  /// Phrases of the current report that continue `typed`, the text after an opening quote.
  ///
  /// The typed words match the report's words ignoring tashkeel, tatweel and alef forms, the last
  /// one as a beginning; each occurrence offers the report's own spelling up to the end of that
  /// last word, so `"كيفين كو` completes the next word of every "كيفين" that goes on with "كو".
  /// A phrase found alone closes the quote. The preview names the sentences it occurs in.
  static func phrases(_ typed: String, closing: Unicode.Scalar, session: Session) -> [CompletionCandidate] {
    var wanted = typed.split(whereSeparator: \.isWhitespace).map { FoldedWord(folding: $0.unicodeScalars) }
    // After a space the next word may be any word; with nothing typed, every word would do.
    let last = (typed.last?.isWhitespace ?? true) ? FoldedWord([]) : wanted.removeLast()
    guard !wanted.isEmpty || last.count > 0, let report = session.currentReportID,
      let text = try? session.text(ofReport: report)
    else { return [] }
    let words = WordToken.tokens(of: text).filter(\.isWord)
    let sentences = text.sentences
    var phrases: [String] = []
    var sentencesOf: [String: [Int]] = [:]
    var occurrences: [(start: Int, end: Int)] = []
    for start in words.indices.dropLast(wanted.count) {
      let end = start + wanted.count
      guard words[end].folded.hasPrefix(last),
        zip(words[start..<end], wanted).allSatisfy({ $0.folded == $1 })
      else { continue }
      let phrase = text.substring(TextRange(words[start].range.start, words[end].range.end))
      // A phrase across lines cannot be typed on one.
      guard !phrase.contains(where: \.isNewline) else { continue }
      if sentencesOf[phrase] == nil { phrases.append(phrase) }
      occurrences.append((start, end))
      sentencesOf[phrase, default: []].append(sentences[words[start].sentence].number)
    }
    // A name typed in part, found once, inside quotation marks in the text: the whole quoted
    // name, as `speaker "كينو<Tab>` wants "كينو كابرييل" and not one word at a time.
    if occurrences.count == 1, let only = occurrences.first, let phrase = phrases.first,
      let whole = quotedName(only.start, only.end, words: words, in: text)
    {
      sentencesOf[whole] = sentencesOf[phrase]
      phrases = [whole]
    }
    return phrases.map { phrase in
      let numbers = sentencesOf[phrase] ?? []
      let preview = numbers.prefix(3).map { "s\($0)" }.joined(separator: ", ") + (numbers.count > 3 ? " …" : "")
      let escaped = escape(phrase, closing: closing)
      return CompletionCandidate(text: phrases.count == 1 ? escaped + String(closing) : escaped, preview: preview)
    }
  }

  /// The quoted name that the words `start...end` begin: they follow an opening quotation mark
  /// (one the command lexer reads as a quote), and at most `longestName` words in all, separated
  /// by single spaces, reach its closing mark.
  static func quotedName(_ start: Int, _ end: Int, words: [WordToken], in text: ReportText) -> String? {
    func gap(after index: Int) -> String {
      text.substring(
        TextRange(words[index].range.end, index + 1 < words.count ? words[index + 1].range.start : text.count))
    }
    guard start > 0,
      let closing = gap(after: start - 1).unicodeScalars.reversed().lazy.compactMap(CommandLexer.closingQuote).first
    else { return nil }
    var last = end
    while !gap(after: last).unicodeScalars.contains(closing) {
      guard last + 1 - start < longestName, last + 1 < words.count, gap(after: last).allSatisfy({ $0 == " " }) else {
        return nil
      }
      last += 1
    }
    return text.substring(TextRange(words[start].range.start, words[last].range.end))
  }

  /// The most words a quoted name completes to.
  static let longestName = 4

  /// `phrase` as it is typed between quotes: the closing quote and backslash escaped.
  private static func escape(_ phrase: String, closing: Unicode.Scalar) -> String {
    var out = String.UnicodeScalarView()
    for scalar in phrase.unicodeScalars {
      if scalar == closing || scalar == "\\" { out.append("\\") }
      out.append(scalar)
    }
    return String(out)
  }
}
