import Foundation
import Testing

@testable import HashiyaModel
@testable import HashiyaStore

/// Version 7 UUIDs: well formed, distinct, and in time order, so new rows append to the uuid index.
@Suite struct OrderedUUIDTests {
  @Test func aUUIDIsVersionSevenOfTheRFCVariant() throws {
    let text = OrderedUUID.make()
    let parsed = try #require(UUID(uuidString: text))
    #expect(parsed.uuidString.lowercased() == text)
    let bytes = Array(text.utf8)
    #expect(text.count == 36)
    #expect(bytes[14] == UInt8(ascii: "7"))
    #expect("89ab".utf8.contains(bytes[19]))
  }

  @Test func theTimeComesFirstSoLaterUUIDsSortAfter() {
    let early = OrderedUUID.make(at: Date(timeIntervalSince1970: 1_700_000_000))
    let late = OrderedUUID.make(at: Date(timeIntervalSince1970: 1_700_000_000.002))
    #expect(early < late)
    #expect(early.hasPrefix("018bcfe5-6800-7"))
  }

  @Test func aHundredThousandInTheSameMillisecondAreDistinct() {
    let moment = Date()
    let made = (0..<100_000).map { _ in OrderedUUID.make(at: moment) }
    #expect(Set(made).count == made.count)
  }
}
