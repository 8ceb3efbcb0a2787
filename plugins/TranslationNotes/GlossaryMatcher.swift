import AnnotatorKit

/// A glossary compiled for matching: needles folded once, user entries over shipped ones.
struct GlossaryMatcher: Sendable {
  /// One glossary term ready to search for.
  struct Term: Sendable {
    let entry: GlossaryEntry
    let needle: FoldedText
    /// For a term with the article (التحالف), the needle without its alef: after ل the alef is
    /// not written (للتحالف), so the term is found as لتحالف behind one more ل.
    let elided: FoldedText?
    let isUser: Bool
    /// Adjacent letter pairs of the needle, for `BigramFilter`.
    let bigrams: [Int]
  }

  /// A match: where the term is and which clitics it carried.
  struct Match: Sendable {
    let range: TextRange
    let term: Int
    let prefix: String
  }

  let terms: [Term]

  init(shipped: [GlossaryEntry], user: [GlossaryEntry]) {
    var byKey: [String: Int] = [:]
    var terms: [Term] = []
    for (entry, isUser) in shipped.map({ ($0, false) }) + user.map({ ($0, true) }) {
      let needle = FoldedText(Self.collapsingSpaces(entry.term))
      guard !needle.folded.isEmpty else { continue }
      let key = String(String.UnicodeScalarView(needle.folded))
      let scalars = needle.folded
      let elided =
        scalars.count > 3 && scalars[0] == "ا" && scalars[1] == "ل" ? FoldedText(Array(scalars.dropFirst())) : nil
      let term = Term(
        entry: entry, needle: needle, elided: elided, isUser: isUser, bigrams: BigramFilter.keys(needle.folded))
      // A later entry for the same folded term (the user's) replaces the earlier one in place.
      if let existing = byKey[key] {
        terms[existing] = term
      } else {
        byKey[key] = terms.count
        terms.append(term)
      }
    }
    self.terms = terms
  }

  /// Word-bounded matches, longest first where terms overlap, in text order.
  func matches(in text: ReportText) -> [Match] {
    var candidates: [Match] = []
    let filter = BigramFilter(text.folded.folded)
    // Most terms are absent from any one report; the filter rules them out before a full search.
    for (index, term) in terms.enumerated() {
      // `ReportText.occurrences(of:)` does exactly this, but would fold the needle again on every report.
      if let elided = term.elided {
        // One search finds both spellings: the elided needle is the full one minus its alef.
        guard filter.mayContain(term.bigrams.dropFirst()) else { continue }
        for range in text.folded.ranges(of: elided) {
          let range = text.widenedToGraphemes(range)
          if let prefix = acceptedPrefix(of: range, in: text, allowed: Self.elidedPrefixes) {
            candidates.append(Match(range: range, term: index, prefix: prefix + "ل"))
          } else if let full = withAlef(range, in: text),
            let prefix = acceptedPrefix(of: full, in: text, allowed: Self.prefixes)
          {
            candidates.append(Match(range: full, term: index, prefix: prefix))
          }
        }
        continue
      }
      guard filter.mayContain(term.bigrams) else { continue }
      for range in text.folded.ranges(of: term.needle) {
        let range = text.widenedToGraphemes(range)
        if let prefix = acceptedPrefix(of: range, in: text, allowed: Self.prefixes) {
          candidates.append(Match(range: range, term: index, prefix: prefix))
        }
      }
    }
    candidates.sort { ($0.range.length, -$0.range.start) > ($1.range.length, -$1.range.start) }
    var accepted: [Match] = []
    for candidate in candidates where !accepted.contains(where: { $0.range.overlaps(candidate.range) }) {
      accepted.append(candidate)
    }
    return accepted.sorted { $0.range < $1.range }
  }

  /// The range grown back over the alef (any form, with its marks) right before it, if there is one.
  private func withAlef(_ range: TextRange, in text: ReportText) -> TextRange? {
    var start = range.start
    while start > 0, ArabicFolding.fold(text.scalars[start - 1]) == nil { start -= 1 }
    guard start > 0, ArabicFolding.fold(text.scalars[start - 1]) == "ا" else { return nil }
    return text.widenedToGraphemes(TextRange(start - 1, range.end))
  }

  /// The clitics before a match when the match is a whole word apart from them, else nil:
  /// "لقسد" passes with "ل", "مقسد" fails, and so does "قسدي".
  private func acceptedPrefix(of range: TextRange, in text: ReportText, allowed: Set<String>) -> String? {
    let scalars = text.scalars
    if range.end < scalars.count, Self.isWordScalar(scalars[range.end]) { return nil }
    var start = range.start
    while start > 0, Self.isWordScalar(scalars[start - 1]) || ArabicFolding.fold(scalars[start - 1]) == nil {
      start -= 1
      if range.start - start > 8 { return nil }
    }
    var view = String.UnicodeScalarView()
    for scalar in scalars[start..<range.start] {
      if let folded = ArabicFolding.fold(scalar) { view.append(folded) }
    }
    let prefix = String(view)
    return allowed.contains(prefix) ? prefix : nil
  }

  /// ASCII and Arabic letters are decided without `Unicode.Scalar.Properties`, a table search.
  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x80 { return (v | 0x20) &- 0x61 < 26 || v &- 0x30 < 10 }
    if (0x0621...0x064A).contains(v) || (0x0660...0x0669).contains(v) || (0x0671...0x06D3).contains(v) {
      return true
    }
    return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
  }

  private static func collapsingSpaces(_ term: String) -> String {
    term.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Conjunction, preposition and article, each optional: و ف، ب ل ك، ال; ل + ال is written لل.
  static let prefixes: Set<String> = {
    var set: Set<String> = []
    for conjunction in ["", "و", "ف"] {
      for preposition in ["", "ب", "ل", "ك"] {
        for article in ["", "ال"] {
          set.insert(conjunction + (preposition == "ل" && article == "ال" ? "لل" : preposition + article))
        }
      }
    }
    return set
  }()

  /// What may precede the elided needle (لتحالف): the ل of لل, with an optional conjunction.
  static let elidedPrefixes: Set<String> = ["ل", "ول", "فل"]
}
