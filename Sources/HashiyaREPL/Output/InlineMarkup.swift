import AnnotatorKit

/// Renders a sentence with its annotations bracketed inline: `⟦كيفين كويثي⟧#12`.
///
/// Brackets are placed by scalar offset before bidi isolation, as private-use placeholders that
/// the bidi pass treats as neutral; colour is applied afterwards so escape codes never disturb it.
struct InlineMarkup {
  let text: ReportText
  let annotations: AnnotationList
  let colours: [String: String]

  private static let placeholderBase: UInt32 = 0xF0000

  func render(_ sentence: TextRange, _ style: TextStyle) -> String {
    let spans = annotations.entries.enumerated().filter { _, entry in
      entry.annotation.range.overlaps(sentence) && entry.quoteMatches
    }
    guard !spans.isEmpty else { return BidiIsolation.isolate(text.substring(sentence)) }
    // Brackets by offset: closes before opens, innermost (latest start) first, so nesting stays balanced.
    var opens: [Int: [Int]] = [:]
    var closes: [Int: [Int]] = [:]
    for (index, entry) in spans {
      opens[max(entry.annotation.range.start, sentence.start), default: []].append(index)
      closes[min(entry.annotation.range.end, sentence.end), default: []].insert(index, at: 0)
    }
    var marked: [UInt8] = []
    marked.reserveCapacity(sentence.length * 2 + spans.count * 8)
    for offset in sentence.start...sentence.end {
      for index in closes[offset] ?? [] { UTF8.encode(Self.placeholder(index, open: false)) { marked.append($0) } }
      for index in opens[offset] ?? [] { UTF8.encode(Self.placeholder(index, open: true)) { marked.append($0) } }
      if offset < sentence.end { UTF8.encode(text.scalars[offset]) { marked.append($0) } }
    }
    // One pass swaps each placeholder for its coloured bracket.
    var rendered = ""
    for scalar in BidiIsolation.isolate(String(decoding: marked, as: UTF8.self)).unicodeScalars {
      let code = scalar.value &- Self.placeholderBase
      guard scalar.value >= Self.placeholderBase, code < UInt32(spans.count * 2) else {
        rendered.unicodeScalars.append(scalar)
        continue
      }
      let a = spans[Int(code / 2)].element.annotation
      let colour = colours[a.layer + "/" + a.label] ?? "cyan"
      rendered += style.colour(colour, code % 2 == 0 ? "⟦" : "⟧#\(a.id)")
    }
    return rendered
  }

  private static func placeholder(_ index: Int, open: Bool) -> Unicode.Scalar {
    Unicode.Scalar(placeholderBase + UInt32(index * 2) + (open ? 0 : 1))!
  }
}
