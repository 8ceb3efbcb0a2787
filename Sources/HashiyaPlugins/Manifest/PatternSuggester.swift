import AnnotatorKit

/// A regular-expression rule run over the original (unfolded) text of a report.
struct PatternSuggester: RuleSuggester {
  var label: String
  var regex: BoundedRegex
  var score: Double
  var attributes: [String: JSONValue]

  var pattern: String { regex.pattern }
  var flags: String { regex.flags }

  /// Throws when the pattern runs past its time limit on this report.
  func suggestions(in text: ReportText) throws -> [Suggestion] {
    try text.occurrences(of: regex).map { range in
      Suggestion(
        label: label, range: range, attributes: attributes, score: score, explanation: "pattern /\(pattern)/\(flags)")
    }
  }
}
