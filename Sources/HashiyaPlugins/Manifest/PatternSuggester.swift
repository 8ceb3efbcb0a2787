import AnnotatorKit

/// A regular-expression rule run over the original (unfolded) text of a report.
struct PatternSuggester: RuleSuggester {
  var label: String
  var pattern: String
  var flags: String
  var score: Double
  var attributes: [String: JSONValue]

  /// The flag letters a manifest may use, with their usual meaning in regex dialects.
  static let knownFlags: Set<Character> = ["i", "m", "s", "x"]

  /// Compiles the pattern with its flags; throws the regex parser's error for an invalid one.
  static func compile(_ pattern: String, flags: String) throws -> Regex<AnyRegexOutput> {
    // Swift's Regex has no modifier method for extended syntax, so `x` becomes an inline option.
    var regex = try Regex(flags.contains("x") ? "(?x)" + pattern : pattern)
    if flags.contains("i") { regex = regex.ignoresCase() }
    if flags.contains("m") { regex = regex.anchorsMatchLineEndings() }
    if flags.contains("s") { regex = regex.dotMatchesNewlines() }
    return regex
  }

  /// Regex values are not `Sendable`, so each `suggest` call compiles its own copy of the pattern
  /// (already checked at load time) instead of sharing one across threads.
  func prepare() -> Regex<AnyRegexOutput>? {
    try? Self.compile(pattern, flags: flags)
  }

  func suggestions(in text: ReportText, using regex: Regex<AnyRegexOutput>?) -> [Suggestion] {
    guard let regex else { return [] }
    return text.occurrences(of: regex).map { range in
      Suggestion(
        label: label, range: range, attributes: attributes, score: score, explanation: "pattern /\(pattern)/\(flags)")
    }
  }
}
