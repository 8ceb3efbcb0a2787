/// A numbered sentence of a report and the word tokens inside it.
public struct Sentence: Sendable, Equatable {
  /// 1-based sentence number, as people type it (`s3`).
  public var number: Int
  public var range: TextRange
  /// Token ranges in text order; whitespace is not a token, punctuation is.
  public var tokens: [TextRange]
}
