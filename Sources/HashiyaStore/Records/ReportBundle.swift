/// A report with everything said about it: what export reads, one report at a time.
public struct ReportBundle: Sendable {
  public var report: Report
  /// In text order.
  public var annotations: [Annotation]
  /// Links between the annotations above (by handle).
  public var links: [AnnotationLink]
  /// Verdicts on the annotations above.
  public var reviews: [Review]

  public init(report: Report, annotations: [Annotation], links: [AnnotationLink], reviews: [Review]) {
    self.report = report
    self.annotations = annotations
    self.links = links
    self.reviews = reviews
  }
}
