import AnnotatorKit

/// One rule of a manifest plugin that finds candidate spans in a report.
protocol RuleSuggester: Sendable {
  /// Throws when the rule cannot finish on this report (a pattern past its time limit).
  func suggestions(in text: ReportText) throws -> [Suggestion]
}
