import AnnotatorKit
import HashiyaReview

/// What the prompt says: the current report, and while a review is in progress, where it stands.
///
/// In a review the prompt reads `hashiya review 3/12 #1 claim> `, so the reviewer always sees
/// that `accept` settles a unit there rather than taking a suggestion.
public enum PromptText {
  public static func make(currentReportID: Int?, review: ReviewQueue?) -> String {
    if let review, let item = review.current {
      // The layer's first word keeps the prompt short: claim-labeling reads "claim".
      let layer = item.layer.split(separator: "-").first.map(String.init) ?? item.layer
      return "hashiya review \(review.position + 1)/\(review.items.count) #\(item.unit.reportID) "
        + "\(layer.visiblyEscaped)> "
    }
    return "hashiya" + (currentReportID.map { " #\($0)" } ?? "") + "> "
  }
}
