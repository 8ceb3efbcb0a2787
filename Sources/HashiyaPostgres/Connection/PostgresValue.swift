import Foundation

/// A statement parameter, sent to PostgreSQL in its text form; `nil` in a parameter list is SQL NULL.
public enum PostgresValue: Sendable, Equatable {
  case text(String)
  case integer(Int64)
  case double(Double)
  case bool(Bool)
  /// Raw bytes, for a `bytea` column.
  case bytes(Data)

  /// Builds a value from a platform integer.
  public static func int(_ value: Int) -> PostgresValue { .integer(Int64(value)) }

  /// The text PostgreSQL parses for this value; the server casts it to the parameter's inferred type.
  var postgresText: String {
    switch self {
    case .text(let string): return string
    case .integer(let number): return String(number)
    case .double(let number):
      // Swift spells these "nan" and "inf"; PostgreSQL's own spellings are unambiguous in every version.
      if number.isNaN { return "NaN" }
      if number.isInfinite { return number < 0 ? "-Infinity" : "Infinity" }
      return "\(number)"
    case .bool(let flag): return flag ? "t" : "f"
    case .bytes(let data): return Self.byteaText(data)
    }
  }

  /// `bytes` as `bytea`'s hex input: `\x`, then two digits a byte.
  static func byteaText(_ bytes: some Collection<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
    text.reserveCapacity(2 + bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}

extension PostgresValue: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = .text(value) }
}

extension PostgresValue: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension PostgresValue: ExpressibleByFloatLiteral {
  public init(floatLiteral value: Double) { self = .double(value) }
}

extension PostgresValue: ExpressibleByBooleanLiteral {
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}
