import AnnotatorKit

/// Why the store itself refused to write an annotation a caller drafted.
///
/// Kept apart from `StoreError`, whose many cases are about the file: this one is about a draft.
public enum AnnotationWriteError: Error, Equatable, CustomStringConvertible {
  /// The report's text at the range is not the quote the draft carries.
  case quoteMismatch(reportID: Int, range: TextRange, quote: String)
  /// The pieces of a discontinuous span are out of order or touch.
  case badFragments(reportID: Int, reason: String)
  /// An annotator may change only their own annotations; a lead may change anyone's.
  case notYours(id: Int, owner: String, user: String)

  public var description: String {
    switch self {
    case .quoteMismatch(let reportID, let range, let quote):
      return "report #\(reportID) does not read \"\(quote)\" at \(range); the annotation was not written"
    case .badFragments(let reportID, let reason):
      return "on report #\(reportID), \(reason); the annotation was not written"
    case .notYours(let id, let owner, let user):
      return "#\(id) is \(owner)'s annotation: \(user) may change only their own (a lead may change anyone's)"
    }
  }
}
