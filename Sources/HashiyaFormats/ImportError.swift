import AnnotatorKit

/// Everything that can be wrong with what a user asks to import; each case names where.
public enum ImportError: Error, Equatable, CustomStringConvertible {
  case notFound(path: String)
  case unreadable(path: String, reason: String)
  case invalidUTF8(path: String, byteOffset: Int)
  case binaryFile(path: String)
  case emptyFile(path: String)
  case unsupportedType(path: String)
  case noReports(path: String)
  case notJSON(path: String, line: Int, detail: String)
  case missingField(path: String, line: Int, field: String)
  case wrongType(path: String, line: Int, field: String, expected: String)
  /// A string holds U+0000, which reads back cut short; `reason` names the field and offset.
  case nulCharacter(path: String, line: Int, reason: String)
  case stdinIsCommandStream

  public var description: String {
    switch self {
    case .notFound(let path):
      return "\(path): no such file or directory"
    case .unreadable(let path, let reason):
      return "\(path): cannot read (\(reason))"
    case .invalidUTF8(let path, let byteOffset):
      return "\(path): invalid UTF-8 at byte \(byteOffset)"
    case .binaryFile(let path):
      return "\(path): a binary file, not text"
    case .emptyFile(let path):
      return "\(path): the file is empty"
    case .unsupportedType(let path):
      return "\(path): unsupported file type (expected .txt, .md or .jsonl)"
    case .noReports(let path):
      return "\(path): no readable reports (.txt, .md or .jsonl) in this directory"
    case .notJSON(let path, let line, let detail):
      return "\(path):\(line): not valid JSON (\(detail))"
    case .missingField(let path, let line, let field):
      return "\(path):\(line): missing \"\(Excerpt.of(field))\""
    case .wrongType(let path, let line, let field, let expected):
      return "\(path):\(line): \"\(Excerpt.of(field))\" must be \(expected)"
    case .nulCharacter(let path, let line, let reason):
      return "\(path):\(line): \(reason)"
    case .stdinIsCommandStream:
      return "import -: standard input is carrying the commands; pass the data with -c instead"
    }
  }
}
