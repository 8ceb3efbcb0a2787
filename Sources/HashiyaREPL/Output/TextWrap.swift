/// Text folded to a width at spaces, never inside a word, with a hanging indent.
///
/// Works on rendered text: colour codes and bidi isolates take no columns, and a line break
/// never leaves either open. Each line closes the isolates and colour still open at its end and
/// the next line opens them again, since a terminal orders every line as a paragraph of its own
/// and a pager may show any line first.
enum TextWrap {
  /// `text` cut into lines of at most `width` columns after a first line that starts `indent`
  /// columns in; later lines are indented by `indent` spaces. Runs of spaces fold to one.
  static func wrap(_ text: String, width: Int, indent: Int) -> String {
    let words = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    return hanging(words, width: max(width, indent + 20), indent: indent).joined(separator: "\n")
  }

  /// `body` as the rest of a line that starts `indent` columns in, folded to `width` columns:
  /// the first line goes on after what precedes it, later ones are indented by `indent` spaces.
  static func hanging(_ body: String, width: Int, indent: Int) -> [String] {
    let folded = lines(body, width: width - indent)
    let pad = String(repeating: " ", count: indent)
    return [folded.first ?? ""] + folded.dropFirst().map { pad + $0 }
  }

  /// `text` as lines of at most `width` display columns, broken at spaces (the space at a
  /// break is dropped) and at its own line breaks. Only a word wider than a whole line is cut,
  /// between its characters.
  static func lines(_ text: String, width: Int) -> [String] {
    guard width > 0, text.contains(where: { $0 == " " || $0 == "\n" }) || DisplayWidth.of(text) > width else {
      return [text]
    }
    var layout = Layout(width: width)
    for unit in Unit.split(text) { layout.add(unit) }
    return layout.finish()
  }

  /// Folds every line of `text` wider than `width`, indenting its continuations past the
  /// line's own indentation: the last word of defence against output wider than the terminal.
  static func fit(_ text: String, width: Int?) -> String {
    guard let width, width > 0 else { return text }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard lines.contains(where: { DisplayWidth.of(String($0)) > width }) else { return text }
    return lines.map { line -> String in
      let line = String(line)
      guard DisplayWidth.of(line) > width else { return line }
      let leading = line.prefix { $0 == " " }.count
      // The first piece has at least the room of the others, since the indent is the larger.
      let folded = hanging(String(line.dropFirst(leading)), width: width, indent: min(leading + 4, width / 2))
      return String(repeating: " ", count: leading) + folded.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// A piece of rendered text as layout sees it.
  enum Unit {
    /// A grapheme that is displayed, with its width in columns.
    case character(String, width: Int)
    /// A space: where a line may break.
    case space
    case lineBreak
    /// A colour code: no width, and its effect lasts until a reset.
    case escape(String)
    /// A bidi isolate's opening (FSI, LRI, RLI) or closing (PDI).
    case isolateOpen(Unicode.Scalar)
    case isolateClose

    /// Splits rendered text into units, keeping each escape sequence whole.
    static func split(_ text: String) -> [Unit] {
      var units: [Unit] = []
      var plain = ""
      func flushPlain() {
        for character in plain {
          switch character {
          case " ": units.append(.space)
          case "\n": units.append(.lineBreak)
          case "\u{2066}", "\u{2067}", "\u{2068}":
            units.append(.isolateOpen(character.unicodeScalars.first ?? BidiIsolation.fsi))
          case "\u{2069}": units.append(.isolateClose)
          default: units.append(.character(String(character), width: DisplayWidth.of(String(character))))
          }
        }
        plain = ""
      }
      var copy = text
      copy.withUTF8 { bytes in
        var i = 0
        var start = 0
        while i < bytes.count {
          if let length = TextStyle.escapeSequenceLength(bytes, at: i) {
            plain += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
            flushPlain()
            units.append(
              .escape(String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + length)]), as: UTF8.self)))
            i += length
            start = i
          } else {
            i += 1
          }
        }
        plain += String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)
      }
      flushPlain()
      return units
    }
  }

  /// Greedy line filling that carries open isolates and colour across breaks.
  struct Layout {
    let width: Int
    var lines: [String] = []
    /// The line being filled, without the word being read.
    var line = ""
    var lineWidth = 0
    /// Whether `line` shows anything yet (it may hold only what reopens the state).
    var lineHasText = false
    /// The word being read (no spaces), with its width, and the spaces before it.
    var word = ""
    var wordWidth = 0
    var pendingSpaces = 0
    /// The state at the end of `line` and at the end of `word`.
    var lineState = State()
    var wordState = State()

    /// The isolates open and the colour codes in effect.
    struct State {
      var isolates: [Unicode.Scalar] = []
      var colours: [String] = []

      /// What reopens this state at the start of a line.
      var opening: String {
        String(String.UnicodeScalarView(isolates)) + colours.joined()
      }
      /// What closes this state at the end of a line.
      var closing: String {
        (colours.isEmpty ? "" : "\u{1B}[0m") + String(repeating: "\u{2069}", count: isolates.count)
      }
    }

    init(width: Int) {
      self.width = width
    }

    mutating func add(_ unit: Unit) {
      switch unit {
      case .character(let text, let columns):
        if wordWidth + columns > width && wordWidth > 0 {
          // A word wider than a whole line: it starts a line of its own and is cut there,
          // between characters.
          if lineHasText { breakLine() }
          line += word
          lineState = wordState
          word = ""
          wordWidth = 0
          breakLine()
        }
        word += text
        wordWidth += columns
      case .space:
        placeWord()
        pendingSpaces += 1
      case .lineBreak:
        placeWord()
        breakLine()
      case .escape(let sequence):
        word += sequence
        if sequence == "\u{1B}[0m" { wordState.colours = [] } else { wordState.colours.append(sequence) }
      case .isolateOpen(let scalar):
        word.unicodeScalars.append(scalar)
        wordState.isolates.append(scalar)
      case .isolateClose:
        word += "\u{2069}"
        if !wordState.isolates.isEmpty { wordState.isolates.removeLast() }
      }
    }

    /// Puts the word read so far on the line, or on a new line when it does not fit.
    mutating func placeWord() {
      guard !word.isEmpty || pendingSpaces > 0 else { return }
      // Spaces before nothing visible (the end, a closing isolate) never push a line over.
      if wordWidth == 0 { pendingSpaces = min(pendingSpaces, max(0, width - lineWidth)) }
      if lineWidth + pendingSpaces + wordWidth > width && lineHasText && wordWidth > 0 {
        breakLine()
        pendingSpaces = 0
      }
      line += String(repeating: " ", count: pendingSpaces) + word
      lineWidth += pendingSpaces + wordWidth
      lineHasText = lineHasText || pendingSpaces + wordWidth > 0
      lineState = wordState
      pendingSpaces = 0
      word = ""
      wordWidth = 0
    }

    /// Ends the line, closing what is open, and starts the next one reopening it.
    mutating func breakLine() {
      lines.append(line + lineState.closing)
      line = lineState.opening
      lineWidth = 0
      lineHasText = false
      pendingSpaces = 0
    }

    mutating func finish() -> [String] {
      placeWord()
      lines.append(line)
      return lines
    }
  }
}
