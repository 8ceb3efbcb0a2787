/// Terminal styling that switches itself off when colour is unwanted.
public struct TextStyle: Sendable {
  public var colour: Bool

  public init(colour: Bool) { self.colour = colour }

  /// Colour only on a terminal and only when `NO_COLOR` is unset (https://no-color.org).
  public static func detect(isTerminal: Bool, environment: [String: String]) -> TextStyle {
    let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    return TextStyle(colour: isTerminal && !noColour && environment["TERM"] != "dumb")
  }

  public func bold(_ s: String) -> String { wrap(s, "1") }
  public func dim(_ s: String) -> String { wrap(s, "2") }
  public func red(_ s: String) -> String { wrap(s, "31") }
  public func green(_ s: String) -> String { wrap(s, "32") }
  public func yellow(_ s: String) -> String { wrap(s, "33") }
  public func cyan(_ s: String) -> String { wrap(s, "36") }
  /// Colours text by a schema colour name (red, green, yellow, blue, magenta, cyan).
  public func colour(_ name: String, _ s: String) -> String {
    let codes = ["red": "31", "green": "32", "yellow": "33", "blue": "34", "magenta": "35", "cyan": "36"]
    return wrap(s, codes[name] ?? "36")
  }

  /// Marks a match inside running text: reverse video in colour, ⟦brackets⟧ without.
  public func highlight(_ s: String) -> String {
    colour ? wrap(s, "7") : "⟦" + s + "⟧"
  }

  private func wrap(_ s: String, _ code: String) -> String {
    colour ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
  }
}
