/// Which version a reviewer takes in a unit: an annotator's only one, or one annotation by its handle.
public enum ReviewChoice: Equatable, Sendable {
  /// `accept NAME`: the annotator's version, when they have exactly one in the unit.
  case annotator(String)
  /// `accept #ID`: exactly that annotation, whoever made it.
  case annotation(Int)

  /// Reads `NAME` or `#ID`; a bare number is refused, because outside a review `accept 1`
  /// means suggestion 1 and a reviewer must never get one when meaning the other.
  public static func parse(_ word: String) throws(ReviewError) -> ReviewChoice {
    if word.hasPrefix("#") {
      guard let handle = Int(word.dropFirst()), handle > 0 else { throw ReviewError.bareNumber(word) }
      return .annotation(handle)
    }
    if Int(word) != nil { throw ReviewError.bareNumber(word) }
    return .annotator(word)
  }
}
