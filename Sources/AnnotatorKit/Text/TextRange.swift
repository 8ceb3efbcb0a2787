/// A half-open range `[start, end)` of Unicode scalar (code point) offsets into a report's text.
public struct TextRange: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var start: Int
  public var end: Int

  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }

  public var length: Int { end - start }
  public var isEmpty: Bool { end <= start }

  /// Whether this is a non-empty range inside a text of `count` units: the one bounds check every
  /// reader and writer makes before the offsets index anything.
  public func fits(in count: Int) -> Bool {
    start >= 0 && start < end && end <= count
  }

  public func overlaps(_ other: TextRange) -> Bool {
    start < other.end && other.start < end
  }

  public func contains(_ other: TextRange) -> Bool {
    start <= other.start && other.end <= end
  }

  public static func < (lhs: TextRange, rhs: TextRange) -> Bool {
    (lhs.start, lhs.end) < (rhs.start, rhs.end)
  }

  public var description: String { "\(start)..\(end)" }
}
