import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// Reads one plain-text report, with an optional JSON sidecar (`name.json` beside `name.txt`).
enum TextReportReader {
  static let extensions: Set<String> = ["txt", "text", "md"]

  /// Decodes `bytes` as a report; `path` names it in errors and supplies the language hint.
  static func report(from bytes: [UInt8], path: String, sidecar: JSONObject?) throws(ImportError) -> NewReport {
    guard !bytes.isEmpty else { throw .emptyFile(path: path) }
    if bytes.prefix(8192).contains(0) { throw .binaryFile(path: path) }
    let (body, hadBOM) = Self.strippingBOM(bytes)
    let text: String
    switch UTF8Validation.decode(Array(body)) {
    case .success(let decoded): text = decoded
    case .failure(let failure): throw .invalidUTF8(path: path, byteOffset: failure.byteOffset + (hadBOM ? 3 : 0))
    }
    guard text.contains(where: { !$0.isWhitespace }) else { throw .emptyFile(path: path) }
    // The first 8 KiB were checked for NUL bytes above; one further in would be stored cut short.
    if let offset = NULCheck.firstNUL(in: text) {
      let line = 1 + text.unicodeScalars.prefix(offset).lazy.filter { $0 == "\n" }.count
      throw .nulCharacter(path: path, line: line, reason: NULCheck.Found(field: "text", offset: offset).reason)
    }
    let fileName = (path as NSString).lastPathComponent
    var report = NewReport(
      title: firstLine(of: text), text: text,
      language: LanguageGuess.guess(text: text, fileName: path == "-" ? nil : fileName),
      source: path == "-" ? nil : fileName, hadBOM: hadBOM)
    if let sidecar {
      try ReportFields.apply(sidecar, to: &report, path: path, line: 1)
      if let found = NULCheck.first(in: report) {
        throw .nulCharacter(path: sidecarPath(for: path), line: 1, reason: found.reason)
      }
    }
    return report
  }

  static func strippingBOM(_ bytes: [UInt8]) -> (ArraySlice<UInt8>, Bool) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (bytes.dropFirst(3), true) }
    return (bytes[...], false)
  }

  /// The first non-blank line, trimmed and cut to a readable length.
  static func firstLine(of text: String) -> String {
    let line = text.split(whereSeparator: \.isNewline).first { $0.contains { !$0.isWhitespace } } ?? ""
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
  }

  /// The sidecar of a text file: `a/b.ar.txt` → `a/b.ar.json`.
  static func sidecarPath(for path: String) -> String {
    (path as NSString).deletingPathExtension + ".json"
  }
}
