import AnnotatorKit

/// The writes of one command, inside one transaction: what `ProjectStoring.change` hands its body.
///
/// Every write is checked and logged as an event of the command's batch, so one `undo` takes
/// the whole command back; an error thrown from the body leaves the project as it was.
public protocol AnnotationChanging: AnyObject {
  /// Records a layer (a plugin's schema) as part of the change.
  func register(_ record: LayerRecord) throws
  /// Adds an annotation after checking its span against the report's text.
  @discardableResult func add(_ new: NewAnnotation) throws -> Annotation
  /// Changes an annotation's label or attributes.
  @discardableResult func update(_ id: Int, label: String?, attributes: JSONObject?) throws -> Annotation
  /// Marks an annotation deleted; it stays in the log and can be restored by `undo`.
  @discardableResult func delete(_ id: Int) throws -> Annotation
  /// Links two annotations of the same report.
  @discardableResult func link(_ type: String, from: Int, to: Int) throws -> AnnotationLink
  /// Removes a link.
  func unlink(_ id: Int) throws
  /// An annotation as the change sees it so far.
  func annotation(_ id: Int) throws -> Annotation
  /// Remembers the author's accept or reject of a suggestion, so it is not offered again.
  func recordDecision(_ decision: SuggestionDecision, origin: String) throws
  /// Records a reviewer's verdict on an annotation.
  @discardableResult func review(_ annotationID: Int, verdict: Review.Verdict, comment: String?) throws -> Review
  /// Records how a unit of the review queue was settled.
  func recordReviewDecision(_ decision: ReviewDecision) throws
  /// Withdraws earlier decisions on a unit (deciding it again), leaving them as tombstones.
  func withdrawReviewDecisions(reportID: Int, layer: String, sources: [String]) throws
  /// Records how many units a report has in review for a layer.
  func setReviewUnits(reportID: Int, layer: String, units: Int) throws
}

extension AnnotationChanging {
  /// Changes an annotation's label, its attributes left as they are.
  @discardableResult public func update(_ id: Int, label: String) throws -> Annotation {
    try update(id, label: label, attributes: nil)
  }

  /// Changes an annotation's attributes, its label left as it is.
  @discardableResult public func update(_ id: Int, attributes: JSONObject) throws -> Annotation {
    try update(id, label: nil, attributes: attributes)
  }
}
