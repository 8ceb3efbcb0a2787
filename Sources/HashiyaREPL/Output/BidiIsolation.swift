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
    // Built as UTF-8 bytes: appending scalars to a String one by one costs more than the rest.
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    func append(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { out.append($0) } }
    guard let base = scalars.lazy.compactMap(direction(of:)).first else {
      return "\u{2068}" + text + "\u{2069}"
    }
    append(fsi)
    var index = 0
    while index < scalars.count {
      guard let dir = direction(of: scalars[index]), dir != base else {
        append(scalars[index])
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
      append(dir == .ltr ? lri : rli)
      for scalar in scalars[index...lastStrong] { append(scalar) }
      append(pdi)
      index = lastStrong + 1
    }
    append(pdi)
    return String(decoding: out, as: UTF8.self)
  }

  static func direction(of scalar: Unicode.Scalar) -> Direction? {
    let v = scalar.value
    // Fast paths for ASCII and the Arabic block, which is nearly all text here; the property
    // lookup below is a table search per call.
    if v < 0x80 { return (v | 0x20) &- 0x61 < 26 ? .ltr : nil }
    if v >= 0x0600 && v <= 0x06FF {
      let isLetter =
        (0x0620...0x064A).contains(v) || (0x066E...0x066F).contains(v) || (0x0671...0x06D3).contains(v)
        || v == 0x06D5 || (0x06EE...0x06EF).contains(v) || (0x06FA...0x06FF).contains(v)
      return isLetter ? .rtl : nil
    }
    switch v {
    case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF:
      return scalar.properties.isAlphabetic ? .rtl : nil
    default:
      return scalar.properties.isAlphabetic ? .ltr : nil
    }
  }
}
