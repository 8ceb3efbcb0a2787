/// A set of whole numbers (annotation handles, candidate numbers) kept as runs: a bulk command
/// that makes a million annotations makes them in one run, so it holds two numbers, not a million.
public struct NumberRuns: Sendable, Equatable {
  /// Disjoint runs; sorted and merged by `ranges`, appended as they come otherwise.
  private var runs: [ClosedRange<Int>] = []

  public init() {}

  public init(_ handles: some Sequence<Int>) {
    for handle in handles { insert(handle) }
  }

  /// Adds a number; one next to the last run (above or below it) extends that run.
  public mutating func insert(_ handle: Int) {
    if let last = runs.last {
      if last.contains(handle) { return }
      if handle == last.upperBound + 1 {
        runs[runs.count - 1] = last.lowerBound...handle
        return
      }
      if handle == last.lowerBound - 1 {
        runs[runs.count - 1] = handle...last.upperBound
        return
      }
    }
    runs.append(handle...handle)
  }

  /// The runs in order, overlapping and touching ones merged.
  public var ranges: [ClosedRange<Int>] {
    var merged: [ClosedRange<Int>] = []
    for run in runs.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = merged.last, run.lowerBound <= last.upperBound + 1 {
        merged[merged.count - 1] = last.lowerBound...max(last.upperBound, run.upperBound)
      } else {
        merged.append(run)
      }
    }
    return merged
  }

  /// How many distinct numbers there are.
  public var count: Int { ranges.reduce(0) { $0 + $1.count } }

  public var isEmpty: Bool { runs.isEmpty }

  /// Every number, in order.
  public var sorted: [Int] { ranges.flatMap { Array($0) } }
}
