import AnnotatorKit

/// Wraps text in Unicode bidi isolates so Arabic and Latin runs cannot reorder their neighbours.
///
/// A whole span is isolated with FSI…PDI (direction from its first strong character); inside it,
/// each run whose strong direction differs from the span's is isolated again (LRI or RLI…PDI),
/// so "قسد (SDF) قالت" keeps "SDF" and its parentheses together in a terminal that does bidi.
///
/// What goes in is data, so control characters and the text's own bidi controls are escaped first
/// (`TerminalSafe`): only Hashiya's isolates reach the terminal.
public enum BidiIsolation {
  static let fsi: Unicode.Scalar = "\u{2068}"
  static let lri: Unicode.Scalar = "\u{2066}"
  static let rli: Unicode.Scalar = "\u{2067}"
  static let pdi: Unicode.Scalar = "\u{2069}"

  enum Direction { case ltr, rtl }

  public static func isolate(_ text: String) -> String {
    isolate(text, escaping: true)
  }

  /// Isolates text that is already safe for the terminal and may hold Hashiya's colour codes
  /// (a highlighted snippet).
  static func isolate(escaped text: String) -> String {
    isolate(text, escaping: false)
  }

  private static func isolate(_ text: String, escaping: Bool) -> String {
    if text.isEmpty { return text }
    var text = text
    return text.withUTF8 { bytes in
      var out: [UInt8] = []
      if escaping {
        isolate(utf8: bytes, into: &out)
      } else {
        isolate(safeUTF8: bytes, into: &out)
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Appends the escaped and isolated form of the UTF-8 text `bytes` to `out`.
  static func isolate(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    guard TerminalSafe.needsEscaping(utf8: bytes) else {
      isolate(safeUTF8: bytes, into: &out)
      return
    }
    var escaped: [UInt8] = []
    TerminalSafe.escape(utf8: bytes, into: &escaped)
    escaped.withUnsafeBufferPointer { isolate(safeUTF8: $0, into: &out) }
  }

  /// Appends the isolated form of the UTF-8 text `bytes`, safe for the terminal already, to `out`.
  ///
  /// Works on runs of bytes: each scalar's direction is looked up once, and runs that keep their
  /// direction are copied whole rather than re-encoded scalar by scalar.
  private static func isolate(safeUTF8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    out.reserveCapacity(out.count + bytes.count + 16)
    // Where each scalar starts, and its direction: 0 neutral, 1 left-to-right, 2 right-to-left,
    // 3 a line break (which ends a foreign run).
    var starts: [Int] = []
    var kinds: [UInt8] = []
    starts.reserveCapacity(bytes.count)
    kinds.reserveCapacity(bytes.count)
    var position = 0
    var base: UInt8 = 0
    while position < bytes.count {
      // A colour code is one neutral unit: an isolate placed inside it (its final `m` is a Latin
      // letter) would break the sequence and leave stray isolates on the screen.
      if let length = TextStyle.escapeSequenceLength(bytes, at: position) {
        starts.append(position)
        kinds.append(0)
        position += length
        continue
      }
      let (scalar, width) = decode(bytes, at: position)
      let kind: UInt8 = scalar == "\n" ? 3 : direction(of: scalar).map { $0 == .ltr ? 1 : 2 } ?? 0
      if base == 0 && (kind == 1 || kind == 2) { base = kind }
      starts.append(position)
      kinds.append(kind)
      position += width
    }
    starts.append(bytes.count)
    func copy(_ from: Int, _ to: Int) {
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[starts[from]..<starts[to]]))
    }
    func append(_ scalar: Unicode.Scalar) { UTF8.encode(scalar) { out.append($0) } }
    append(fsi)
    guard base != 0 else {
      copy(0, kinds.count)
      append(pdi)
      return
    }
    var index = 0
    var runStart = 0
    while index < kinds.count {
      let kind = kinds[index]
      guard kind == 1 || kind == 2, kind != base else {
        index += 1
        continue
      }
      copy(runStart, index)
      // Extend the foreign run over neutrals as long as another foreign strong character follows.
      var end = index + 1
      var lastStrong = index
      while end < kinds.count, kinds[end] != base, kinds[end] != 3 {
        if kinds[end] == kind { lastStrong = end }
        end += 1
      }
      append(kind == 1 ? lri : rli)
      copy(index, lastStrong + 1)
      append(pdi)
      index = lastStrong + 1
      runStart = index
    }
    copy(runStart, kinds.count)
    append(pdi)
  }

  /// `text` without the isolates Hashiya placed, for output that is not a terminal (`--bidi`).
  ///
  /// Data never brings its own isolates this far (`TerminalSafe` shows them escaped), so every
  /// isolate left in rendered output is one of Hashiya's.
  public static func removingIsolates(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { (lri...pdi).contains($0) }) else { return text }
    var scalars = String.UnicodeScalarView()
    scalars.append(contentsOf: text.unicodeScalars.lazy.filter { !(lri...pdi).contains($0) })
    return String(scalars)
  }

  /// The scalar that starts at `position` of valid UTF-8, and its width in bytes.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (Unicode.Scalar, Int) {
    let (value, width) = UTF8Scalar.decode(bytes, at: position)
    return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
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
