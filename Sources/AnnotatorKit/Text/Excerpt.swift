/// The part of a user's or a file's value that a message quotes.
///
/// An error message repeats what it refuses so the reader can find it, but a refused value can be
/// a 20 MB line: beyond `limit` characters a message shows the start, an ellipsis and the length,
/// and says where the value is in other words (a byte offset, a column, a record).
public enum Excerpt {
  /// Characters a message quotes before it cuts.
  public static let limit = 80

  /// `text` itself when short, else its first `limit` characters, "…" and its length.
  public static func of(_ text: String, limit: Int = limit) -> String {
    guard let cut = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), cut < text.endIndex
    else { return text }
    return text[..<cut] + "… (\(text.unicodeScalars.count) characters)"
  }
}
