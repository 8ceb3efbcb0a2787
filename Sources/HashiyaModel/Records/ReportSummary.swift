/// One row of the report list: enough to choose a report without loading its text.
public struct ReportSummary: Sendable, Equatable {
  public var id: Int
  public var title: String
  public var language: String
  public var length: Int
  public var annotationCount: Int

  /// Makes the value from its fields.
  public init(id: Int, title: String, language: String, length: Int, annotationCount: Int) {
    self.id = id
    self.title = title
    self.language = language
    self.length = length
    self.annotationCount = annotationCount
  }
}
