import Foundation

/// ISO 8601 UTC timestamps with milliseconds, the one date format of a project file.
public enum Timestamp {
  public static func now() -> String {
    string(from: Date())
  }

  public static func string(from date: Date) -> String {
    date.formatted(
      Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!))
  }
}
