import AnnotatorKit

/// A pair of matching quotation marks on one line: “…”, «…», "…" or „…“.
struct QuotePair: Sendable {
  /// Offset of the opening mark.
  let open: Int
  /// Offset of the closing mark.
  let close: Int

  /// Everything between the marks.
  var inner: TextRange { TextRange(open + 1, close) }

  /// Pairs in text order; an unclosed mark is dropped at the end of its line, since news
  /// quotations that run across paragraphs reopen the mark on each one anyway.
  static func pairs(in scalars: [Unicode.Scalar]) -> [QuotePair] {
    var pairs: [QuotePair] = []
    var open: (offset: Int, closer: Unicode.Scalar)?
    for (offset, scalar) in scalars.enumerated() {
      if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" {
        open = nil
        continue
      }
      if let current = open {
        // Writers mix up the curly pair, so either curly mark closes a curly opener.
        let closes = scalar == current.closer || (current.closer == "\u{201D}" && scalar == "\u{201C}")
        if closes {
          if offset > current.offset + 1 { pairs.append(QuotePair(open: current.offset, close: offset)) }
          open = nil
        }
        continue
      }
      switch scalar {
      case "\u{201C}": open = (offset, "\u{201D}")
      case "\u{00AB}": open = (offset, "\u{00BB}")
      case "\u{201E}": open = (offset, "\u{201C}")
      case "\"": open = (offset, "\"")
      default: break
      }
    }
    return pairs
  }
}
