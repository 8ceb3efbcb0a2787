/// The numbers people type for annotations and reports: `#12` or `12`.
public enum Handle {
  /// The positive number `text` names, with or without its `#`; nil for anything else.
  public static func parse<S: StringProtocol>(_ text: S) -> Int? {
    let digits = text.hasPrefix("#") ? text.dropFirst() : text[...]
    guard let number = Int(digits), number >= 1 else { return nil }
    return number
  }
}
