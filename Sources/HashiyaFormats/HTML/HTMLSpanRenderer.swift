import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Renders one paragraph of a report with its annotations as properly nested `<mark>` elements.
///
/// Spans may nest and cross. The paragraph is cut at every span boundary; on each segment the
/// covering spans are opened outermost first, and a span that crosses another is closed and
/// reopened around it, so it becomes several `<mark>`s sharing one `data-handle`; so does each
/// piece of a discontinuous span.
struct HTMLSpanRenderer {
  let text: ReportText
  /// The opening tag of each annotation, by handle, made once per report.
  let openingTags: [Int: String]

  func render(paragraph: TextRange, annotations: [Annotation]) -> String {
    let pieces = annotations.flatMap { annotation in annotation.ranges.map { (id: annotation.id, range: $0) } }
    let inside = pieces.filter { $0.range.overlaps(paragraph) }.sorted { lhs, rhs in
      (lhs.range.start, -lhs.range.end, lhs.id) < (rhs.range.start, -rhs.range.end, rhs.id)
    }
    var cuts: Set<Int> = [paragraph.start, paragraph.end]
    for annotation in inside {
      cuts.insert(max(annotation.range.start, paragraph.start))
      cuts.insert(min(annotation.range.end, paragraph.end))
    }
    let points = cuts.sorted()
    var out = ""
    var open: [Int] = []
    for (start, end) in zip(points, points.dropFirst()) {
      let segment = TextRange(start, end)
      let active = inside.filter { $0.range.contains(segment) }.map(\.id)
      var common = 0
      while common < open.count && common < active.count && open[common] == active[common] { common += 1 }
      out += String(repeating: "</mark>", count: open.count - common)
      open.removeLast(open.count - common)
      for id in active.dropFirst(common) {
        out += openingTags[id] ?? "<mark>"
        open.append(id)
      }
      out += HTMLEscaping.escape(text.substring(segment))
    }
    out += String(repeating: "</mark>", count: open.count)
    return out
  }

  /// The paragraphs of a text: its lines without their breaks, blank ones dropped.
  static func paragraphs(of text: ReportText) -> [TextRange] {
    var ranges: [TextRange] = []
    var start = 0
    for (offset, scalar) in text.scalars.enumerated() where scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" {
      if offset > start { ranges.append(TextRange(start, offset)) }
      start = offset + 1
    }
    if text.count > start { ranges.append(TextRange(start, text.count)) }
    return ranges.filter { range in !text.scalars[range.start..<range.end].allSatisfy { $0.properties.isWhitespace } }
  }

  /// `rtl` or `ltr` from the paragraph's first strongly directional letter, else `fallback`.
  static func direction(of range: TextRange, in text: ReportText, fallback: String) -> String {
    for scalar in text.scalars[range.start..<range.end] {
      switch scalar.value {
      case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: return "rtl"
      case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x370...0x52F: return "ltr"
      default: continue
      }
    }
    return fallback
  }
}
