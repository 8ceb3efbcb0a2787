import AnnotatorKit

/// Why a SPAN could not be resolved to one range of the report.
public enum SpanError: Error, Equatable, CustomStringConvertible {
  case notASpan(String)
  case notFound(String)
  /// Several matches and no occurrence number: each candidate with its location.
  case ambiguous(String, candidates: [String])
  case tooFewOccurrences(String, wanted: Int, found: Int)
  case noSuchSentence(Int, count: Int)
  case noSuchToken(sentence: Int, token: Int, count: Int)
  case noFind
  case findInOtherReport(Int)
  /// `+1`/`-1` with no span annotated yet in this session, or one on another report.
  case noLastSpan
  case lastSpanInOtherReport(Int)
  case cannotResize(String)
  /// `s3.4-` where token 4 and all after it are punctuation.
  case noWordAfter(sentence: Int, token: Int)
  case invalid(TextRangeError)
  /// A `/regex/` SPAN that does not compile or runs too long.
  case pattern(RegexError)

  public var description: String {
    switch self {
    case .notASpan(let word):
      return "\"\(Excerpt.of(word))\" is not a SPAN: use \(SpanSpecifier.forms)"
    case .notFound(let what):
      return "\(what) does not occur in this report"
    case .ambiguous(let what, let candidates):
      return "\(what) occurs \(candidates.count) times — pick one with #N: " + candidates.joined(separator: "; ")
    case .tooFewOccurrences(let what, let wanted, let found):
      return "\(what) occurs \(found) time\(found == 1 ? "" : "s"), so there is no occurrence #\(wanted)"
    case .noSuchSentence(let n, let count):
      return "no sentence s\(n): the report has \(count)"
    case .noSuchToken(let sentence, let token, let count):
      return "no token \(token) in s\(sentence): it has \(count)"
    case .noFind:
      return "@ means the last find result, but nothing was found yet: run find first"
    case .findInOtherReport(let id):
      return "@ refers to a find in report #\(id): show that report or find again"
    case .noLastSpan:
      return "+N and -N move the end of the last span annotated, but none was annotated yet"
    case .lastSpanInOtherReport(let id):
      return "the last span annotated is in report #\(id): show that report or name the span"
    case .noWordAfter(let sentence, let token):
      return "s\(sentence).\(token)- runs to the sentence's last word, but there is no word from token \(token) on"
    case .cannotResize(let why):
      return "cannot move the span's end: \(why)"
    case .invalid(let error):
      return error.description
    case .pattern(let error):
      return error.description
    }
  }
}
