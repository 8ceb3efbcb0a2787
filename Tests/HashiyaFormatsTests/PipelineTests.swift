import Foundation
import Testing

@testable import HashiyaFormats

@Suite struct PipelineTests {
  struct ReadFailure: Error, Equatable {}
  struct WriteFailure: Error, Equatable {}

  @Test func itemsArriveInOrderAcrossTheQueue() throws {
    var written: [Int] = []
    try Pipeline.run(
      capacity: 4,
      produce: { queue in for number in 0..<1_000 { try queue.put(number) } },
      consume: { written.append($0) })
    #expect(written == Array(0..<1_000))
  }

  @Test func aReadingErrorArrivesAfterTheItemsReadBeforeIt() {
    var written: [Int] = []
    #expect(throws: ReadFailure()) {
      try Pipeline.run(
        capacity: 2,
        produce: { queue in
          for number in 0..<5 { try queue.put(number) }
          throw ReadFailure()
        },
        consume: { written.append($0) })
    }
    #expect(written == [0, 1, 2, 3, 4])
  }

  @Test func aWritingErrorStopsTheReaderBeforeItReadsEverything() {
    let readCount = Counter()
    #expect(throws: WriteFailure()) {
      try Pipeline.run(
        capacity: 2,
        produce: { queue in
          for number in 0..<100_000 {
            readCount.increment()
            try queue.put(number)
          }
        },
        consume: { number in if number == 3 { throw WriteFailure() } })
    }
    // `run` has waited for the reader, which stopped at the bounded queue instead of reading on.
    let settled = readCount.value
    #expect(settled < 100)
    Thread.sleep(forTimeInterval: 0.05)
    #expect(readCount.value == settled)
  }

  /// How a pipeline ends: it runs out, the reader fails, or the writer fails.
  enum Ending: CaseIterable { case finished, readerFailed, writerFailed }

  /// What the reader captured (the project, for an export) is let go of before `run` returns: a
  /// store still held by the reading thread is closed only after the program has exited, which
  /// leaves its write-ahead log behind. Repeated, since the old code lost a race.
  @Test(arguments: Ending.allCases)
  func theReaderLetsGoOfWhatItCapturedBeforeRunReturns(ending: Ending) {
    for _ in 0..<50 {
      weak var released: Captured?
      do {
        let captured = Captured()
        released = captured
        try Pipeline.run(
          capacity: 2,
          produce: { queue in
            for number in 0..<captured.count { try queue.put(number) }
            if ending == .readerFailed { throw ReadFailure() }
          },
          consume: { number in if ending == .writerFailed && number == 3 { throw WriteFailure() } })
      } catch {
        #expect(ending != .finished)
      }
      #expect(released == nil)
    }
  }

  /// Something a reader holds.
  final class Captured: Sendable {
    let count = 10
  }

  /// A count the reading thread bumps and the test reads afterwards.
  final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
  }
}
