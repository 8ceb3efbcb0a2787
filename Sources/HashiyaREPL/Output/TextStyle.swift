/// Terminal styling that switches itself off when colour is unwanted.
public struct TextStyle: Sendable {
  public var colour: Bool
  /// Whether output keeps the bidi isolates around text runs (see `BidiIsolation`).
  public var isolates: Bool
  /// The terminal's width, which text is folded to; nil when output is not a terminal, so files
  /// and pipes get whole lines.
  public var columns: Int?

  public init(colour: Bool, isolates: Bool = true, columns: Int? = nil) {
    self.colour = colour
    self.isolates = isolates
    self.columns = columns
  }

  /// Colour only on a terminal and only when `NO_COLOR` is unset (https://no-color.org);
  /// isolates as `bidi` says, on a terminal only by default, so files and pipes get plain text.
  public static func detect(isTerminal: Bool, environment: [String: String], bidi: BidiMode = .auto) -> TextStyle {
    let noColour = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
    let isolates =
      switch bidi {
      case .auto: isTerminal
      case .always: true
      case .never: false
      }
    return TextStyle(colour: isTerminal && !noColour && environment["TERM"] != "dumb", isolates: isolates)
  }

  /// Rendered text as this style prints it: without isolates when they are off.
  public func finish(_ text: String) -> String {
    isolates ? text : BidiIsolation.removingIsolates(text)
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

  /// The SGR codes `wrap` writes: reset, bold, dim, reverse video and the six colours.
  private static let ownCodes: Set<[UInt8]> = Set(
    ["0", "1", "2", "7", "31", "32", "33", "34", "35", "36"].map { Array($0.utf8) })

  /// The length of the escape sequence (`ESC [` parameters, intermediates, a final byte) that
  /// starts at `i` of `bytes`, or nil when none does: text layout steps over it whole.
  static func escapeSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
    guard bytes[i] == 0x1B, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "[") else { return nil }
    var end = i + 2
    while end < bytes.count, (0x20...0x3F).contains(bytes[end]) { end += 1 }
    guard end < bytes.count, (0x40...0x7E).contains(bytes[end]) else { return nil }
    return end + 1 - i
  }

  /// The length of the colour code this style writes that starts at `i` of `bytes`, or nil when
  /// there is none there (or colour is off), for `TerminalSafe.sanitize` to keep it.
  func ownSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
    guard colour, let length = Self.escapeSequenceLength(bytes, at: i), bytes[i + length - 1] == UInt8(ascii: "m"),
      Self.ownCodes.contains(Array(bytes[(i + 2)..<(i + length - 1)]))
    else { return nil }
    return length
  }

}
