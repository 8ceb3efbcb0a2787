import AnnotatorKit

/// How a command names a span: by what it says, by position, or by the last `find`.
public enum SpanSpecifier: Equatable, Sendable {
  /// `"exact text"`, optionally `"…"#2` for the second occurrence.
  case text(String, occurrence: Int?)
  /// `/regex/flags`.
  case regex(pattern: String, flags: String)
  /// `s3`: a whole sentence.
  case sentence(Int)
  /// `s3.4-7` or `s3.4`: tokens of a sentence, inclusive; `s3.4+2` is `s3.4-6`.
  case tokens(sentence: Int, from: Int, to: Int)
  /// `s3.4-`: from a token to the sentence's last word (its final punctuation left out), as a
  /// quotation that ends its sentence does.
  case tokensToEnd(sentence: Int, from: Int)
  /// `s3.4-s5.2`: from a token of one sentence to a token of a later one.
  case tokensAcross(fromSentence: Int, fromToken: Int, toSentence: Int, toToken: Int)
  /// `+1` or `-2`: the last span annotated, its end moved by that many words.
  case resized(Int)
  /// `120..131`: scalar offsets, half-open.
  case offsets(Int, Int)
  /// `@` or `@2`: a match of the last `find`.
  case lastFind(Int?)

  /// What `find` looks for, and what a quoted or `/re/` SPAN matches.
  public enum Query: Equatable, Sendable {
    case text(String)
    case pattern(String, flags: String)
  }

  /// A SPAN written as one word (`s3`, `s3.4-7`, `s3.4+1`, `s3.4-s5.2`, `+1`, `120..131`, `@2`);
  /// nil for any other word.
  public static func parse(_ word: String) -> SpanSpecifier? {
    if word == "@" { return .lastFind(nil) }
    if let sign = word.first, sign == "+" || sign == "-", let n = Int(word.dropFirst()), n >= 1, n <= 1000 {
      return .resized(sign == "+" ? n : -n)
    }
    if word.hasPrefix("@"), let n = Int(word.dropFirst()), n >= 1 { return .lastFind(n) }
    if let dots = word.range(of: ".."), let a = Int(word[..<dots.lowerBound]), let b = Int(word[dots.upperBound...]) {
      return .offsets(a, b)
    }
    guard word.hasPrefix("s") else { return nil }
    let rest = word.dropFirst()
    let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard let sentence = Int(parts[0]), sentence >= 1 else { return nil }
    if parts.count == 1 { return .sentence(sentence) }
    // Token 4 and the next two, without counting to 6.
    let plus = parts[1].split(separator: "+", omittingEmptySubsequences: false)
    if plus.count == 2 {
      guard let from = Int(plus[0]), from >= 1, let more = Int(plus[1]), more >= 0, more <= 10_000 else { return nil }
      return .tokens(sentence: sentence, from: from, to: from + more)
    }
    let bounds = parts[1].split(separator: "-", omittingEmptySubsequences: false)
    guard let from = Int(bounds[0]), from >= 1 else { return nil }
    if bounds.count == 1 { return .tokens(sentence: sentence, from: from, to: from) }
    guard bounds.count == 2 else { return nil }
    if bounds[1].isEmpty { return .tokensToEnd(sentence: sentence, from: from) }
    if bounds[1].hasPrefix("s") {
      guard case .tokens(let toSentence, let toToken, let last)? = parse(String(bounds[1])), toToken == last else {
        return nil
      }
      if toSentence == sentence { return toToken >= from ? .tokens(sentence: sentence, from: from, to: toToken) : nil }
      guard toSentence > sentence else { return nil }
      return .tokensAcross(fromSentence: sentence, fromToken: from, toSentence: toSentence, toToken: toToken)
    }
    guard let to = Int(bounds[1]), to >= from else { return nil }
    return .tokens(sentence: sentence, from: from, to: to)
  }

  /// The forms a SPAN can take, for error messages and help.
  public static let forms =
    ##""text" ("text"#2), /regex/, s3, s3.4-7, s3.4+1, s3.4-, s3.4-s5.2, +1/-1, 120..131 or @"##
}
