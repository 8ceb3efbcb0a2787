/// A streaming JSON writer that appends UTF-8 to `bytes`, inserting separators itself.
///
/// Strings are written as raw UTF-8; only `"`, `\` and control characters (C0, DEL
/// and C1, so no terminal obeys one) are escaped, so Arabic text stays readable and the writer can bulk-copy the
/// runs between escapes. Non-finite doubles have no JSON spelling and are
/// written as `null` rather than failing mid-stream.
///
/// Misuse (a key outside an object, unbalanced ends) is caught by assertions
/// in debug builds only; the hot path carries no container stack.
public struct JSONWriter: Sendable {
  public var bytes: [UInt8]
  /// Two-space indentation with `"key": value`; otherwise no whitespace at all.
  public var pretty: Bool

  private var depth = 0
  /// Whether the innermost open container already has an element, i.e. needs a comma.
  private var hasElements = false
  /// A key was just written, so the next value follows its colon directly.
  private var afterKey = false

  public init(pretty: Bool = false, capacity: Int = 0) {
    self.pretty = pretty
    bytes = []
    bytes.reserveCapacity(capacity)
  }

  public mutating func reserveCapacity(_ capacity: Int) {
    bytes.reserveCapacity(capacity)
  }

  /// Clears output and nesting state, for reusing one buffer across records.
  public mutating func removeAll(keepingCapacity: Bool = false) {
    bytes.removeAll(keepingCapacity: keepingCapacity)
    depth = 0
    hasElements = false
    afterKey = false
  }

  /// Appends a line feed between top-level values, as JSON Lines output needs.
  public mutating func newline() {
    assert(depth == 0, "newline() inside a container")
    bytes.append(0x0A)
  }

  // MARK: Structure

  public mutating func beginObject() {
    beginValue()
    bytes.append(UInt8(ascii: "{"))
    openContainer()
  }

  public mutating func endObject() {
    closeContainer(UInt8(ascii: "}"))
  }

  public mutating func beginArray() {
    beginValue()
    bytes.append(UInt8(ascii: "["))
    openContainer()
  }

  public mutating func endArray() {
    closeContainer(UInt8(ascii: "]"))
  }

  /// Writes an object member name; the next call writes its value.
  public mutating func key(_ name: String) {
    assert(depth > 0 && !afterKey, "key() outside an object or after another key")
    separateElement()
    appendQuoted(name)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(UInt8(ascii: " ")) }
    afterKey = true
  }

  // MARK: Members

  /// Writes an object member with a string value.
  public mutating func field(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  /// Writes an object member with a string value, or `null` when there is none.
  public mutating func field(_ name: String, _ value: String?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  public mutating func field(_ name: String, _ value: Int) {
    key(name)
    int(value)
  }

  public mutating func field(_ name: String, _ value: Bool) {
    key(name)
    bool(value)
  }

  // MARK: Scalars

  public mutating func string(_ value: String) {
    beginValue()
    appendQuoted(value)
  }

  /// Writes a string given as UTF-8 bytes, which must be valid UTF-8, without building a `String`.
  public mutating func string(utf8 bytes: UnsafeBufferPointer<UInt8>) {
    beginValue()
    appendQuoted(bytes)
  }

  public mutating func int(_ value: Int) {
    beginValue()
    appendDecimal(value)
  }

  /// Shortest round-trip form; NaN and infinities are written as `null`.
  public mutating func double(_ value: Double) {
    beginValue()
    guard value.isFinite else {
      appendNull()
      return
    }
    // `description` is shortest round-trip and always valid JSON for finite
    // values ("5.0", "1e-05", "1e+16"); the ".0" keeps doubles doubles on re-read.
    var text = value.description
    text.withUTF8 { bytes.append(contentsOf: $0) }
  }

  public mutating func bool(_ value: Bool) {
    beginValue()
    appendLiteral(value ? "true" : "false")
  }

  public mutating func null() {
    beginValue()
    appendNull()
  }

  /// Writes a whole tree at the current position.
  public mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let b): bool(b)
    case .int(let i): int(i)
    case .double(let d): double(d)
    case .string(let s): string(s)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let object):
      beginObject()
      for member in object.pairs {
        key(member.key)
        self.value(member.value)
      }
      endObject()
    }
  }

  /// `value` as JSON text.
  public static func string(_ value: JSONValue, pretty: Bool = false) -> String {
    // Most values written this way are small records; room for one spares the first regrowths.
    var writer = JSONWriter(pretty: pretty, capacity: 128)
    writer.value(value)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  // MARK: Separators

  @inline(__always)
  private mutating func beginValue() {
    if afterKey {
      afterKey = false
      return
    }
    if depth > 0 { separateElement() }
  }

  @inline(__always)
  private mutating func separateElement() {
    if hasElements { bytes.append(UInt8(ascii: ",")) }
    hasElements = true
    if pretty { appendLineAndIndent(depth) }
  }

  private mutating func openContainer() {
    depth += 1
    hasElements = false
  }

  private mutating func closeContainer(_ bracket: UInt8) {
    assert(depth > 0 && !afterKey, "unbalanced end or a key without a value")
    depth -= 1
    // Empty containers stay on one line: "[]" and "{}".
    if pretty && hasElements { appendLineAndIndent(depth) }
    bytes.append(bracket)
    // The container just closed is itself an element of its parent.
    hasElements = true
  }

  private mutating func appendLineAndIndent(_ level: Int) {
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
  }

  // MARK: Encoding

  private mutating func appendNull() {
    appendLiteral("null")
  }

  /// Static text avoids building a temporary array per call.
  @inline(__always)
  private mutating func appendLiteral(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  private mutating func appendDecimal(_ value: Int) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var length = 1
    var probe = magnitude
    while probe >= 10 {
      probe /= 10
      length += 1
    }
    let start = bytes.count
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: length))
    bytes.withUnsafeMutableBufferPointer { out in
      var i = start + length - 1
      repeat {
        out[i] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
        magnitude /= 10
        i -= 1
      } while magnitude > 0
    }
  }

  private mutating func appendQuoted(_ string: String) {
    var string = string
    string.withUTF8 { appendQuoted($0) }
  }

  private mutating func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    if let base = utf8.baseAddress {
      let count = utf8.count
      var runStart = 0
      while true {
        let stop = JSONByteScan.indexOfEscapable(base, from: runStart, to: count, terminalControls: true)
        if stop > runStart {
          bytes.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: stop - runStart))
        }
        if stop == count { break }
        if base[stop] == 0xC2 {
          // A C1 control: its code point is the second byte's value.
          appendEscape(base[stop + 1])
          runStart = stop + 2
        } else {
          appendEscape(base[stop])
          runStart = stop + 1
        }
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func appendEscape(_ byte: UInt8) {
    let short: UInt8
    switch byte {
    case 0x22: short = UInt8(ascii: "\"")
    case 0x5C: short = UInt8(ascii: "\\")
    case 0x08: short = UInt8(ascii: "b")
    case 0x0C: short = UInt8(ascii: "f")
    case 0x0A: short = UInt8(ascii: "n")
    case 0x0D: short = UInt8(ascii: "r")
    case 0x09: short = UInt8(ascii: "t")
    default:
      let hex: StaticString = "0123456789abcdef"
      appendLiteral("\\u00")
      bytes.append(hex.utf8Start[Int(byte >> 4)])
      bytes.append(hex.utf8Start[Int(byte & 0xF)])
      return
    }
    bytes.append(UInt8(ascii: "\\"))
    bytes.append(short)
  }
}
