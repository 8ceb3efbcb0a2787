import Foundation

/// A regular expression written by a user or a plugin, matched under a time limit.
///
/// A pattern such as `(a+)+$` backtracks exponentially on a short line; Swift's `Regex` cannot be
/// stopped once it starts, so matching goes through ICU (`NSRegularExpression`), whose matcher
/// calls back every few thousand steps and stops when asked. A search that outlives its limit
/// throws `RegexError.tooExpensive` instead of hanging the session or a batch run.
///
/// ICU matches Unicode scalars (code points); `ReportText.occurrences(of:)` widens each match to
/// whole characters.
public struct BoundedRegex: @unchecked Sendable {  // NSRegularExpression is immutable and thread-safe.
  /// The pattern as written, for messages.
  public let pattern: String
  public let flags: String
  private let expression: NSRegularExpression

  /// The flag letters: i (ignore case), m (`^`/`$` at line ends), s (`.` matches a line break),
  /// x (extended: whitespace and `#` comments ignored).
  public static let knownFlags = "imsx"

  /// How long one search may run before it is given up.
  public static let defaultTimeLimit: Duration = .seconds(1)

  public init(_ pattern: String, flags: String = "") throws(RegexError) {
    var options: NSRegularExpression.Options = []
    for flag in flags {
      switch flag {
      case "i": options.insert(.caseInsensitive)
      case "m": options.insert(.anchorsMatchLines)
      case "s": options.insert(.dotMatchesLineSeparators)
      case "x": options.insert(.allowCommentsAndWhitespace)
      default: throw .unknownFlag(pattern: pattern, flag: flag)
      }
    }
    do {
      expression = try NSRegularExpression(pattern: pattern, options: options)
    } catch {
      throw .invalid(pattern: pattern, reason: Self.reason(pattern))
    }
    self.pattern = pattern
    self.flags = flags
  }

  /// The UTF-16 offsets of every match in `string`, in order, empty matches included.
  public func utf16Ranges(in string: String, timeLimit: Duration = defaultTimeLimit) throws(RegexError)
    -> [Range<Int>]
  {
    let clock = ContinuousClock()
    let deadline = clock.now + timeLimit
    var ranges: [Range<Int>] = []
    var expired = false
    let whole = NSRange(location: 0, length: string.utf16.count)
    // With `.reportProgress` the block also runs, match or not, every few thousand steps of the
    // matcher: the one place a runaway search can be stopped.
    expression.enumerateMatches(in: string, options: [.reportProgress], range: whole) { result, _, stop in
      if let result, result.range.location != NSNotFound {
        ranges.append(result.range.location..<(result.range.location + result.range.length))
      }
      if clock.now > deadline {
        expired = true
        stop.pointee = true
      }
    }
    if expired { throw .tooExpensive(pattern: pattern, limit: timeLimit) }
    return ranges
  }

  /// Whether the pattern matches the empty string (it would make an empty span).
  public func matchesEmptyString() throws(RegexError) -> Bool {
    try !utf16Ranges(in: "").isEmpty
  }

  /// ICU's error says only that compiling failed; Swift's parser of the same syntax says why.
  private static func reason(_ pattern: String) -> String {
    do {
      _ = try Regex(pattern)
      return "this syntax is not supported"
    } catch {
      return "\(error)"
    }
  }
}
