import Foundation
import HashiyaAnnotating
import Testing

/// `ParallelMap.map(_:alongside:_:)`: the items' outputs in their order, and the job run once.
@Suite struct ParallelMapTests {
  /// Words with tashkeel and an emoji outside the BMP, so a wrong order or a lost item shows.
  static let words = (0..<500).map { "كَلِمَة \($0) 📚" }

  @Test func keepsTheItemsOrderAndRunsTheJobOnce() {
    let runs = Count()
    let (outputs, job) = ParallelMap.map(
      Self.words,
      alongside: { () -> Int in
        runs.add()
        return Self.words.count
      }
    ) { word in word.unicodeScalars.count }
    #expect(outputs == Self.words.map { $0.unicodeScalars.count })
    #expect(job == Self.words.count)
    #expect(runs.value == 1)
  }

  @Test func runsTheJobWithNoItems() {
    let (outputs, job) = ParallelMap.map([String](), alongside: { "نُشِر" }) { $0 }
    #expect(outputs.isEmpty)
    #expect(job == "نُشِر")
  }

  /// The job does not hold the items back: they finish while it waits for one of them.
  @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount > 1, "needs a second core"))
  func itemsRunWhileTheJobRuns() {
    let seen = Count()
    let (outputs, waited) = ParallelMap.map(
      Array(Self.words.prefix(8)),
      alongside: { () -> Bool in
        let deadline = Date().addingTimeInterval(10)
        while seen.value == 0, Date() < deadline { usleep(1_000) }
        return seen.value > 0
      }
    ) { word in
      seen.add()
      return word
    }
    #expect(outputs == Array(Self.words.prefix(8)))
    #expect(waited)
  }
}

/// A counter several threads add to.
private final class Count: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0

  var value: Int { lock.withLock { count } }

  func add() { lock.withLock { count += 1 } }
}
