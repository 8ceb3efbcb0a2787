import AnnotatorKit

/// Makes text from data safe to print on a terminal: control characters are shown escaped.
///
/// Reports, annotations, teammates' names, plugin messages and error texts quoting them may hold
/// escape sequences that would clear the screen, retitle the window or recolour the output. Every
/// piece of data goes through `escape` before Hashiya adds its own colours: C0 controls except tab
/// and line feed (a carriage return only before a line feed, so CRLF text still reads right), DEL,
/// C1 controls, the line and paragraph separators, and bidi embeddings, overrides and isolates (the
/// isolates Hashiya places around text are added afterwards). ESC shows as `\e`, CR as `\r`, other
/// C0 controls and DEL as `\x07`, the rest as `\u{9B}`.
///
/// `sanitize` is the last guard over a whole rendered output: it escapes every C0, DEL and C1
/// control but Hashiya's own colour codes, so nothing missed at the source can reach the terminal.
public enum TerminalSafe {
  /// `text` with every unsafe character visibly escaped.
  public static func escape(_ text: String) -> String {
    var copy = text
    return copy.withUTF8 { bytes in
      guard firstUnsafe(bytes, strict: true) != nil else { return text }
      var out: [UInt8] = []
      escape(utf8: bytes, into: &out)
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Appends the UTF-8 `bytes` with every unsafe character escaped to `out`.
  static func escape(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    append(bytes, to: &out, strict: true, style: nil)
  }

  /// A whole rendered output with any control character escaped but the colour codes `style`
  /// itself writes.
  public static func sanitize(_ output: String, style: TextStyle) -> String {
    var copy = output
    return copy.withUTF8 { bytes in
      guard firstUnsafe(bytes, strict: false) != nil else { return output }
      var out: [UInt8] = []
      append(bytes, to: &out, strict: false, style: style)
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// Whether `text` holds anything `escape` would change.
  public static func needsEscaping(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { needsEscaping(utf8: $0) }
  }

  static func needsEscaping(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    firstUnsafe(bytes, strict: true) != nil
  }

  /// The length of the unsafe character starting at `i`, or nil when it is safe. Strict adds the
  /// separators and bidi controls, which data may not bring but Hashiya's own isolation adds.
  @inline(__always)
  private static func unsafeLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, strict: Bool) -> Int? {
    let b = bytes[i]
    if b < 0x20 {
      if b == 0x09 || b == 0x0A { return nil }
      if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { return nil }
      return 1
    }
    if b == 0x7F { return 1 }
    if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) { return 2 }
    if strict, b == 0xE2, i + 2 < bytes.count {
      let second = bytes[i + 1]
      let third = bytes[i + 2]
      // U+2028…U+202E: separators, embeddings, overrides; U+2066…U+2069: isolates.
      if second == 0x80 && (0xA8...0xAE).contains(third) { return 3 }
      if second == 0x81 && (0xA6...0xA9).contains(third) { return 3 }
    }
    return nil
  }

  private static func firstUnsafe(_ bytes: UnsafeBufferPointer<UInt8>, strict: Bool) -> Int? {
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      // Fast path: printable ASCII and bytes that cannot start an unsafe character.
      if (b >= 0x20 && b < 0x7F) || (b > 0xC2 && b != 0xE2) || (b >= 0x80 && b < 0xC2) {
        i += 1
        continue
      }
      if unsafeLength(bytes, at: i, strict: strict) != nil { return i }
      i += 1
    }
    return nil
  }

  private static func append(
    _ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], strict: Bool, style: TextStyle?
  ) {
    out.reserveCapacity(out.count + bytes.count + 16)
    var copied = 0
    var i = 0
    while i < bytes.count {
      guard let length = unsafeLength(bytes, at: i, strict: strict) else {
        i += 1
        continue
      }
      if let style, let kept = style.ownSequenceLength(bytes, at: i) {
        i += kept
        continue
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
      out.append(contentsOf: spelling(bytes, at: i, length: length).utf8)
      i += length
      copied = i
    }
    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<bytes.count]))
  }

  private static func spelling(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> String {
    let (value, _) = UTF8Scalar.decode(bytes, at: i)
    switch value {
    case 0x1B: return "\\e"
    case 0x0D: return "\\r"
    case 0..<0x20, 0x7F: return "\\x" + hex(value, digits: 2)
    default: return "\\u{" + hex(value, digits: 2) + "}"
    }
  }

  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}

extension String {
  /// This text with control characters, separators and bidi controls visibly escaped, for
  /// printing data on a terminal (see `TerminalSafe`).
  public var visiblyEscaped: String { TerminalSafe.escape(self) }
}
