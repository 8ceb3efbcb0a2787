/// Wraps text in Unicode bidi isolates so Arabic and Latin runs cannot reorder their neighbours.
///
/// A whole span is isolated with FSI…PDI (direction from its first strong character); inside it,
/// each run whose strong direction differs from the span's is isolated again (LRI or RLI…PDI),
/// so "قسد (SDF) قالت" keeps "SDF" and its parentheses together in a terminal that does bidi.
public enum BidiIsolation {
  static let fsi: Unicode.Scalar = "\u{2068}"
  static let lri: Unicode.Scalar = "\u{2066}"
  static let rli: Unicode.Scalar = "\u{2067}"
  static let pdi: Unicode.Scalar = "\u{2069}"

  enum Direction { case ltr, rtl }

  public static func isolate(_ text: String) -> String {
    if text.isEmpty { return text }
    let scalars = Array(text.unicodeScalars)
    guard let base = scalars.lazy.compactMap(direction(of:)).first else {
      return String(String.UnicodeScalarView([fsi] + scalars + [pdi]))
    }
    var out = String.UnicodeScalarView([fsi])
    var index = 0
    while index < scalars.count {
      guard let dir = direction(of: scalars[index]), dir != base else {
        out.append(scalars[index])
        index += 1
        continue
      }
      // Extend the foreign run over neutrals as long as another foreign strong character follows.
      var end = index + 1
      var lastStrong = index
      while end < scalars.count {
        let d = direction(of: scalars[end])
        if d == base || scalars[end] == "\n" { break }
        if d == dir { lastStrong = end }
        end += 1
      }
      out.append(dir == .ltr ? lri : rli)
      out.append(contentsOf: scalars[index...lastStrong])
      out.append(pdi)
      index = lastStrong + 1
    }
    out.append(pdi)
    return String(out)
  }

  static func direction(of scalar: Unicode.Scalar) -> Direction? {
    let v = scalar.value
    switch v {
    case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
      return scalar.properties.isAlphabetic ? .rtl : nil
    default:
      return scalar.properties.isAlphabetic ? .ltr : nil
    }
  }
}
