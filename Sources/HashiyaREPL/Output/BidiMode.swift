/// When output carries bidi isolates around text runs (`--bidi`).
public enum BidiMode: String, Sendable, CaseIterable {
  /// Only when writing to a terminal, which needs them to order Arabic and Latin runs.
  case auto
  /// Always, for a bidi-aware viewer of a file.
  case always
  /// Never: plain text for pipes, `grep` and files.
  case never
}
