/// Why a range cannot be used as a span of a report's text.
public enum TextRangeError: Error, Equatable, CustomStringConvertible {
  case empty(TextRange)
  case outOfBounds(TextRange, length: Int)
  /// The range starts or ends inside a grapheme cluster (a letter and its marks, an emoji sequence).
  case splitsGrapheme(TextRange, offset: Int)
  /// The text at the range is not the quote recorded with it.
  case quoteDiffers(TextRange)

  public var description: String {
    switch self {
    case .empty(let range):
      return "span \(range) is empty"
    case .outOfBounds(let range, let length):
      return "span \(range) falls outside the text (0..\(length))"
    case .splitsGrapheme(let range, let offset):
      return "span \(range) splits a character at offset \(offset) (a letter from its marks, or an emoji sequence)"
    case .quoteDiffers(let range):
      return "the text at \(range) differs from the quote recorded with it"
    }
  }
}
