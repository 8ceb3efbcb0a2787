import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Renders a sentence with its annotations bracketed inline: `⟦كيفين كويثي⟧#12`, and a span in
/// pieces as `⟦…⟧ قال ⟦…⟧#12`.
///
/// Brackets are placed by scalar offset before bidi isolation, as private-use placeholders that
/// the bidi pass treats as neutral; colour is applied afterwards so escape codes never disturb it.
struct InlineMarkup {
  let text: ReportText
  let annotations: AnnotationList
  let colours: [String: String]

  private static let placeholderBase: UInt32 = 0xF0000

  func render(_ sentence: TextRange, _ style: TextStyle) -> String {
    let spans = annotations.entries.filter(\.quoteMatches).flatMap { entry in
      let ranges = entry.annotation.ranges
      return ranges.enumerated().compactMap { index, range in
        range.overlaps(sentence)
          ? Piece(annotation: entry.annotation, range: range, isLast: index == ranges.count - 1) : nil
      }
    }
    guard !spans.isEmpty else { return BidiIsolation.isolate(text.substring(sentence)) }
    // Brackets by offset: closes before opens, innermost (latest start) first, so nesting stays
    // balanced. Sorting by (offset, closes first, then the order below) gives the same sequence.
    var marks: [(offset: Int, order: Int, scalar: Unicode.Scalar)] = []
    for (index, piece) in spans.enumerated() {
      marks.append((max(piece.range.start, sentence.start), index, Self.placeholder(index, open: true)))
      marks.append((min(piece.range.end, sentence.end), -1 - index, Self.placeholder(index, open: false)))
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
  private func swappingPlaceholders(_ bytes: [UInt8], spans: [Piece], style: TextStyle) -> String {
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
        let piece = spans[Int(code / 2)]
        let a = piece.annotation
        let colour = colours[a.layer + "/" + a.label] ?? "cyan"
        // Only a span's last piece carries its handle, so `⟦…⟧ قال ⟦…⟧#12` reads as one annotation.
        let close = piece.isLast ? "⟧#\(a.id)" : "⟧"
        rendered.append(contentsOf: style.colour(colour, code % 2 == 0 ? "⟦" : close).utf8)
        position += width
        copied = position
      }
      rendered.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
    return String(decoding: rendered, as: UTF8.self)
  }

  /// One piece of an annotation's span, bracketed on its own.
  private struct Piece {
    let annotation: Annotation
    let range: TextRange
    let isLast: Bool
  }

  private static func placeholder(_ index: Int, open: Bool) -> Unicode.Scalar {
    Unicode.Scalar(placeholderBase + UInt32(index * 2) + (open ? 0 : 1))!
  }
}
