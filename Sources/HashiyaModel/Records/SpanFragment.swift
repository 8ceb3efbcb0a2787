import AnnotatorKit

/// One more piece of a discontinuous span, after its first: where it lies and the text it covers.
///
/// An annotation's `range` and `quote` stay its first piece, so every reader that knows nothing of
/// fragments still sees a true span; `fragments` holds the others, in text order, apart from each
/// other and from the first.
public struct SpanFragment: Sendable, Hashable {
  public var range: TextRange
  public var quote: String

  public init(range: TextRange, quote: String) {
    self.range = range
    self.quote = quote
  }

  /// The stored form: a JSON array of `{"start", "end", "quote"}`, or nil for a span in one piece.
  public static func storedText(_ fragments: [SpanFragment]) -> String? {
    fragments.isEmpty ? nil : JSONWriter.string(json(fragments))
  }

  /// The fragments as a JSON array, as the stored form and the native export write them.
  public static func json(_ fragments: [SpanFragment]) -> JSONValue {
    .array(
      fragments.map { .object(["start": .int($0.range.start), "end": .int($0.range.end), "quote": .string($0.quote)]) })
  }

  /// Fragments read back from their JSON array; nil when any member is not a fragment.
  public static func parse(_ value: JSONValue) -> [SpanFragment]? {
    guard let list = value.arrayValue else { return nil }
    var fragments: [SpanFragment] = []
    for member in list {
      guard let object = member.objectValue, let start = object["start"]?.intValue, let end = object["end"]?.intValue,
        let quote = object["quote"]?.stringValue
      else { return nil }
      fragments.append(SpanFragment(range: TextRange(start, end), quote: quote))
    }
    return fragments
  }

  /// Why `first` and `rest` do not make one span (pieces out of order or touching), or nil when they do.
  ///
  /// Pieces that touch would be one piece; pieces out of order would make two spellings of one span.
  public static func problem(first: TextRange, rest: [TextRange]) -> String? {
    var previous = first
    for range in rest {
      guard range.start > previous.end else {
        return range.start < previous.start
          ? "the pieces of a span must be in text order (\(range) comes before \(previous))"
          : "the pieces \(previous) and \(range) overlap or touch; make them one piece"
      }
      previous = range
    }
    return nil
  }
}

extension Annotation {
  /// Every piece of the span, first to last.
  public var ranges: [TextRange] { [range] + fragments.map(\.range) }

  /// From the start of the first piece to the end of the last.
  public var extent: TextRange { TextRange(range.start, fragments.last?.range.end ?? range.end) }

  /// What the span covers, its pieces joined by ` … ` where it is discontinuous.
  public var displayQuote: String {
    ([quote] + fragments.map(\.quote)).joined(separator: " … ")
  }
}

extension AnnotationSpan {
  /// Every piece of the span, first to last.
  public var ranges: [TextRange] { [range] + fragments }
}
