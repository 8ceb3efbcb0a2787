/// A strict RFC 8259 parser from UTF-8 bytes to `JSONValue`.
///
/// Beyond the grammar it rejects lone surrogate escapes, invalid UTF-8 in
/// strings, nesting deeper than `maxDepth`, and numbers that overflow `Double`
/// (so every parsed value can be written back). A byte order mark is not
/// skipped. Integers that fit in `Int` become `.int`, other numbers `.double`;
/// `-0` becomes `.double(-0.0)` to keep its sign.
public enum JSONParser: Sendable {
  /// Arrays and objects may nest this deep; one more level is an error.
  public static let maxDepth = 512

  public static func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
      throw JSONParseError(offset: 0, message: "unexpected end of input")
    }
    var cursor = Cursor(base: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    let value = try cursor.parseValue(depth: 0)
    cursor.skipWhitespace()
    if cursor.index < cursor.count {
      throw JSONParseError(offset: cursor.index, message: "unexpected trailing characters after JSON value")
    }
    return value
  }

  public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
    try bytes.withUnsafeBytes { buffer in
      Result { () throws(JSONParseError) in try parse(buffer) }
    }.get()
  }

  /// Offsets in errors are relative to the start of the slice, not its base array.
  public static func parse(_ bytes: ArraySlice<UInt8>) throws(JSONParseError) -> JSONValue {
    try bytes.withUnsafeBytes { buffer in
      Result { () throws(JSONParseError) in try parse(buffer) }
    }.get()
  }

  public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
    var text = text
    return try text.withUTF8 { buffer in
      Result { () throws(JSONParseError) in try parse(UnsafeRawBufferPointer(buffer)) }
    }.get()
  }
}

extension JSONParser {
  /// Recursive-descent state over one borrowed buffer; never outlives `parse`.
  private struct Cursor {
    let base: UnsafePointer<UInt8>
    let count: Int
    var index = 0
    /// Reused across escaped strings so each one does not allocate a fresh buffer.
    var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>, count: Int) {
      self.base = base
      self.count = count
    }

    @inline(__always)
    func fail(_ offset: Int, _ message: String) -> JSONParseError {
      JSONParseError(offset: offset, message: message)
    }

    @inline(__always)
    mutating func skipWhitespace() {
      while index < count {
        switch base[index] {
        case 0x20, 0x0A, 0x0D, 0x09: index += 1
        default: return
        }
      }
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
      skipWhitespace()
      guard index < count else { throw fail(index, "unexpected end of input") }
      switch base[index] {
      case UInt8(ascii: "\""):
        index += 1
        return .string(try parseString())
      case UInt8(ascii: "{"):
        return try parseObject(depth: depth + 1)
      case UInt8(ascii: "["):
        return try parseArray(depth: depth + 1)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        return try parseNumber()
      case UInt8(ascii: "t"):
        try expectLiteral("true")
        return .bool(true)
      case UInt8(ascii: "f"):
        try expectLiteral("false")
        return .bool(false)
      case UInt8(ascii: "n"):
        try expectLiteral("null")
        return .null
      default:
        throw fail(index, "expected a JSON value")
      }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
      let length = literal.utf8CodeUnitCount
      let bytes = literal.utf8Start
      guard index + length <= count else { throw fail(index, "invalid literal") }
      for k in 0..<length where base[index + k] != bytes[k] {
        throw fail(index, "invalid literal")
      }
      index += length
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
      if depth > JSONParser.maxDepth {
        throw fail(index, "nesting deeper than \(JSONParser.maxDepth) levels")
      }
      index += 1
      skipWhitespace()
      if index < count, base[index] == UInt8(ascii: "}") {
        index += 1
        return .object(JSONObject())
      }
      var pairs: [JSONObject.Member] = []
      while true {
        skipWhitespace()
        guard index < count else { throw fail(index, "unexpected end of input") }
        guard base[index] == UInt8(ascii: "\"") else {
          if base[index] == UInt8(ascii: "}"), !pairs.isEmpty {
            throw fail(index, "trailing comma in object")
          }
          throw fail(index, "expected '\"' to begin object key")
        }
        index += 1
        let key = try parseString()
        skipWhitespace()
        guard index < count else { throw fail(index, "unexpected end of input") }
        guard base[index] == UInt8(ascii: ":") else {
          throw fail(index, "expected ':' after object key")
        }
        index += 1
        let value = try parseValue(depth: depth)
        pairs.append((key: key, value: value))
        skipWhitespace()
        guard index < count else { throw fail(index, "unexpected end of input") }
        switch base[index] {
        case UInt8(ascii: ","):
          index += 1
        case UInt8(ascii: "}"):
          index += 1
          return .object(JSONObject(pairs))
        default:
          throw fail(index, "expected ',' or '}' after object member")
        }
      }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
      if depth > JSONParser.maxDepth {
        throw fail(index, "nesting deeper than \(JSONParser.maxDepth) levels")
      }
      index += 1
      skipWhitespace()
      if index < count, base[index] == UInt8(ascii: "]") {
        index += 1
        return .array([])
      }
      var elements: [JSONValue] = []
      while true {
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "]"), !elements.isEmpty {
          throw fail(index, "trailing comma in array")
        }
        elements.append(try parseValue(depth: depth))
        skipWhitespace()
        guard index < count else { throw fail(index, "unexpected end of input") }
        switch base[index] {
        case UInt8(ascii: ","):
          index += 1
        case UInt8(ascii: "]"):
          index += 1
          return .array(elements)
        default:
          throw fail(index, "expected ',' or ']' after array element")
        }
      }
    }

    // MARK: Strings

    /// Called just past the opening quote; leaves `index` just past the closing one.
    mutating func parseString() throws(JSONParseError) -> String {
      let start = index
      let stop = JSONByteScan.indexOfEscapable(base, from: start, to: count)
      guard stop < count else { throw fail(start - 1, "unterminated string") }
      switch base[stop] {
      case UInt8(ascii: "\""):
        index = stop + 1
        let bytes = UnsafeBufferPointer(start: base + start, count: stop - start)
        return try makeString(bytes, sourceStart: start, sourceEnd: stop)
      case UInt8(ascii: "\\"):
        return try parseEscapedString(start: start, firstEscape: stop)
      default:
        throw fail(stop, "unescaped control character in string")
      }
    }

    /// The slow path: unescaped runs are bulk-copied into `scratch` between escapes.
    mutating func parseEscapedString(start: Int, firstEscape: Int) throws(JSONParseError) -> String {
      scratch.removeAll(keepingCapacity: true)
      var runStart = start
      var stop = firstEscape
      while true {
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: stop - runStart))
        switch base[stop] {
        case UInt8(ascii: "\""):
          index = stop + 1
          let result = scratch.withUnsafeBufferPointer { JSONByteScan.validatedString($0) }
          guard let result else { throw invalidUTF8(from: start, to: stop) }
          return result
        case UInt8(ascii: "\\"):
          runStart = try decodeEscape(at: stop)
        default:
          throw fail(stop, "unescaped control character in string")
        }
        stop = JSONByteScan.indexOfEscapable(base, from: runStart, to: count)
        guard stop < count else { throw fail(start - 1, "unterminated string") }
      }
    }

    /// Appends the decoded escape at `offset` (a backslash) to `scratch`; returns the offset after it.
    mutating func decodeEscape(at offset: Int) throws(JSONParseError) -> Int {
      guard offset + 1 < count else { throw fail(offset, "unterminated string") }
      let decoded: UInt8
      switch base[offset + 1] {
      case UInt8(ascii: "\""): decoded = 0x22
      case UInt8(ascii: "\\"): decoded = 0x5C
      case UInt8(ascii: "/"): decoded = 0x2F
      case UInt8(ascii: "b"): decoded = 0x08
      case UInt8(ascii: "f"): decoded = 0x0C
      case UInt8(ascii: "n"): decoded = 0x0A
      case UInt8(ascii: "r"): decoded = 0x0D
      case UInt8(ascii: "t"): decoded = 0x09
      case UInt8(ascii: "u"): return try decodeUnicodeEscape(at: offset)
      default: throw fail(offset, "invalid escape sequence")
      }
      scratch.append(decoded)
      return offset + 2
    }

    mutating func decodeUnicodeEscape(at offset: Int) throws(JSONParseError) -> Int {
      guard let unit = hex4(at: offset + 2) else {
        throw fail(offset, "invalid \\u escape: expected 4 hex digits")
      }
      var next = offset + 6
      var scalar = unit
      switch unit {
      case 0xD800...0xDBFF:
        guard next + 1 < count, base[next] == UInt8(ascii: "\\"), base[next + 1] == UInt8(ascii: "u") else {
          throw fail(offset, "lone high surrogate in \\u escape")
        }
        guard let low = hex4(at: next + 2) else {
          throw fail(next, "invalid \\u escape: expected 4 hex digits")
        }
        guard (0xDC00...0xDFFF).contains(low) else {
          throw fail(offset, "lone high surrogate in \\u escape")
        }
        scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        next += 6
      case 0xDC00...0xDFFF:
        throw fail(offset, "lone low surrogate in \\u escape")
      default:
        break
      }
      appendUTF8(scalar)
      return next
    }

    func hex4(at offset: Int) -> UInt32? {
      guard offset + 4 <= count else { return nil }
      var value: UInt32 = 0
      for k in 0..<4 {
        let b = base[offset + k]
        let digit: UInt8
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = b - UInt8(ascii: "A") + 10
        default: return nil
        }
        value = value << 4 | UInt32(digit)
      }
      return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
      switch scalar {
      case ..<0x80:
        scratch.append(UInt8(scalar))
      case ..<0x800:
        scratch.append(0xC0 | UInt8(scalar >> 6))
        scratch.append(0x80 | UInt8(scalar & 0x3F))
      case ..<0x10000:
        scratch.append(0xE0 | UInt8(scalar >> 12))
        scratch.append(0x80 | UInt8(scalar >> 6 & 0x3F))
        scratch.append(0x80 | UInt8(scalar & 0x3F))
      default:
        scratch.append(0xF0 | UInt8(scalar >> 18))
        scratch.append(0x80 | UInt8(scalar >> 12 & 0x3F))
        scratch.append(0x80 | UInt8(scalar >> 6 & 0x3F))
        scratch.append(0x80 | UInt8(scalar & 0x3F))
      }
    }

    @inline(__always)
    func makeString(
      _ bytes: UnsafeBufferPointer<UInt8>, sourceStart: Int, sourceEnd: Int
    ) throws(JSONParseError) -> String {
      guard let string = JSONByteScan.validatedString(bytes) else {
        throw invalidUTF8(from: sourceStart, to: sourceEnd)
      }
      return string
    }

    /// Escapes are ASCII and decode to whole scalars, so the first bad byte in
    /// the raw source span is exactly where the decoded string went wrong.
    func invalidUTF8(from start: Int, to end: Int) -> JSONParseError {
      let offset = JSONByteScan.firstInvalidUTF8(base, from: start, to: end) ?? start
      return fail(offset, "invalid UTF-8 in string")
    }

    // MARK: Numbers

    mutating func parseNumber() throws(JSONParseError) -> JSONValue {
      let start = index
      let negative = base[index] == UInt8(ascii: "-")
      if negative { index += 1 }

      // Up to 19 significant digits fit a UInt64 exactly; beyond that the
      // stdlib parser takes over via `exact = false`.
      var mantissa: UInt64 = 0
      var digits = 0
      var exact = true
      var exponent = 0

      guard index < count, isDigit(base[index]) else {
        throw fail(index, "expected digit after '-'")
      }
      if base[index] == UInt8(ascii: "0") {
        index += 1
        if index < count, isDigit(base[index]) {
          throw fail(index - 1, "leading zeros are not allowed")
        }
      } else {
        while index < count, isDigit(base[index]) {
          if digits < 19 {
            mantissa = mantissa &* 10 &+ UInt64(base[index] &- 0x30)
            digits += 1
          } else {
            exact = false
          }
          index += 1
        }
      }

      var isInteger = true
      if index < count, base[index] == UInt8(ascii: ".") {
        isInteger = false
        index += 1
        guard index < count, isDigit(base[index]) else {
          throw fail(index, "expected digit after decimal point")
        }
        while index < count, isDigit(base[index]) {
          let digit = UInt64(base[index] &- 0x30)
          if mantissa == 0 && digit == 0 {
            exponent -= 1
          } else if digits < 19 {
            mantissa = mantissa &* 10 &+ digit
            digits += 1
            exponent -= 1
          } else {
            exact = false
          }
          index += 1
        }
      }

      if index < count, base[index] | 0x20 == UInt8(ascii: "e") {
        isInteger = false
        index += 1
        var exponentNegative = false
        if index < count, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") {
          exponentNegative = base[index] == UInt8(ascii: "-")
          index += 1
        }
        guard index < count, isDigit(base[index]) else {
          throw fail(index, "expected digit in exponent")
        }
        var written = 0
        while index < count, isDigit(base[index]) {
          // Clamped: anything this large is out of range or zero anyway.
          if written < 100_000 { written = written * 10 + Int(base[index] &- 0x30) }
          index += 1
        }
        exponent += exponentNegative ? -written : written
      }

      if isInteger, exact {
        if negative {
          if mantissa == 0 { return .double(-0.0) }
          if mantissa <= UInt64(Int.max) { return .int(-Int(mantissa)) }
          if mantissa == UInt64(Int.max) + 1 { return .int(.min) }
        } else if mantissa <= UInt64(Int.max) {
          return .int(Int(mantissa))
        }
      }

      // Clinger's fast path: both operands are exact doubles, so one IEEE
      // multiply or divide rounds correctly.
      if exact, mantissa <= 1 << 53, (-22...22).contains(exponent) {
        var value = Double(mantissa)
        let scale = JSONParser.powersOfTen[abs(exponent)]
        value = exponent < 0 ? value / scale : value * scale
        return .double(negative ? -value : value)
      }

      let text = String(decoding: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
      guard let value = Double(text), value.isFinite else {
        throw fail(start, "number out of range")
      }
      return .double(value)
    }

    @inline(__always)
    func isDigit(_ b: UInt8) -> Bool {
      b &- UInt8(ascii: "0") < 10
    }
  }

  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]
}
