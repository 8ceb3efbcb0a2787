import AnnotatorKit
import Foundation

/// Reads a user glossary: UTF-8 TSV lines `term<TAB>translation[<TAB>kind]`, `#` comments.
enum GlossaryFile {
  static func load(path: String) throws(GlossaryError) -> [GlossaryEntry] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GlossaryError(path: path, reason: "cannot read the file")
    }
    let string: String
    switch UTF8Validation.decode([UInt8](data)) {
    case .success(let decoded): string = decoded
    case .failure(let error):
      throw GlossaryError(path: path, reason: "not UTF-8 (invalid byte at offset \(error.byteOffset))")
    }
    return try parse(string, path: path)
  }

  /// Parses glossary text; `path` only names the source in errors.
  static func parse(_ string: String, path: String) throws(GlossaryError) -> [GlossaryEntry] {
    var entries: [GlossaryEntry] = []
    var body = Substring(string)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    // Split on "\n" only: "\r\n" is one Character and would hide the break.
    for (index, rawLine) in body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = String(String.UnicodeScalarView(rawLine))
      if line.unicodeScalars.last == "\r" { line = String(String.UnicodeScalarView(rawLine.dropLast())) }
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      let number = index + 1
      guard fields.count == 2 || fields.count == 3 else {
        throw GlossaryError(
          path: path, line: number,
          reason: "expected term<TAB>translation[<TAB>kind], found \(fields.count) field\(fields.count == 1 ? "" : "s")"
        )
      }
      guard !fields[0].isEmpty else { throw GlossaryError(path: path, line: number, reason: "the term is empty") }
      guard !fields[1].isEmpty else {
        throw GlossaryError(path: path, line: number, reason: "the translation is empty")
      }
      var kind = GlossaryEntry.Kind.gloss
      if fields.count == 3, !fields[2].isEmpty {
        guard let parsed = GlossaryEntry.Kind(rawValue: fields[2]) else {
          let allowed = GlossaryEntry.Kind.allCases.map(\.rawValue).joined(separator: ", ")
          throw GlossaryError(path: path, line: number, reason: "unknown kind \"\(fields[2])\" (\(allowed))")
        }
        kind = parsed
      }
      entries.append(GlossaryEntry(term: fields[0], translation: fields[1], kind: kind))
    }
    return entries
  }
}
