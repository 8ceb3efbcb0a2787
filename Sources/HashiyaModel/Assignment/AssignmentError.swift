import AnnotatorKit

/// Why reports cannot be assigned, or an assignment cannot be closed or reopened.
public enum AssignmentError: Error, Equatable, CustomStringConvertible {
  /// `--to` named nobody.
  case noAnnotators
  /// The overlap is below one.
  case overlapTooSmall(Int)
  /// Each report would need more distinct annotators than were named.
  case overlapTooLarge(overlap: Int, annotators: Int)
  /// The user holds no assignment on the report (on the layer, when one was named).
  case notAssigned(reportID: Int, annotator: String, layer: String?)

  public var description: String {
    switch self {
    case .noAnnotators:
      return "name at least one annotator: --to amal,karim"
    case .overlapTooSmall(let overlap):
      return "the overlap must be at least 1, not \(overlap)"
    case .overlapTooLarge(let overlap, let annotators):
      return
        "an overlap of \(overlap) needs at least \(overlap) annotators, and \(annotators) \(annotators == 1 ? "was" : "were") named"
    case .notAssigned(let reportID, let annotator, let layer):
      let on = layer.map { " on layer \"\(Excerpt.of($0))\"" } ?? ""
      return "report #\(reportID) is not assigned to \(Excerpt.of(annotator))\(on) (see \"assign\")"
    }
  }
}
