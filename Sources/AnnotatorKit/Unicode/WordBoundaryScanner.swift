/// The UAX #29 word boundary rules, applied left to right one position at a time.
///
/// `WordSegmenter` is the public entry point; this type holds the rules and the state they need.
///
/// Rule WB4 makes Extend, Format and ZWJ invisible to the later rules ("X Extend* → X"), so
/// besides the raw previous property the scanner remembers the last two *visible* properties,
/// which is what WB5–WB16 look at. Look-ahead (WB6, WB7b, WB12) is done on demand.
struct WordBoundaryScanner {
  private let scalars: UnsafeBufferPointer<Unicode.Scalar>
  private let properties: BreakPropertyTable<WordBreakProperty>

  /// Property of the scalar immediately before the position being decided (for WB3–WB4).
  private var previous: WordBreakProperty
  /// Last property not absorbed by WB4: the left-hand side of WB5–WB16.
  private var last: WordBreakProperty
  /// The visible property before `last` (WB7, WB7c, WB11); `.other` at start of text, which no
  /// rule matches.
  private var beforeLast: WordBreakProperty = .other
  /// Whether `last` ends an odd-length run of visible regional indicators (WB15, WB16).
  private var lastEndsUnpairedRegionalIndicator: Bool

  init(_ scalars: UnsafeBufferPointer<Unicode.Scalar>) {
    self.scalars = scalars
    self.properties = WordBreakProperty.table
    // WB4 never absorbs anything into start-of-text, so the first scalar is always visible.
    let first = properties[scalars[0].value]
    previous = first
    last = first
    lastEndsUnpairedRegionalIndicator = first == .regionalIndicator
  }

  /// Decides whether there is a boundary before `scalars[index]`, then moves past that scalar.
  /// Must be called for consecutive indices starting at 1.
  @inline(__always)
  mutating func advance(to index: Int) -> Bool {
    let current = properties[scalars[index].value]
    // Fast path for the inside of a word, most positions in Arabic text: a letter right after a
    // letter is never a boundary (WB5), and the previous letter was visible, so `last` and
    // `beforeLast` both end up as letters.
    if current == .aLetter && previous == .aLetter {
      beforeLast = .aLetter
      lastEndsUnpairedRegionalIndicator = false
      return false
    }
    let boundary = isBoundary(before: index, current: current)
    record(current)
    return boundary
  }

  /// Moves past the letters from `index` on while they follow a letter, none of which has a
  /// boundary before it (WB5), and returns the first index not passed. `advance(to:)` gives the
  /// same answers one scalar at a time; this is the loop for the inside of words, where text
  /// spends most of its scalars.
  @inline(__always)
  mutating func skipLetters(from index: Int) -> Int {
    guard previous == .aLetter else { return index }
    var next = index
    while next < scalars.count && properties[scalars[next].value] == .aLetter { next += 1 }
    if next > index {
      beforeLast = .aLetter
      lastEndsUnpairedRegionalIndicator = false
    }
    return next
  }

  @inline(__always)
  private func isBoundary(before index: Int, current: WordBreakProperty) -> Bool {
    // WB3–WB4 look at the raw neighbours; the first matching rule decides.
    if previous == .cr && current == .lf { return false }  // WB3
    if previous.isNewline || current.isNewline { return true }  // WB3a, WB3b
    if previous == .zwj && ExtendedPictographic.contains(scalars[index]) { return false }  // WB3c
    if previous == .wSegSpace && current == .wSegSpace { return false }  // WB3d
    if current.isIgnorable { return false }  // WB4
    // Every remaining rule only forbids a break, so they can be tested in any order.
    return !joins(current, at: index)
  }

  /// WB5–WB16: whether `current` continues the segment that ends in `last`.
  @inline(__always)
  private func joins(_ current: WordBreakProperty, at index: Int) -> Bool {
    switch current {
    case .aLetter, .hebrewLetter:
      return last.isAHLetter  // WB5
        || last == .numeric  // WB10
        || last == .extendNumLet  // WB13b
        || (last.isMidLetterQ && beforeLast.isAHLetter)  // WB7
        || (current == .hebrewLetter && last == .doubleQuote && beforeLast == .hebrewLetter)  // WB7c
    case .numeric:
      return last == .numeric  // WB8
        || last.isAHLetter  // WB9
        || last == .extendNumLet  // WB13b
        || (last.isMidNumQ && beforeLast == .numeric)  // WB11
    case .katakana:
      return last == .katakana || last == .extendNumLet  // WB13, WB13b
    case .extendNumLet:
      return last.isAHLetter || last == .numeric || last == .katakana || last == .extendNumLet  // WB13a
    case .midLetter, .midNumLet, .singleQuote, .midNum, .doubleQuote:
      if last == .hebrewLetter && current == .singleQuote { return true }  // WB7a
      // The remaining rules need the next visible scalar; only letters and digits can use it.
      guard last.isAHLetter || last == .numeric else { return false }
      let next = nextVisibleProperty(after: index)
      return (last.isAHLetter && current.isMidLetterQ && next.isAHLetter)  // WB6
        || (last == .hebrewLetter && current == .doubleQuote && next == .hebrewLetter)  // WB7b
        || (last == .numeric && current.isMidNumQ && next == .numeric)  // WB12
    case .regionalIndicator:
      return last == .regionalIndicator && lastEndsUnpairedRegionalIndicator  // WB15, WB16
    default:
      return false  // WB999
    }
  }

  /// The property of the first scalar after `index` that WB4 does not absorb; `.other` at end of
  /// text, which no look-ahead rule accepts.
  private func nextVisibleProperty(after index: Int) -> WordBreakProperty {
    var next = index + 1
    while next < scalars.count {
      let property = properties[scalars[next].value]
      if !property.isIgnorable { return property }
      next += 1
    }
    return .other
  }

  /// Updates the state after the position before `current` has been decided.
  @inline(__always)
  private mutating func record(_ current: WordBreakProperty) {
    defer { previous = current }
    // WB4 absorbs Extend/Format/ZWJ into what precedes them — except after a newline, where
    // they start a segment of their own and therefore become visible.
    if current.isIgnorable && !last.isNewline { return }
    if current == .regionalIndicator {
      lastEndsUnpairedRegionalIndicator =
        last == .regionalIndicator ? !lastEndsUnpairedRegionalIndicator : true
    } else {
      lastEndsUnpairedRegionalIndicator = false
    }
    beforeLast = last
    last = current
  }
}
