import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Reads reports from JSON Lines: one object per line with at least `text`.
enum JSONLReportReader {
  static let extensions: Set<String> = ["jsonl", "ndjson"]

  /// Parses one line into a report, or returns nil for a blank line.
  static func report(line: UnsafeRawBufferPointer, number: Int, path: String) throws(ImportError) -> NewReport? {
    var bytes = line
    if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
    }
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
    let value: JSONValue
    do {
      value = try JSONParser.parse(bytes)
    } catch {
      throw .notJSON(path: path, line: number, detail: error.description)
    }
    guard case .object(let record) = value else {
      throw .notJSON(path: path, line: number, detail: "each line must be a JSON object")
    }
    guard let textValue = record["text"], textValue != .null else {
      throw .missingField(path: path, line: number, field: "text")
    }
    guard case .string(var text) = textValue else {
      throw .wrongType(path: path, line: number, field: "text", expected: "a string")
    }
    var hadBOM = false
    if text.unicodeScalars.first == "\u{FEFF}" {
      text.unicodeScalars.removeFirst()
      hadBOM = true
    }
    guard text.contains(where: { !$0.isWhitespace }) else {
      throw .wrongType(path: path, line: number, field: "text", expected: "a non-empty string")
    }
    var report = NewReport(title: "", text: text, language: "", hadBOM: hadBOM)
    try ReportFields.apply(record, to: &report, path: path, line: number)
    report.text = text
    if report.title.isEmpty { report.title = TextReportReader.firstLine(of: text) }
    if report.language.isEmpty { report.language = LanguageGuess.guess(text: text, fileName: nil) }
    if let found = NULCheck.first(in: report) { throw .nulCharacter(path: path, line: number, reason: found.reason) }
    return report
  }
}
