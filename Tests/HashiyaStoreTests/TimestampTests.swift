import Foundation
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// The event clock never runs behind the log: each time it gives orders after the one before.
@Suite struct TimestampTests {
  @Test func aTimeAfterOneInTheFutureIsOneMillisecondLater() {
    #expect(Timestamp.now(after: "2999-12-31T23:59:59.999Z") == "3000-01-01T00:00:00.000Z")
    #expect(Timestamp.now(after: "2999-01-01T10:00:00.503Z") == "2999-01-01T10:00:00.504Z")
  }

  @Test func tenThousandTimesInARowAreStrictlyIncreasing() {
    var last = "2999-06-01T12:24:37.503Z"
    for _ in 0..<10_000 {
      let next = Timestamp.now(after: last)
      #expect(next > last, "\(next) after \(last)")
      last = next
    }
    #expect(last == "2999-06-01T12:24:47.503Z")
  }

  @Test func aTimeInThePastGivesThePresent() {
    let now = Timestamp.now(after: "2001-01-01T00:00:00.000Z")
    #expect(now > "2026-01-01T00:00:00.000Z")
    #expect(Timestamp.now(after: nil) > "2026-01-01T00:00:00.000Z")
  }

  /// The hand-written printer and reader agree with Foundation's ISO 8601 style on leap days,
  /// year ends and a spread of times from 1970 to 2999, so no stored time changes format.
  @Test func printingAndReadingMatchFoundation() throws {
    let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
    var generator = SystemRandomNumberGenerator()
    let fixed: [Int64] = [
      0, 951_782_400_000, 951_868_799_999, 4_107_542_399_999, 1_798_761_599_999, 32_503_680_000_000,
    ]
    let spread = (0..<5_000).map { _ in Int64.random(in: 0..<32_503_680_000_000, using: &generator) }
    for milliseconds in fixed + spread {
      let date = Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000)
      let expected = date.formatted(style)
      #expect(Timestamp.string(milliseconds: milliseconds) == expected)
      #expect(Timestamp.string(from: date) == expected)
      #expect(Timestamp.milliseconds(expected) == milliseconds, "\(expected)")
    }
    #expect(Timestamp.milliseconds("2026-13-01T00:00:00.000Z") == nil)
    #expect(Timestamp.milliseconds("not a time") == nil)
  }
}
