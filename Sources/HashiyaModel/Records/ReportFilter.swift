/// Which reports `reportSummaries` lists, and in what order; the conditions combine.
public struct ReportFilter: Sendable, Equatable {
  /// The orders the report list can take.
  public enum Sort: String, Sendable, CaseIterable {
    /// Report id, the order of import.
    case id
    /// Title, compared after Arabic folding.
    case title
    /// Publication date, undated reports last.
    case published
    /// Most active annotations first.
    case annotations
  }

  /// The review state a report's list entry shows.
  public enum ReviewState: String, Sendable, CaseIterable {
    /// No review decision stands on it.
    case open
    /// Some layer has decisions, not on every unit.
    case inReview = "in-review"
    /// Every layer reviewed is settled.
    case settled
  }

  /// Keeps titles containing it (folded).
  public var titleQuery: String?
  /// Keeps the reports assigned to this annotator.
  public var assignedTo: String?
  /// With `assignedTo`, keeps only assignments not yet done.
  public var openAssignmentsOnly = false
  /// Keeps the reports this person has active annotations on.
  public var author: String?
  /// Narrows the other conditions to one layer; alone, keeps reports with annotations on it.
  public var layer: String?
  public var reviewState: ReviewState?
  /// Keeps the reports in this language (case ignored).
  public var language: String?
  /// Keeps the reports whose source contains this (ASCII case ignored).
  public var source: String?
  public var sort = Sort.id

  public init(
    titleQuery: String? = nil, assignedTo: String? = nil, openAssignmentsOnly: Bool = false, author: String? = nil,
    layer: String? = nil, reviewState: ReviewState? = nil, language: String? = nil, source: String? = nil,
    sort: Sort = .id
  ) {
    self.titleQuery = titleQuery
    self.assignedTo = assignedTo
    self.openAssignmentsOnly = openAssignmentsOnly
    self.author = author
    self.layer = layer
    self.reviewState = reviewState
    self.language = language
    self.source = source
    self.sort = sort
  }
}
