/// A report with everything said about it: what export reads, one report at a time.
public struct ReportBundle: Sendable {
  public var report: Report
  /// In text order.
  public var annotations: [Annotation]
  /// Links between the annotations above (by handle).
  public var links: [AnnotationLink]
  /// Verdicts on the annotations above.
  public var reviews: [Review]
  /// How units of this report were settled, oldest first; an adjudicated annotation is one of
  /// the annotations above.
  public var reviewDecisions: [ReviewDecisionRecord]
  /// Review progress per layer, by layer.
  public var reviewStates: [ReviewStateRecord]
  /// Decisions on suggested spans, by layer, label and range.
  public var suggestionDecisions: [SuggestionDecisionRecord]

  public init(
    report: Report, annotations: [Annotation], links: [AnnotationLink], reviews: [Review],
    reviewDecisions: [ReviewDecisionRecord] = [], reviewStates: [ReviewStateRecord] = [],
    suggestionDecisions: [SuggestionDecisionRecord] = []
  ) {
    self.report = report
    self.annotations = annotations
    self.links = links
    self.reviews = reviews
    self.reviewDecisions = reviewDecisions
    self.reviewStates = reviewStates
    self.suggestionDecisions = suggestionDecisions
  }
}
