import AnnotatorKit
import Testing

@Suite struct JSONRoundTripTests {
  private func roundTrip(_ value: JSONValue, pretty: Bool = false) throws -> JSONValue {
    var writer = JSONWriter(pretty: pretty)
    writer.value(value)
    return try JSONParser.parse(writer.bytes)
  }

  static let samples: [JSONValue] = [
    nil, true, false, 0, -42, .int(.max), .int(.min), 3.25, -1e-300, 1.7976931348623157e308,
    .double(.leastNonzeroMagnitude),
    "", "plain",
    "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ",
    "emoji 😀 family 👨‍👩‍👧 flag 🇸🇦",
    "line one\r\nline two\r\n",
    "every escape: \" \\ / \u{8} \u{C} \n \r \t \u{0} \u{1B} \u{1F}",
    "\u{2028}\u{2029}\u{FEFF}",
    [],
    [:],
    [
      "id": 12,
      "text": "المريض يشكو من ألم في الصدر\nمنذ يومين 😷",
      "labels": [["start": 0, "end": 6, "label": "PERSON"], ["start": 14, "end": 17, "label": "SYMPTOM"]],
      "score": 0.875,
      "reviewed": false,
      "note": nil,
      "nested": [[[["deep": [1, [2, [3, [:]]]]]]]],
    ],
  ]

  @Test(arguments: samples)
  func compactRoundTrip(value: JSONValue) throws {
    #expect(try roundTrip(value) == value)
  }

  @Test(arguments: samples)
  func prettyRoundTrip(value: JSONValue) throws {
    #expect(try roundTrip(value, pretty: true) == value)
  }

  @Test func randomDoublesRoundTripExactly() throws {
    var rng = SystemRandomNumberGenerator()
    for _ in 0..<2000 {
      let d = Double(bitPattern: rng.next())
      guard d.isFinite else { continue }
      let back = try roundTrip(.double(d))
      #expect(back.doubleValue?.bitPattern == d.bitPattern, "\(d)")
    }
  }

  /// The byte scanners work eight bytes at a time, so put each kind of
  /// escapable byte at every offset of strings that straddle word boundaries.
  @Test(arguments: ["\"", "\\", "\n", "\u{1}", "\u{1F}"])
  func escapesAtEveryWordOffsetRoundTrip(special: String) throws {
    for length in 0..<24 {
      for position in 0...length {
        let text = String(repeating: "ب", count: position) + special + String(repeating: "x", count: length - position)
        let written = JSONWriter.string(.string(text))
        #expect(try JSONParser.parse(written) == .string(text))
        let escapeLength = special == "\n" || special.utf8.first! >= 0x20 ? 2 : 6
        #expect(written.utf8.count == 2 + text.utf8.count - 1 + escapeLength)
      }
    }
  }

  @Test func escapedSurrogatePairMatchesRawEmoji() throws {
    let escaped = try JSONParser.parse(#"["\ud83d\ude00"]"#)
    let raw = try JSONParser.parse("[\"😀\"]")
    #expect(escaped == raw)
    #expect(JSONWriter.string(escaped) == "[\"😀\"]")
  }
}
