import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// What the exchange formats (brat, Prodigy, doccano, Label Studio) share on export and import.
enum ExchangeSupport {
  /// The annotations an exchange file carries: live ones only, and only adjudicated ones for `--gold`.
  ///
  /// Tombstones are history, which none of these tools can represent.
  static func annotations(of bundle: ReportBundle, context: ExportContext) -> [Annotation] {
    bundle.annotations.filter { $0.status == .active && (!context.gold || $0.origin == "adjudicated") }
  }

  /// The live links whose both ends are among `annotations`; a link to a dropped annotation would dangle.
  static func links(of bundle: ReportBundle, between annotations: [Annotation]) -> [AnnotationLink] {
    let kept = Set(annotations.map(\.id))
    return bundle.links.filter { $0.status == .active && kept.contains($0.fromID) && kept.contains($0.toID) }
  }

  /// The annotations of one exchange record: one annotator's own, or the adjudicated (gold) ones.
  struct AnnotatorRecord {
    var author: String
    /// Adjudicated annotations are a record apart, never mixed into their adjudicator's own work.
    var gold: Bool
    var annotations: [Annotation]
  }

  /// `annotations` as one record per annotator, in order of first appearance, with each
  /// adjudicator's adjudicated annotations in a gold record of their own.
  static func records(_ annotations: [Annotation]) -> [AnnotatorRecord] {
    var records: [AnnotatorRecord] = []
    for annotation in annotations {
      let gold = annotation.origin == adjudicatedOrigin
      if let index = records.firstIndex(where: { $0.author == annotation.author && $0.gold == gold }) {
        records[index].annotations.append(annotation)
      } else {
        records.append(AnnotatorRecord(author: annotation.author, gold: gold, annotations: [annotation]))
      }
    }
    return records
  }

  /// The origin of an adjudicated annotation, which a gold record's annotations get back on import.
  static let adjudicatedOrigin = "adjudicated"
  /// The field (a Prodigy task's, a doccano record's, a Label Studio task's data) that marks
  /// adjudicated annotations, which the tools themselves have no way to say.
  static let goldField = "hashiya_gold"

  /// The path of a file named `name` in the folder of `path`, where an export writes its schema
  /// and an import looks for one.
  static func besidePath(_ path: String, named name: String) -> String {
    ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
  }

  /// The schema file a reader should use: `--schema`, else `name` beside the data when it exists.
  static func schemaFile(for path: String, request: ReadRequest, named name: String) -> String? {
    if let given = request.schemaPath { return given }
    let beside = besidePath(path, named: name)
    return FileManager.default.fileExists(atPath: beside) ? beside : nil
  }

  /// Finishes a file or standard output export and, for a file, writes `text` (the tool's label
  /// configuration) whole to `name` beside it, listing both.
  static func finish(
    _ output: inout ExportOutput, trailer: String? = nil, beside name: String, text: String, project: String?
  ) throws -> ExportSummary {
    var summary = try output.finish(trailer: trailer)
    guard output.path != "-" else { return summary }
    let path = besidePath(output.path, named: name)
    let sink = try OutputSink(path: path, project: project)
    try sink.write(text)
    try sink.close()
    summary.files.append(path)
    return summary
  }

  /// A report for the store from what an exchange file says; missing title and language are guessed
  /// the way a plain-text import guesses them.
  static func newReport(text: String, title: String?, uid: String?) -> NewReport {
    var report = NewReport(
      uid: uid?.isEmpty == false ? uid : nil, title: title ?? "", text: text,
      language: LanguageGuess.guess(text: text, fileName: nil))
    if report.title.isEmpty { report.title = TextReportReader.firstLine(of: text) }
    return report
  }

  /// The whole file as UTF-8 text, or a `FormatError` naming it.
  static func readText(path: String) throws(FormatError) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw FormatError(location: path, reason: "cannot read the file")
    }
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    switch UTF8Validation.decode(bytes) {
    case .success(let text): return text
    case .failure(let failure):
      throw FormatError(location: path, reason: "invalid UTF-8 at byte \(failure.byteOffset)")
    }
  }

  /// Calls `body` with each non-blank line of a JSON Lines file parsed as an object, and its `file:line`.
  ///
  /// A line that is not a JSON object goes to `onBadRecord`, like any other bad record.
  static func forEachObjectLine(
    path: String, onBadRecord: (FormatError) throws -> Void, _ body: (JSONObject, String) throws -> Void
  ) throws {
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw FormatError(location: path, reason: "cannot read the file")
    }
    defer { try? handle.close() }
    let name = (path as NSString).lastPathComponent
    try LineReader(handle: handle).forEachLine { raw, number, _ in
      var line = raw
      if number == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = UnsafeRawBufferPointer(rebasing: line[3...]) }
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
      let location = "\(name):\(number)"
      let object: JSONObject
      do {
        guard case .object(let parsed) = try JSONParser.parse(line) else {
          try onBadRecord(FormatError(location: location, reason: "each line must be a JSON object"))
          return
        }
        object = parsed
      } catch let error as JSONParseError {
        try onBadRecord(FormatError(location: location, reason: "not valid JSON (\(error.description))"))
        return
      }
      try body(object, location)
    }
  }

  /// The layer for labels read from a file without layers, or the error that asks for `--layer`.
  static func requireLayer(_ layer: String?, format: String, location: String) throws(FormatError) -> String {
    guard let layer, !layer.isEmpty else {
      throw FormatError(
        location: location,
        reason: "\(format) files have no layers: name the layer these labels belong to with --layer")
    }
    return layer
  }

  /// The text a scalar range covers, or why the range cannot be used on this text.
  static func quote(_ range: TextRange, in text: ReportText) throws(FormatError) -> String {
    guard range.fits(in: text.count) else {
      throw FormatError(
        location: "", reason: "offsets \(range.start)..\(range.end) fall outside the text (0..\(text.count))")
    }
    return text.substring(range)
  }

  /// An integer member, or the reason it is missing or mistyped.
  static func int(_ object: JSONObject, _ key: String) throws(FormatError) -> Int {
    guard let value = object[key] else { throw FormatError(location: "", reason: "missing \"\(key)\"") }
    guard let int = value.intValue else { throw FormatError(location: "", reason: "\"\(key)\" must be an integer") }
    return int
  }

  /// A string member, or the reason it is missing or mistyped.
  static func string(_ object: JSONObject, _ key: String) throws(FormatError) -> String {
    guard let value = object[key] else { throw FormatError(location: "", reason: "missing \"\(key)\"") }
    guard let string = value.stringValue else { throw FormatError(location: "", reason: "\"\(key)\" must be a string") }
    return string
  }

  /// A key that identifies a record within a file: strings as they are, integers spelled out.
  static func idKey(_ value: JSONValue?) -> String? {
    switch value {
    case .string(let s): return s
    case .int(let i): return String(i)
    default: return nil
    }
  }
}
