import Foundation

/// ISO 8601 UTC timestamps with milliseconds, the one date format of a project file.
///
/// The fixed width makes text order time order, which SQL comparisons and merge rely on.
public enum Timestamp {
  public static func now() -> String {
    string(from: Date())
  }

  public static func string(from date: Date) -> String {
    date.formatted(style)
  }

  /// The present, or one millisecond after `last` when the clock has not passed it: a time that
  /// orders after everything the project has seen, even behind a teammate's faster clock.
  public static func now(after last: String?) -> String {
    let current = now()
    guard let last, current <= last else { return current }
    guard let date = try? style.parse(last) else { return current }
    // Printing truncates to the millisecond, and a binary fraction of a second lies just below
    // its decimal: the next millisecond is aimed at its middle, or it would print as `last`.
    let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
    return string(from: Date(timeIntervalSince1970: (milliseconds + 1.5) / 1000))
  }

  private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
}
