/// Where an offset sits in the sentence/token grid people navigate by (`s3.4`).
public struct TextLocation: Sendable, Equatable, CustomStringConvertible {
  /// 1-based sentence number, or nil between sentences.
  public var sentence: Int?
  /// 1-based token number within the sentence, or nil between tokens.
  public var token: Int?

  public init(sentence: Int? = nil, token: Int? = nil) {
    self.sentence = sentence
    self.token = token
  }

  public var description: String {
    guard let sentence else { return "-" }
    guard let token else { return "s\(sentence)" }
    return "s\(sentence).\(token)"
  }
}
