import AnnotatorKit

/// Why a user glossary file cannot be read: the file, the line when there is one, and the reason.
public struct GlossaryError: Error, Equatable, CustomStringConvertible {
  public var path: String
  /// 1-based line number, or nil for problems with the file as a whole.
  public var line: Int?
  public var reason: String

  public init(path: String, line: Int? = nil, reason: String) {
    self.path = path
    self.line = line
    self.reason = reason
  }

  public var description: String {
    guard let line else { return "\(path): \(reason)" }
    return "\(path):\(line): \(reason)"
  }
}
