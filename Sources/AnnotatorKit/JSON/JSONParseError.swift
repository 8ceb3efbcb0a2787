/// Why and where JSON input was rejected.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Byte offset into the parsed input (relative to the start of the buffer or slice given).
  public var offset: Int
  public var message: String

  public init(offset: Int, message: String) {
    self.offset = offset
    self.message = message
  }

  public var description: String { "at byte \(offset): \(message)" }
}
