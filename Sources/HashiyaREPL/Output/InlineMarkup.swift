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
    let spans = annotations.entries.filter { entry in
      entry.annotation.range.overlaps(sentence) && entry.quoteMatches
    }
    guard !spans.isEmpty else { return BidiIsolation.isolate(text.substring(sentence)) }
    // Brackets by offset: closes before opens, innermost (latest start) first, so nesting stays
    // balanced. Sorting by (offset, closes first, then the order below) gives the same sequence.
    var marks: [(offset: Int, order: Int, scalar: Unicode.Scalar)] = []
    for (index, entry) in spans.enumerated() {
      marks.append((max(entry.annotation.range.start, sentence.start), index, Self.placeholder(index, open: true)))
      marks.append((min(entry.annotation.range.end, sentence.end), -1 - index, Self.placeholder(index, open: false)))
    }
    marks.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
    var marked: [UInt8] = []
    marked.reserveCapacity(
      text.utf8Offset(ofScalar: sentence.end) - text.utf8Offset(ofScalar: sentence.start) + marks.count * 4)
    var copied = sentence.start
    for mark in marks {
      text.withUTF8(TextRange(copied, mark.offset)) { marked.append(contentsOf: $0) }
      copied = mark.offset
      UTF8.encode(mark.scalar) { marked.append($0) }
    }
    text.withUTF8(TextRange(copied, sentence.end)) { marked.append(contentsOf: $0) }
    var isolated: [UInt8] = []
    marked.withUnsafeBufferPointer { BidiIsolation.isolate(utf8: $0, into: &isolated) }
    return swappingPlaceholders(isolated, spans: spans, style: style)
  }

  /// Replaces each placeholder in the UTF-8 `bytes` with its coloured bracket, in one pass.
  private func swappingPlaceholders(_ bytes: [UInt8], spans: [AnnotationList.Entry], style: TextStyle) -> String {
    var rendered: [UInt8] = []
    rendered.reserveCapacity(bytes.count + spans.count * 24)
    var position = 0
    bytes.withUnsafeBufferPointer { bytes in
      var copied = 0
      while position < bytes.count {
        // Placeholders are plane-15 scalars, four bytes starting 0xF3.
        guard bytes[position] == 0xF3 else {
          position += 1
          continue
        }
        let (scalar, width) = BidiIsolation.decode(bytes, at: position)
        let code = scalar.value &- Self.placeholderBase
        guard scalar.value >= Self.placeholderBase, code < UInt32(spans.count * 2) else {
          position += width
          continue
        }
        rendered.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<position]))
        let a = spans[Int(code / 2)].annotation
        let colour = colours[a.layer + "/" + a.label] ?? "cyan"
        rendered.append(contentsOf: style.colour(colour, code % 2 == 0 ? "⟦" : "⟧#\(a.id)").utf8)
        position += width
        copied = position
      }
      rendered.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
    return String(decoding: rendered, as: UTF8.self)
  }

  private static func placeholder(_ index: Int, open: Bool) -> Unicode.Scalar {
    Unicode.Scalar(placeholderBase + UInt32(index * 2) + (open ? 0 : 1))!
  }
}
