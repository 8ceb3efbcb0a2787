/// A code point → property map built from one of the generated range tables.
///
/// Hashiya's text is mostly Arabic with some Latin, so code points below U+0800 (Latin-1, Greek,
/// Cyrillic, Hebrew, Arabic, Syriac) are answered from a flat array — 2 K entries per table.
/// Everything above falls back to a binary search over the sorted ranges.
struct BreakPropertyTable<Value: Sendable>: Sendable {
  /// First code point not in the direct table: where three-byte UTF-8 begins.
  static var directLimit: UInt32 { 0x800 }

  private let direct: [Value]
  // Split into parallel arrays so the binary search touches only the 4-byte lower bounds.
  private let lowers: [UInt32]
  private let uppers: [UInt32]
  private let values: [Value]
  private let defaultValue: Value

  /// - Parameter ranges: sorted, non-overlapping; code points outside them get `defaultValue`.
  init(ranges: [(lower: UInt32, upper: UInt32, value: Value)], default defaultValue: Value) {
    var direct = [Value](repeating: defaultValue, count: Int(Self.directLimit))
    for range in ranges where range.lower < Self.directLimit {
      for codePoint in range.lower...min(range.upper, Self.directLimit - 1) {
        direct[Int(codePoint)] = range.value
      }
    }
    self.direct = direct
    // The low ranges stay searchable too; they cost at most one extra probe and let tests
    // check both paths against each other.
    self.lowers = ranges.map(\.lower)
    self.uppers = ranges.map(\.upper)
    self.values = ranges.map(\.value)
    self.defaultValue = defaultValue
  }

  /// The value for `codePoint`; anything outside the ranges, including values past U+10FFFF,
  /// gets the default.
  subscript(codePoint: UInt32) -> Value {
    if codePoint < Self.directLimit {
      return direct[Int(codePoint)]
    }
    return searchedValue(codePoint)
  }

  /// The binary-search path on its own, so tests can check it agrees with the direct table.
  func searchedValue(_ codePoint: UInt32) -> Value {
    // Find the last range whose lower bound is <= codePoint.
    var low = 0
    var high = lowers.count
    while low < high {
      let middle = (low + high) / 2
      if lowers[middle] <= codePoint {
        low = middle + 1
      } else {
        high = middle
      }
    }
    let index = low - 1
    guard index >= 0, codePoint <= uppers[index] else { return defaultValue }
    return values[index]
  }
}
