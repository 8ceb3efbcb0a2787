/// A record in an annotated file that cannot be imported: where it is and why.
public struct FormatError: Error, Equatable, CustomStringConvertible {
  /// `file:line`, `file.ann:T3`, or the file alone.
  public var location: String
  public var reason: String

  public init(location: String, reason: String) {
    self.location = location
    self.reason = reason
  }

  public var description: String { "\(location): \(reason)" }
}
