/// One row of the report list: enough to choose a report without loading its text.
public struct ReportSummary: Sendable, Equatable {
  public var id: Int
  public var title: String
  public var language: String
  public var length: Int
  public var annotationCount: Int
}
