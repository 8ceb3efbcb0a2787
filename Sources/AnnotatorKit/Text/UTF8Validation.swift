/// Decodes UTF-8 strictly, saying where the first invalid byte is.
public enum UTF8Validation {
  /// The decoded string, or the byte offset of the first invalid sequence.
  public static func decode(_ bytes: UnsafeRawBufferPointer) -> Result<String, InvalidUTF8> {
    let buffer = bytes.bindMemory(to: UInt8.self)
    if let string = String(validating: buffer, as: UTF8.self) {
      return .success(string)
    }
    return .failure(InvalidUTF8(byteOffset: firstInvalidOffset(buffer)))
  }

  public static func decode(_ bytes: [UInt8]) -> Result<String, InvalidUTF8> {
    bytes.withUnsafeBytes { decode($0) }
  }

  /// The failure of `decode`: where the bad bytes start.
  public struct InvalidUTF8: Error, Equatable {
    public var byteOffset: Int
  }

  private static func firstInvalidOffset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
    var iterator = buffer.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded):
        offset += encoded.count
      case .emptyInput:
        return offset
      case .error:
        return offset
      }
    }
  }
}
