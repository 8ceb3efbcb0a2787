import AnnotatorKit

/// The unit a process plugin counts offsets in; the host converts them to scalar offsets.
public enum OffsetUnit: String, Sendable, Equatable, CaseIterable {
  /// Unicode code points (scalars): Python `str` indices, the host's own unit.
  case codepoint
  /// UTF-16 code units: JavaScript, Java and C# string indices.
  case utf16
  /// UTF-8 bytes: Go, Rust and C byte offsets.
  case utf8

  /// The scalar offset for `offset`, or nil when it lies outside the text or inside a character.
  public func scalarOffset(_ offset: Int, in text: ReportText) -> Int? {
    switch self {
    case .codepoint: return (0...text.count).contains(offset) ? offset : nil
    case .utf16: return text.scalarOffset(ofUTF16: offset)
    case .utf8: return text.scalarOffset(ofUTF8: offset)
    }
  }

  /// The length of `text` in this unit.
  public func length(of text: ReportText) -> Int {
    switch self {
    case .codepoint: return text.count
    case .utf16: return text.utf16Count
    case .utf8: return text.utf8Count
    }
  }

  /// Why an offset that is in range still cannot be converted.
  var insideCharacter: String {
    switch self {
    case .codepoint: return "is not a code point offset"
    case .utf16: return "falls inside a surrogate pair (the middle of a character outside the BMP, such as an emoji)"
    case .utf8: return "falls inside a multi-byte UTF-8 sequence"
    }
  }
}
