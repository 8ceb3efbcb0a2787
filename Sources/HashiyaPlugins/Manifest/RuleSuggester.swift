import AnnotatorKit

/// One rule of a manifest plugin that finds candidate spans in a report.
protocol RuleSuggester: Sendable {
  /// Work done once per `suggest` call and shared by every report of the batch (compiling a regex).
  associatedtype Prepared

  func prepare() -> Prepared
  func suggestions(in text: ReportText, using prepared: Prepared) -> [Suggestion]
}
