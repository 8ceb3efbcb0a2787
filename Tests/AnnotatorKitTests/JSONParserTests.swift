import AnnotatorKit
import Testing

/// The error `text` is rejected with, or nil if it parses.
private func parseError(_ bytes: [UInt8]) -> JSONParseError? {
  do {
    _ = try JSONParser.parse(bytes)
    return nil
  } catch {
    return error
  }
}

private func parseError(_ text: String) -> JSONParseError? {
  parseError(Array(text.utf8))
}

@Suite struct JSONParserTests {
  @Test func parsesScalarsAndContainers() throws {
    #expect(try JSONParser.parse("null") == .null)
    #expect(try JSONParser.parse(" true ") == .bool(true))
    #expect(try JSONParser.parse("\tfalse\r\n") == .bool(false))
    #expect(try JSONParser.parse("[]") == .array([]))
    #expect(try JSONParser.parse("{}") == .object(JSONObject()))
    #expect(try JSONParser.parse(#"[1, "a", null, {"b": [true]}]"#) == [1, "a", nil, ["b": [true]]])
  }

  @Test func acceptsEveryInputType() throws {
    let text = #"{"k":[1,2]}"#
    let bytes = Array(text.utf8)
    let expected: JSONValue = ["k": [1, 2]]
    #expect(try JSONParser.parse(text) == expected)
    #expect(try JSONParser.parse(bytes) == expected)
    #expect(try bytes.withUnsafeBytes { try JSONParser.parse($0) } == expected)
    let padded = Array("xx".utf8) + bytes + Array("yy".utf8)
    #expect(try JSONParser.parse(padded[2..<(2 + bytes.count)]) == expected)
  }

  @Test func sliceErrorOffsetsAreRelativeToTheSlice() {
    let bytes = Array("[[1,]]".utf8)
    #expect(throws: JSONParseError(offset: 3, message: "trailing comma in array")) {
      try JSONParser.parse(bytes[1..<5])
    }
  }

  @Test func preservesKeyOrder() throws {
    let text = #"{"z":1,"a":2,"m":{"y":true,"b":false}}"#
    let value = try JSONParser.parse(text)
    #expect(value.objectValue?.keys == ["z", "a", "m"])
    #expect(value["m"]?.objectValue?.keys == ["y", "b"])
    #expect(JSONWriter.string(value) == text)
  }

  @Test func keepsDuplicateKeysAndReadsTheLast() throws {
    let value = try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#)
    #expect(value.objectValue?.count == 3)
    #expect(value["a"] == .int(3))
  }

  // MARK: Strings

  @Test func decodesEveryEscape() throws {
    let text = #""q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u0645\u0000""#
    #expect(try JSONParser.parse(text) == .string("q\" b\\ s/ \u{8}\u{C}\n\r\t Aé\u{645}\u{0}"))
  }

  @Test func decodesSurrogatePairToOneScalar() throws {
    let value = try JSONParser.parse(#""a\ud83d\ude00b""#)
    #expect(value == .string("a😀b"))
    #expect(value.stringValue?.unicodeScalars.map(\.value) == [0x61, 0x1F600, 0x62])
    #expect(try JSONParser.parse(#""\uD834\uDD1E""#) == .string("\u{1D11E}"))
  }

  @Test func keepsRawNonASCII() throws {
    let arabic = "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ"
    #expect(try JSONParser.parse("\"\(arabic)\"") == .string(arabic))
    #expect(try JSONParser.parse("\"😀👨‍👩‍👧\"") == .string("😀👨‍👩‍👧"))
    #expect(try JSONParser.parse("\"\u{2028}\u{2029}\"") == .string("\u{2028}\u{2029}"))
  }

  @Test func mixesEscapesWithMultibyteRuns() throws {
    let text = #""سطر أول\r\nسطر \"ثانٍ\"\t😀\ud83d\ude00""#
    #expect(try JSONParser.parse(text) == .string("سطر أول\r\nسطر \"ثانٍ\"\t😀😀"))
  }

  // MARK: Numbers

  @Test func parsesIntegers() throws {
    #expect(try JSONParser.parse("0") == .int(0))
    #expect(try JSONParser.parse("-17") == .int(-17))
    #expect(try JSONParser.parse("9223372036854775807") == .int(.max))
    #expect(try JSONParser.parse("-9223372036854775808") == .int(.min))
  }

  @Test func integersOutsideIntBecomeDoubles() throws {
    #expect(try JSONParser.parse("9223372036854775808") == .double(9_223_372_036_854_775_808))
    #expect(try JSONParser.parse("-9223372036854775809") == .double(-0x1p63))
    #expect(try JSONParser.parse("123456789012345678901234567890") == .double(1.2345678901234568e29))
  }

  @Test func negativeZeroKeepsItsSign() throws {
    let value = try JSONParser.parse("-0")
    #expect(value.doubleValue?.sign == .minus)
    #expect(value == .double(-0.0))
    #expect(try JSONParser.parse("-0.0").doubleValue?.sign == .minus)
  }

  @Test func parsesFractionsAndExponents() throws {
    #expect(try JSONParser.parse("1e5") == .double(100_000))
    #expect(try JSONParser.parse("1.5E-3") == .double(0.0015))
    #expect(try JSONParser.parse("1E+2") == .double(100))
    #expect(try JSONParser.parse("-2.5") == .double(-2.5))
    #expect(try JSONParser.parse("0.000001") == .double(0.000001))
    #expect(try JSONParser.parse("1e-400") == .double(0))
  }

  @Test(arguments: [
    "0.1", "3.141592653589793", "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308",
    "9007199254740993", "0.30000000000000004", "123456.789e-10", "1e22", "1e23", "8.5e-23",
    "4.35679e-5", "0.0000000000000000000000000001234567890123456789",
  ])
  func roundsLikeTheStandardLibrary(text: String) throws {
    let value = try JSONParser.parse(text)
    let expected = try #require(Double(text))
    #expect(value.doubleValue == expected)
  }

  @Test func rejectsNumbersOutOfRange() {
    #expect(parseError("[1e400]") == JSONParseError(offset: 1, message: "number out of range"))
    #expect(parseError("-1e99999999999999999999") == JSONParseError(offset: 0, message: "number out of range"))
  }

  // MARK: Rejections

  @Test func rejectsTrailingCommas() {
    #expect(parseError("[1,2,]") == JSONParseError(offset: 5, message: "trailing comma in array"))
    #expect(parseError(#"{"a":1,}"#) == JSONParseError(offset: 7, message: "trailing comma in object"))
    #expect(parseError("[,]") == JSONParseError(offset: 1, message: "expected a JSON value"))
  }

  @Test func rejectsLeadingZeros() {
    #expect(parseError("01") == JSONParseError(offset: 0, message: "leading zeros are not allowed"))
    #expect(parseError("[-012]") == JSONParseError(offset: 2, message: "leading zeros are not allowed"))
    #expect(parseError("00.5") == JSONParseError(offset: 0, message: "leading zeros are not allowed"))
  }

  @Test func rejectsMalformedNumbers() {
    #expect(parseError("-") == JSONParseError(offset: 1, message: "expected digit after '-'"))
    #expect(parseError("-a") == JSONParseError(offset: 1, message: "expected digit after '-'"))
    #expect(parseError("1.") == JSONParseError(offset: 2, message: "expected digit after decimal point"))
    #expect(parseError("1.e3") == JSONParseError(offset: 2, message: "expected digit after decimal point"))
    #expect(parseError("1e+") == JSONParseError(offset: 3, message: "expected digit in exponent"))
    #expect(parseError(".5") == JSONParseError(offset: 0, message: "expected a JSON value"))
    #expect(parseError("+1") == JSONParseError(offset: 0, message: "expected a JSON value"))
  }

  @Test func rejectsUnescapedControlCharacters() {
    #expect(
      parseError([0x22, 0x61, 0x01, 0x22])
        == JSONParseError(offset: 2, message: "unescaped control character in string"))
    #expect(parseError("\"a\nb\"") == JSONParseError(offset: 2, message: "unescaped control character in string"))
    #expect(parseError("\"\\n\tb\"") == JSONParseError(offset: 3, message: "unescaped control character in string"))
  }

  @Test func rejectsLoneSurrogates() {
    #expect(parseError(#""\ud800""#) == JSONParseError(offset: 1, message: "lone high surrogate in \\u escape"))
    #expect(parseError(#""ab\ud800x""#) == JSONParseError(offset: 3, message: "lone high surrogate in \\u escape"))
    #expect(parseError(#""\ud800\u0041""#) == JSONParseError(offset: 1, message: "lone high surrogate in \\u escape"))
    #expect(parseError(#""\ud800\ud800""#) == JSONParseError(offset: 1, message: "lone high surrogate in \\u escape"))
    #expect(parseError(#""x\udc00""#) == JSONParseError(offset: 2, message: "lone low surrogate in \\u escape"))
    #expect(parseError(#""\ude00\ud83d""#) == JSONParseError(offset: 1, message: "lone low surrogate in \\u escape"))
  }

  @Test func rejectsBadEscapes() {
    #expect(parseError(#""\x""#) == JSONParseError(offset: 1, message: "invalid escape sequence"))
    #expect(parseError(#""\u12G4""#) == JSONParseError(offset: 1, message: "invalid \\u escape: expected 4 hex digits"))
    #expect(parseError(#""\u12"#) == JSONParseError(offset: 1, message: "invalid \\u escape: expected 4 hex digits"))
    #expect(
      parseError(#""\ud83d\uZZZZ""#) == JSONParseError(offset: 7, message: "invalid \\u escape: expected 4 hex digits"))
  }

  @Test func rejectsInvalidUTF8InStrings() {
    let message = "invalid UTF-8 in string"
    // Stray byte, overlong NUL, truncated Arabic letter, UTF-8-encoded surrogate, beyond U+10FFFF.
    #expect(parseError([0x22, 0x61, 0xFF, 0x22]) == JSONParseError(offset: 2, message: message))
    #expect(parseError([0x22, 0xC0, 0x80, 0x22]) == JSONParseError(offset: 1, message: message))
    #expect(parseError([0x22, 0xD8, 0xA8, 0xD8, 0x22]) == JSONParseError(offset: 3, message: message))
    #expect(parseError([0x22, 0xED, 0xA0, 0x80, 0x22]) == JSONParseError(offset: 1, message: message))
    #expect(parseError([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]) == JSONParseError(offset: 1, message: message))
    // The same inside a string that also takes the escape path.
    #expect(parseError([0x22, 0x5C, 0x6E, 0xD8, 0xA8, 0x80, 0x22]) == JSONParseError(offset: 5, message: message))
    // In a key.
    #expect(parseError([0x7B, 0x22, 0xFE, 0x22, 0x3A, 0x31, 0x7D]) == JSONParseError(offset: 2, message: message))
  }

  @Test func rejectsTrailingGarbage() {
    #expect(
      parseError(#"{"a":1} x"#) == JSONParseError(offset: 8, message: "unexpected trailing characters after JSON value")
    )
    #expect(parseError("1 2") == JSONParseError(offset: 2, message: "unexpected trailing characters after JSON value"))
    #expect(parseError("[1]]") == JSONParseError(offset: 3, message: "unexpected trailing characters after JSON value"))
    #expect(parseError("\u{FEFF}1") == JSONParseError(offset: 0, message: "expected a JSON value"))
  }

  @Test func allowsTrailingWhitespace() throws {
    #expect(try JSONParser.parse("[1] \n\r\t ") == [1])
  }

  @Test func limitsNesting() throws {
    let deepest = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(throws: Never.self) { try JSONParser.parse(deepest) }
    let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
    #expect(parseError(tooDeep) == JSONParseError(offset: 512, message: "nesting deeper than 512 levels"))
    let objects = String(repeating: #"{"a":"#, count: 513) + "1" + String(repeating: "}", count: 513)
    #expect(parseError(objects) == JSONParseError(offset: 512 * 5, message: "nesting deeper than 512 levels"))
  }

  @Test func rejectsStructuralErrors() {
    #expect(parseError(#"{"a" 1}"#) == JSONParseError(offset: 5, message: "expected ':' after object key"))
    #expect(
      parseError(#"{"a":1 "b":2}"#) == JSONParseError(offset: 7, message: "expected ',' or '}' after object member"))
    #expect(parseError("[1 2]") == JSONParseError(offset: 3, message: "expected ',' or ']' after array element"))
    #expect(parseError("{a:1}") == JSONParseError(offset: 1, message: "expected '\"' to begin object key"))
    #expect(parseError(#""abc"#) == JSONParseError(offset: 0, message: "unterminated string"))
    #expect(parseError(#"["a\""#) == JSONParseError(offset: 1, message: "unterminated string"))
    #expect(parseError("tru") == JSONParseError(offset: 0, message: "invalid literal"))
    #expect(parseError("[nul]") == JSONParseError(offset: 1, message: "invalid literal"))
  }

  @Test func reportsEndOfInput() {
    #expect(parseError("") == JSONParseError(offset: 0, message: "unexpected end of input"))
    #expect(parseError("  ") == JSONParseError(offset: 2, message: "unexpected end of input"))
    #expect(parseError(#"{"a":1"#) == JSONParseError(offset: 6, message: "unexpected end of input"))
    #expect(parseError("[1,") == JSONParseError(offset: 3, message: "unexpected end of input"))
  }

  @Test func describesErrorsWithOffset() {
    #expect(parseError(#"{"a" 1}"#)?.description == "at byte 5: expected ':' after object key")
  }
}
