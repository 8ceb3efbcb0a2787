import AnnotatorKit

/// A record in an annotated file that cannot be imported: where it is and why.
public struct FormatError: Error, Equatable, CustomStringConvertible {
  /// `file:line`, `file.ann:T3`, or the file alone.
  public var location: String
  public var reason: String

  public init(location: String, reason: String) {
    self.location = location
    self.reason = reason
  }

  /// Values in reasons are quoted as excerpts; as a last guard, a location or reason that still
  /// runs long (a value quoted whole) is cut, so a skipped-record list stays readable.
  public var description: String { "\(Excerpt.of(location, limit: 300)): \(Excerpt.of(reason, limit: 1_000))" }
}
