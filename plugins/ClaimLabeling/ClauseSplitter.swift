import AnnotatorKit

/// Cuts a sentence's tokens into clauses at commas, semicolons and colons, so a claim
/// covers the clause that carries its number rather than a whole run-on news sentence.
enum ClauseSplitter {
  /// Clauses as token index ranges, trimmed of punctuation at both ends. A clause of fewer
  /// than four words ("in 2019,", "الثلاثاء،") is joined to the next one: it cannot stand
  /// as a claim on its own. A short last piece stays apart: it is mostly an attribution
  /// (`," Haddad told reporters`) that does not belong in the claim.
  static func clauses(in sentence: Range<Int>, tokens: [WordToken]) -> [ClosedRange<Int>] {
    var pieces: [ClosedRange<Int>] = []
    var start = sentence.lowerBound
    for index in sentence where separators.contains(tokens[index].folded) {
      if let piece = trimmed(start..<index, tokens) { pieces.append(piece) }
      start = index + 1
    }
    if let piece = trimmed(start..<sentence.upperBound, tokens) { pieces.append(piece) }

    var clauses: [ClosedRange<Int>] = []
    var pending: ClosedRange<Int>?
    for piece in pieces {
      let joined = pending.map { $0.lowerBound...piece.upperBound } ?? piece
      if wordCount(joined, tokens) < 4 {
        pending = joined
      } else {
        clauses.append(joined)
        pending = nil
      }
    }
    if let pending { clauses.append(pending) }
    return clauses
  }

  private static func trimmed(_ range: Range<Int>, _ tokens: [WordToken]) -> ClosedRange<Int>? {
    var lower = range.lowerBound
    var upper = range.upperBound - 1
    while lower <= upper, !tokens[lower].isWord, !keptSigns.contains(tokens[lower].folded) { lower += 1 }
    while upper >= lower, !tokens[upper].isWord, !keptSigns.contains(tokens[upper].folded) { upper -= 1 }
    return lower <= upper ? lower...upper : nil
  }

  private static func wordCount(_ range: ClosedRange<Int>, _ tokens: [WordToken]) -> Int {
    tokens[range].reduce(0) { $0 + ($1.isWord ? 1 : 0) }
  }

  /// Quotation marks separate too: a quote and its attribution are different clauses.
  private static let separators: Set<FoldedWord> = [
    ",", "،", ";", "؛", ":", "\"", "\u{201C}", "\u{201D}", "\u{00AB}", "\u{00BB}",
  ]
  /// Signs that belong to a number at a clause edge: "$12.5", "15%".
  private static let keptSigns: Set<FoldedWord> = ["$", "€", "£", "%", "٪"]
}
