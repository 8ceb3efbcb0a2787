import AnnotatorKit

extension MemberName {
  /// The one of `names` fewest edits from this name, when close enough to be a typo.
  package func closest(among names: [String]) -> String? {
    let scored = names.map { ($0, Spelling.distance(folded, Self.fold($0))) }
    guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= max(2, folded.count / 3)
    else { return nil }
    return best.0
  }
}
