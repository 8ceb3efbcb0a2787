/// Why a regular expression from a user or a plugin cannot be used.
public enum RegexError: Error, Equatable, CustomStringConvertible {
  case invalid(pattern: String, reason: String)
  case unknownFlag(pattern: String, flag: Character)
  /// The search ran past its time limit, as catastrophic backtracking does.
  case tooExpensive(pattern: String, limit: Duration)

  public var description: String {
    switch self {
    case .invalid(let pattern, let reason):
      return "invalid regular expression \(Self.shown(pattern)): \(reason)"
    case .unknownFlag(let pattern, let flag):
      let known = BoundedRegex.knownFlags.map(String.init).joined(separator: ", ")
      return "invalid regular expression \(Self.shown(pattern)): unknown flag \"\(flag)\" (use \(known))"
    case .tooExpensive(let pattern, let limit):
      return "pattern too expensive: \(Self.shown(pattern)) (gave up after \(Self.seconds(limit)) s)"
    }
  }

  private static func shown(_ pattern: String) -> String {
    "/" + Excerpt.of(pattern) + "/"
  }

  private static func seconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    if attoseconds == 0 { return String(seconds) }
    return String(Double(seconds) + Double(attoseconds) / 1e18)
  }
}
