import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Reads Hashiya's native export back, `json` or `jsonl` (told apart by the first line), for
/// import and round trips.
///
/// A `jsonl` file is streamed line by line; a `json` document is read into memory whole. Each
/// report is checked on its own, and one that cannot be read goes to `onBadRecord` with its
/// location: `file:12` or `file:12 annotation 2` for JSONL, `file: report 3 annotation 2` for JSON.
public enum NativeReader: AnnotatedFileReader {
  /// Reads the reports; `layer` is ignored, as every annotation names its own layer.
  public static func read(
    path: String, request: ReadRequest, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws {
    try read(path: path, onHeader: { _ in }, onBadRecord: onBadRecord, body)
  }

  /// Reads the header, then the reports; `onHeader` runs before the first report, so the importer
  /// can register the schemas the annotations need.
  ///
  /// A header that cannot be read goes to `onBadRecord`, and then nothing more is read: without it
  /// no report of the file can be trusted.
  public static func read(
    path: String, onHeader: (NativeHeader) throws -> Void, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws {
    switch try kind(path: path) {
    case .json: try readDocument(path: path, onHeader: onHeader, onBadRecord: onBadRecord, body)
    case .jsonl: try readLines(path: path, onHeader: onHeader, onBadRecord: onBadRecord, body)
    }
  }

  /// The header alone: the project and the layer schemas. For `json` this parses the whole document.
  public static func readHeader(path: String) throws -> NativeHeader {
    var found: NativeHeader?
    switch try kind(path: path) {
    case .json:
      let object = try documentObject(path: path)
      found = try NativeHeader(object: object, location: path)
    case .jsonl:
      let handle = try open(path)
      defer { try? handle.close() }
      try LineReader(handle: handle).forEachLine { line, number, _ in
        guard found == nil else { return }
        found = try header(line: line, number: number, path: path)
      }
    }
    guard let found else { throw FormatError(location: path, reason: "the file is empty") }
    return found
  }

  /// Which of the two native layouts a file has.
  public enum Kind: Sendable, Equatable {
    case json, jsonl
  }

  /// `jsonl` when the first line is a header object (`"kind": "header"`), otherwise `json`.
  public static func kind(path: String) throws -> Kind {
    let handle = try open(path)
    defer { try? handle.close() }
    var first: [UInt8] = []
    while first.firstIndex(of: 0x0A) == nil, let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
      first.append(contentsOf: chunk)
    }
    let line = first.prefix { $0 != 0x0A }
    let header = line.withUnsafeBytes { try? JSONParser.parse(withoutBOM($0)) }
    return header?["kind"]?.stringValue == "header" ? .jsonl : .json
  }

  // MARK: JSON Lines

  private static func readLines(
    path: String, onHeader: (NativeHeader) throws -> Void, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws {
    let handle = try open(path)
    defer { try? handle.close() }
    var headerRead = false
    // A bad header ends the read; LineReader has no early exit, so the remaining lines are skipped.
    var stopped = false
    try LineReader(handle: handle).forEachLine { line, number, bytesRead in
      guard !stopped else { return }
      if !headerRead {
        headerRead = true
        do {
          try onHeader(try header(line: line, number: number, path: path))
        } catch let error as FormatError {
          stopped = true
          try onBadRecord(error)
        }
        return
      }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
      let location = "\(path):\(number)"
      let imported: ImportedReport
      do throws(FormatError) {
        let object = try lineObject(line, location: location)
        if object["kind"] != nil { throw FormatError(location: location, reason: "only the first line is a header") }
        imported = try NativeReportDecoder.decode(NativeFields(object, location: location))
      } catch {
        try onBadRecord(error)
        return
      }
      var read = imported
      read.bytesRead = bytesRead
      try body(read)
    }
  }

  private static func header(line: UnsafeRawBufferPointer, number: Int, path: String) throws(FormatError)
    -> NativeHeader
  {
    let location = "\(path):\(number)"
    return try NativeHeader(object: try lineObject(withoutBOM(line), location: location), location: location)
  }

  private static func lineObject(_ line: UnsafeRawBufferPointer, location: String) throws(FormatError) -> JSONObject {
    let value: JSONValue
    do {
      value = try JSONParser.parse(line)
    } catch {
      throw FormatError(location: location, reason: "not valid JSON (\(error.description))")
    }
    guard let object = value.objectValue else {
      throw FormatError(location: location, reason: "each line must be a JSON object")
    }
    return object
  }

  // MARK: JSON document

  private static func readDocument(
    path: String, onHeader: (NativeHeader) throws -> Void, onBadRecord: (FormatError) throws -> Void,
    _ body: (ImportedReport) throws -> Void
  ) throws {
    let object: JSONObject
    let reports: [JSONValue]
    do {
      object = try documentObject(path: path)
      try onHeader(try NativeHeader(object: object, location: path))
      guard let list = object["reports"]?.arrayValue else {
        throw FormatError(location: path, reason: "\"reports\" must be an array")
      }
      reports = list
    } catch let error as FormatError {
      try onBadRecord(error)
      return
    }
    for (index, value) in reports.enumerated() {
      let location = "\(path): report \(index + 1)"
      let imported: ImportedReport
      do throws(FormatError) {
        guard let report = value.objectValue else { throw FormatError(location: location, reason: "must be an object") }
        imported = try NativeReportDecoder.decode(NativeFields(report, location: location))
      } catch {
        try onBadRecord(error)
        continue
      }
      try body(imported)
    }
  }

  /// Parses the whole document; a syntax error is located by line, as editors count them.
  private static func documentObject(path: String) throws -> JSONObject {
    let handle = try open(path)
    defer { try? handle.close() }
    let bytes = [UInt8](try handle.readToEnd() ?? Data())
    let value: JSONValue
    do {
      value = try bytes.withUnsafeBytes { raw in
        try JSONParser.parse(withoutBOM(raw))
      }
    } catch let error as JSONParseError {
      let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
      let line = 1 + bytes.prefix(bom + error.offset).lazy.filter { $0 == 0x0A }.count
      throw FormatError(location: "\(path):\(line)", reason: "not valid JSON (\(error.description))")
    }
    guard let object = value.objectValue else {
      throw FormatError(location: path, reason: "a Hashiya export must be a JSON object")
    }
    return object
  }

  // MARK: Files

  private static func open(_ path: String) throws -> FileHandle {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw FormatError(location: path, reason: "cannot open the file")
    }
    return handle
  }

  private static func withoutBOM(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? UnsafeRawBufferPointer(rebasing: bytes[3...]) : bytes
  }
}
