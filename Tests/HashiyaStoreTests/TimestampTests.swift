import Foundation
import Testing

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
}
