/// Why a review decision cannot be taken as asked.
public enum ReviewError: Error, Equatable, CustomStringConvertible {
  /// The named annotator is not among those whose work is under review.
  case notUnderReview(String, annotators: [String])
  /// The named annotator left this unit empty.
  case noVersion(String)
  /// `accept` without a name where the annotators disagree.
  case disagreement(present: [String])
  /// Every unit of the queue is decided.
  case queueDone
  /// A review compares annotators: one is not enough.
  case tooFewAnnotators(found: [String])
  /// The named annotator has more than one annotation in the unit: which one must be said.
  case severalVersions(String, handles: [Int])
  /// `accept #ID` names an annotation that is not part of the current unit.
  case notInUnit(Int, handles: [Int])
  /// A bare number (or a malformed handle) where a name or `#ID` belongs.
  case bareNumber(String)

  public var description: String {
    switch self {
    case .notUnderReview(let name, let annotators):
      return "\(name) is not under review (\(annotators.joined(separator: ", ")))"
    case .noVersion(let name):
      return "\(name) has no annotation here: reject, or accept another"
    case .disagreement(let present):
      return "the annotators disagree here: accept NAME (\(present.joined(separator: ", ")))"
    case .queueDone:
      return "the review is done; start another with review"
    case .tooFewAnnotators(let found):
      return "review needs at least two annotators; found \(found.isEmpty ? "none" : found.joined(separator: ", "))"
    case .severalVersions(let name, let handles):
      return "\(name) has \(handles.count) annotations here: say which, "
        + handles.map { "accept #\($0)" }.joined(separator: " or ")
    case .notInUnit(let handle, let handles):
      return "#\(handle) is not in this unit: its annotations are "
        + handles.map { "#\($0)" }.joined(separator: ", ")
    case .bareNumber(let word):
      return "in a review, accept takes an annotator's name or an annotation's #ID, not \"\(word)\" "
        + "(a bare number means a suggestion outside a review)"
    }
  }
}
