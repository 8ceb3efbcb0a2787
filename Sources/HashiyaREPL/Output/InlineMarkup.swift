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
    var view = String.UnicodeScalarView()
    for offset in sentence.start...sentence.end {
      // Close before open, innermost (latest start) first, so nested brackets stay balanced.
      for (index, entry) in spans.reversed() where min(entry.annotation.range.end, sentence.end) == offset {
        view.append(Self.placeholder(index, open: false))
      }
      for (index, entry) in spans where max(entry.annotation.range.start, sentence.start) == offset {
        view.append(Self.placeholder(index, open: true))
      }
      if offset < sentence.end { view.append(text.scalars[offset]) }
    }
    var rendered = BidiIsolation.isolate(String(view))
    for (index, entry) in spans {
      let a = entry.annotation
      let colour = colours[a.layer + "/" + a.label] ?? "cyan"
      rendered = rendered.replacingOccurrences(
        of: String(Character(Self.placeholder(index, open: true))), with: style.colour(colour, "⟦"))
      rendered = rendered.replacingOccurrences(
        of: String(Character(Self.placeholder(index, open: false))), with: style.colour(colour, "⟧#\(a.id)"))
    }
    return rendered
  }

  private static func placeholder(_ index: Int, open: Bool) -> Unicode.Scalar {
    Unicode.Scalar(placeholderBase + UInt32(index * 2) + (open ? 0 : 1))!
  }
}
