import AnnotatorKit
import Testing

@Suite struct JSONWriterTests {
  private func written(_ body: (inout JSONWriter) -> Void) -> String {
    var writer = JSONWriter()
    body(&writer)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  @Test func streamingCallsInsertSeparators() {
    let text = written { w in
      w.beginObject()
      w.key("id")
      w.int(7)
      w.key("tags")
      w.beginArray()
      w.string("a")
      w.beginArray()
      w.endArray()
      w.beginObject()
      w.endObject()
      w.null()
      w.endArray()
      w.key("ok")
      w.bool(true)
      w.key("score")
      w.double(0.5)
      w.endObject()
    }
    #expect(text == #"{"id":7,"tags":["a",[],{},null],"ok":true,"score":0.5}"#)
  }

  @Test func fieldsWriteAMemberInOneCall() {
    let missing: String? = nil
    let text = written { w in
      w.beginObject()
      w.field("id", 7)
      w.field("quote", "كيفين 👍🏽")
      w.field("comment", missing)
      w.field("note", Optional("x"))
      w.field("ok", false)
      w.endObject()
    }
    #expect(text == #"{"id":7,"quote":"كيفين 👍🏽","comment":null,"note":"x","ok":false}"#)
  }

  @Test func writesJSONLines() {
    var writer = JSONWriter()
    for i in 0..<3 {
      writer.value(["n": .int(i)])
      writer.newline()
    }
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n")
    writer.removeAll(keepingCapacity: true)
    writer.beginArray()
    writer.endArray()
    #expect(writer.bytes == Array("[]".utf8))
  }

  @Test func prettyOutputIsExact() {
    let value: JSONValue = [
      "name": "تقرير",
      "spans": [["start": 0, "end": 5], []],
      "meta": [:],
      "flags": [true, nil],
    ]
    let expected = """
      {
        "name": "تقرير",
        "spans": [
          {
            "start": 0,
            "end": 5
          },
          []
        ],
        "meta": {},
        "flags": [
          true,
          null
        ]
      }
      """
    #expect(JSONWriter.string(value, pretty: true) == expected)
  }

  @Test func escapesWhatJSONRequiresAndEveryControlCharacter() {
    let value = JSONValue.string(
      "q\" b\\ s/ \u{8}\u{C}\n\r\t \u{0}\u{1}\u{1F}\u{7F} \u{80}\u{9B}\u{9F} \u{A0}«» \u{2028}\u{2029} é")
    let expected =
      #""q\" b\\ s/ \b\f\n\r\t \u0000\u0001\u001f\u007f \u0080\u009b\u009f "# + "\u{A0}«» \u{2028}\u{2029} é\""
    #expect(JSONWriter.string(value) == expected)
  }

  @Test func escapesControlCharactersAtEveryPositionOfTheWordScan() throws {
    for position in 0..<17 {
      for control in ["\u{7F}", "\u{9B}", "\u{1B}"] {
        let text =
          String(repeating: "«", count: position / 2) + String(repeating: "a", count: position % 2) + control + "ب"
        let written = JSONWriter.string(.string(text))
        #expect(
          !written.unicodeScalars.contains { $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0 == "\u{1B}" })
        #expect(try JSONParser.parse(Array(written.utf8)) == .string(text))
      }
    }
  }

  @Test func writesArabicAsRawUTF8() {
    let arabic = "وَقَالَ الطَّبِيبُ: «الْحَالَةُ مُسْتَقِرَّةٌ» ١٢٣"
    var writer = JSONWriter()
    writer.string(arabic)
    #expect(!writer.bytes.contains(UInt8(ascii: "\\")))
    #expect(writer.bytes == [0x22] + Array(arabic.utf8) + [0x22])
  }

  @Test func writesIntegersInPlainDecimal() {
    #expect(
      JSONWriter.string([0, 9, 10, -1, 1234567890, .int(.max), .int(.min)])
        == "[0,9,10,-1,1234567890,9223372036854775807,-9223372036854775808]")
  }

  @Test func writesDoublesInShortestRoundTripForm() {
    #expect(
      JSONWriter.string([0.1, 5.0, -0.0, 1e16, 1e-5, 1.5e300])
        == "[0.1,5.0,-0.0,1e+16,1e-05,1.5e+300]")
  }

  @Test func writesNonFiniteDoublesAsNull() {
    #expect(JSONWriter.string([.double(.infinity), .double(-.infinity), .double(.nan)]) == "[null,null,null]")
  }

  @Test func escapesKeys() {
    #expect(JSONWriter.string(["a\"b\n": 1]) == #"{"a\"b\n":1}"#)
  }
}
