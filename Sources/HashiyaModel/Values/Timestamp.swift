import Foundation

/// ISO 8601 UTC timestamps with milliseconds, the one date format of a project file.
///
/// The fixed width makes text order time order, which SQL comparisons and merge rely on.
/// Every event of a bulk command takes a time, so the format is printed and read by hand:
/// Foundation's format style cost more than the event's insert.
public enum Timestamp {
  public static func now() -> String {
    string(from: Date())
  }

  public static func string(from date: Date) -> String {
    // Printing truncates to the millisecond, as Foundation's format style does.
    string(milliseconds: milliseconds(of: date))
  }

  /// The present, or one millisecond after `last` when the clock has not passed it: a time that
  /// orders after everything the project has seen, even behind a teammate's faster clock.
  public static func now(after last: String?) -> String {
    // Compared as counts, so a bulk command's thousands of events a second print one time each.
    let current = milliseconds(of: Date())
    guard let last, let previous = milliseconds(last), current <= previous else { return string(milliseconds: current) }
    return string(milliseconds: previous + 1)
  }

  /// Milliseconds since 1970, truncated as printing truncates.
  private static func milliseconds(of date: Date) -> Int64 {
    Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
  }

  /// `2026-12-03T19:40:24.123Z` for a count of milliseconds since 1970.
  package static func string(milliseconds: Int64) -> String {
    let (days, dayMilliseconds) = milliseconds.quotientAndRemainder(dividingBy: 86_400_000)
    let (day, time) = dayMilliseconds < 0 ? (days - 1, dayMilliseconds + 86_400_000) : (days, dayMilliseconds)
    let (year, month, date) = civil(daysSince1970: day)
    guard (0...9999).contains(year) else {
      return Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000).formatted(style)
    }
    // Written in place: every event of a bulk command prints one, and arrays cost more than the digits.
    return String(unsafeUninitializedCapacity: 24) { bytes in
      func put(_ value: Int64, at offset: Int, digits: Int, then mark: UInt8) {
        var value = value
        for index in stride(from: offset + digits - 1, through: offset, by: -1) {
          bytes[index] = UInt8(truncatingIfNeeded: 48 + value % 10)
          value /= 10
        }
        bytes[offset + digits] = mark
      }
      put(year, at: 0, digits: 4, then: UInt8(ascii: "-"))
      put(month, at: 5, digits: 2, then: UInt8(ascii: "-"))
      put(date, at: 8, digits: 2, then: UInt8(ascii: "T"))
      put(time / 3_600_000, at: 11, digits: 2, then: UInt8(ascii: ":"))
      put(time / 60_000 % 60, at: 14, digits: 2, then: UInt8(ascii: ":"))
      put(time / 1000 % 60, at: 17, digits: 2, then: UInt8(ascii: "."))
      put(time % 1000, at: 20, digits: 3, then: UInt8(ascii: "Z"))
      return 24
    }
  }

  /// The milliseconds since 1970 a timestamp names; nil for text not in the project's format.
  package static func milliseconds(_ text: String) -> Int64? {
    guard text.utf8.count == 24, text.utf8.last == UInt8(ascii: "Z") else {
      return (try? style.parse(text)).map { Int64(($0.timeIntervalSince1970 * 1000).rounded()) }
    }
    // Read in place: every event of a bulk command reads the time of the one before.
    var text = text
    return text.withUTF8 { Self.milliseconds(utf8: $0) }
  }

  /// The milliseconds a timestamp of the project's 24-byte format names; nil when its digits or
  /// ranges are wrong.
  private static func milliseconds(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
    func number(_ offset: Int, _ digits: Int) -> Int64? {
      var value: Int64 = 0
      for byte in bytes[offset..<offset + digits] {
        guard (48...57).contains(byte) else { return nil }
        value = value * 10 + Int64(byte - 48)
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 2), let date = number(8, 2), let hour = number(11, 2),
      let minute = number(14, 2), let second = number(17, 2), let fraction = number(20, 3),
      (1...12).contains(month), (1...31).contains(date)
    else { return nil }
    let days = daysSince1970(year: year, month: month, day: date)
    return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + fraction
  }

  /// The proleptic Gregorian date of a day count (the civil-from-days algorithm, in 400-year eras).
  private static func civil(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// The day count of a proleptic Gregorian date (the inverse of `civil`).
  private static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
}
