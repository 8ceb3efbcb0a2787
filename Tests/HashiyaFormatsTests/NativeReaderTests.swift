import AnnotatorKit
import HashiyaModel
import HashiyaStore
import Testing

@testable import HashiyaFormats

/// Each kind of bad record reaches `onBadRecord` with its exact location, and good ones still import.
@Suite struct NativeReaderTests {
  typealias F = NativeFixtures

  /// A JSONL export of two reports, with `edit` applied to the parsed line `line` (1 = header).
  func jsonl(editing line: Int, _ edit: (inout JSONValue) -> Void) throws -> String {
    try F.jsonl([F.seedBundle(id: 1), F.emojiBundle(id: 2)], context: F.context(offsets: .all), editing: line, edit)
  }

  func readAll(_ path: String) throws -> (reports: [ImportedReport], bad: [FormatError]) {
    try F.readAll(path)
  }

  /// Sets `value[path…] = new`, walking objects by key and arrays by index.
  static func set(_ value: inout JSONValue, _ path: [Any], _ new: JSONValue?) {
    guard let first = path.first else {
      value = new ?? .null
      return
    }
    let rest = Array(path.dropFirst())
    switch value {
    case .object(var object):
      let key = first as! String
      if rest.isEmpty {
        object[key] = new
      } else {
        var child = object[key] ?? .null
        set(&child, rest, new)
        object[key] = child
      }
      value = .object(object)
    case .array(var array):
      set(&array[first as! Int], rest, new)
      value = .array(array)
    default:
      Issue.record("cannot walk into \(value)")
    }
  }

  @Test(arguments: [
    // (line, path to edit, new value, expected location suffix, expected reason start)
    NativeBadCase(2, ["title"], nil, ":2", #"missing "title""#),
    NativeBadCase(2, ["hadBOM"], "no", ":2", #""hadBOM" must be true or false"#),
    NativeBadCase(2, ["metadata"], [1], ":2", #""metadata" must be an object"#),
    NativeBadCase(2, ["annotations", 1, "start"], "3", ":2 annotation 2", #""start" must be an integer"#),
    NativeBadCase(2, ["annotations", 0, "quote"], nil, ":2 annotation 1", #"missing "quote""#),
    NativeBadCase(2, ["annotations", 0, "end"], 100_000, ":2 annotation 1", "offsets "),
    NativeBadCase(3, ["annotations", 1, "start"], -1, ":3 annotation 2", "offsets -1.."),
    NativeBadCase(2, ["annotations", 0, "end"], 0, ":2 annotation 1", #""end" (0) must be greater than "start""#),
    NativeBadCase(3, ["annotations", 0, "quote"], "الميناء", ":3 annotation 1", #""quote" does not match the text"#),
    NativeBadCase(3, ["annotations", 1, "utf16"], [0, 1], ":3 annotation 2", #""utf16" [0, 1] disagrees"#),
    NativeBadCase(3, ["annotations", 1, "utf8"], [0], ":3 annotation 2", #""utf8" must be a pair"#),
    NativeBadCase(
      2, ["annotations", 1, "links", 0, "to"], "no-such-uuid", ":2 annotation 2 link 1",
      "links to annotation no-such-uuid"),
    NativeBadCase(2, ["annotations", 1, "links", 0, "type"], nil, ":2 annotation 2 link 1", #"missing "type""#),
    NativeBadCase(
      2, ["annotations", 0, "reviews", 0, "verdict"], "maybe", ":2 annotation 1 review 1", #""verdict" is "maybe""#),
    NativeBadCase(2, ["annotations", 0, "status"], "gone", ":2 annotation 1", #""status" is "gone""#),
    NativeBadCase(2, ["annotations", 2, "id"], .string(F.uuid(1, 0)), ":2 annotation 3", "annotation id"),
    NativeBadCase(2, ["annotations", 2], "x", ":2 annotation 3", "must be an object"),
    NativeBadCase(2, ["kind"], "header", ":2", "only the first line is a header"),
    NativeBadCase(2, [], [1, 2], ":2", "each line must be a JSON object"),
  ])
  func aBadReportIsReportedWithItsLocationAndSkipped(bad: NativeBadCase) throws {
    try bad.expectReported(in: try jsonl(editing: bad.line) { Self.set(&$0, bad.path, bad.value) })
  }

  @Test func aLineThatIsNotJSON() throws {
    let path = try F.export([F.seedBundle(), F.emojiBundle()], format: .jsonl)
    var lines = F.lines(path)
    lines[1] = #"{"uid": "x", "#
    F.write(path, lines.joined(separator: "\n"))
    let (reports, errors) = try readAll(path)
    #expect(errors.map(\.location) == [path + ":2"])
    #expect(errors.first?.reason.hasPrefix("not valid JSON (at byte 13") == true, "\(errors)")
    #expect(reports.map(\.report.uid) == ["emoji-crlf"])
  }

  @Test(arguments: [
    NativeBadCase(1, ["format"], "brat", ":1", #""format" is "brat", not "hashiya-export""#),
    NativeBadCase(1, ["version"], 2, ":1", "version 2 is not one this Hashiya reads"),
    NativeBadCase(1, ["version"], "1", ":1", #""version" must be an integer"#),
    NativeBadCase(1, ["project", "gold"], nil, ":1", #"missing "gold""#),
    NativeBadCase(1, ["offsets"], ["utf32"], ":1", #""offsets" may list"#),
    NativeBadCase(
      1, ["schemas", 0, "labels"], [], ":1 schema 1", #"malformed schema: "labels" must be a non-empty array"#),
  ])
  func aBadHeaderStopsTheFile(bad: NativeBadCase) throws {
    let path = try jsonl(editing: 1) { Self.set(&$0, bad.path, bad.value) }
    let (reports, errors) = try readAll(path)
    #expect(errors.map(\.location) == [path + bad.location])
    #expect(errors.first?.reason.hasPrefix(bad.reason) == true, "\(errors)")
    #expect(reports.isEmpty)
    #expect(throws: FormatError.self) { _ = try NativeReader.readHeader(path: path) }
  }

  @Test func jsonDocumentErrorsNameTheReportAndAnnotation() throws {
    let path = try F.export([F.seedBundle(id: 1), F.emojiBundle(id: 2)], format: .json)
    var document = try F.json(path)
    Self.set(&document, ["reports", 1, "annotations", 0, "quote"], "wrong")
    Self.set(&document, ["reports", 0, "language"], 7)
    F.write(path, JSONWriter.string(document, pretty: true))
    let (reports, errors) = try readAll(path)
    #expect(errors.map(\.location) == [path + ": report 1", path + ": report 2 annotation 1"])
    #expect(
      errors.map(\.reason) == [
        #""language" must be a string"#,
        #""quote" does not match the text at \#(F.scalarRange(of: "المدير", in: F.emojiText))"#,
      ])
    #expect(reports.isEmpty)
  }

  @Test func aJSONDocumentThatDoesNotParseIsLocatedByLine() throws {
    let path = F.temporaryPath("broken.json")
    F.write(path, "{\n  \"format\": \"hashiya-export\",\n  \"version\": 1,,\n}")
    let (_, errors) = try readAll(path)
    #expect(errors.map(\.location) == [path + ":3"])
    #expect(errors.first?.reason.hasPrefix("not valid JSON") == true)
  }

  @Test func aThrowingOnBadRecordStopsTheRead() throws {
    let path = try jsonl(editing: 2) { Self.set(&$0, ["uid"], 5) }
    var delivered = 0
    #expect(throws: FormatError(location: path + ":2", reason: #""uid" must be a string"#)) {
      try NativeReader.read(path: path, layer: nil, onBadRecord: { throw $0 }) { _ in delivered += 1 }
    }
    #expect(delivered == 0)
  }

  @Test func aMissingFileIsAnError() {
    #expect(throws: FormatError.self) { try readAll("/nonexistent/export.jsonl") }
  }
}

/// One corruption of an exported line and the error it must produce.
struct NativeBadCase: Sendable, CustomTestStringConvertible {
  var line: Int
  var path: [any Sendable]
  var value: JSONValue?
  var location: String
  var reason: String

  init(_ line: Int, _ path: [any Sendable], _ value: JSONValue?, _ location: String, _ reason: String) {
    self.line = line
    self.path = path
    self.value = value
    self.location = location
    self.reason = reason
  }

  var testDescription: String { "line \(line) \(path) → \(location): \(reason)" }

  /// Reads `path`, a two-report file corrupted this way: the bad report is reported with this
  /// location and reason, and the other one is still delivered.
  func expectReported(in path: String) throws {
    let (reports, errors) = try NativeFixtures.readAll(path)
    #expect(errors.count == 1)
    #expect(errors.first?.location == path + location, "\(errors)")
    #expect(errors.first?.reason.hasPrefix(reason) == true, "\(errors)")
    #expect(reports.count == 1)
  }
}
