/// The command line before the cursor as completion reads it: the words of the command being
/// typed and the word at the cursor, which may be inside a quote not yet closed.
///
/// Unlike `CommandLexer`, it accepts any unfinished line and never throws.
struct CompletionLine {
  /// The words of the command before the cursor's word, as typed (quoted ones with their quotes).
  private(set) var words: [String] = []
  /// The word at the cursor; inside a quote, the text after the opening quote.
  private(set) var word = ""
  /// The quote that would close `word`, when the cursor is inside a quote.
  private(set) var closingQuote: Unicode.Scalar?
  /// What the cursor's word holds before the opening quote: `role=` in `role="…`.
  private(set) var beforeQuote = ""

  init(_ line: String) {
    var current = String.UnicodeScalarView()
    var quoteStart = 0
    var escaped = false
    for scalar in line.unicodeScalars {
      if let closing = closingQuote {
        current.append(scalar)
        if escaped {
          escaped = false
        } else if scalar == "\\" {
          escaped = true
        } else if scalar == closing {
          closingQuote = nil
        }
      } else if CommandLexer.isSeparator(scalar) {
        words = []
        current = String.UnicodeScalarView()
      } else if scalar.properties.isWhitespace {
        if !current.isEmpty { words.append(String(current)) }
        current = String.UnicodeScalarView()
      } else {
        if let closing = CommandLexer.closingQuote(scalar), current.isEmpty || current.last == "=" {
          closingQuote = closing
          beforeQuote = String(current)
          quoteStart = current.count + 1
        }
        current.append(scalar)
      }
    }
    word = String(closingQuote == nil ? current : String.UnicodeScalarView(current.dropFirst(quoteStart)))
  }

  /// The command's name, once it is typed.
  var command: String? { words.first }
  /// The words after the command's name.
  var arguments: ArraySlice<String> { words.dropFirst() }
  /// The word at the cursor as the command will read it, with `\"` and `\\` escapes undone.
  var unescapedWord: String {
    guard closingQuote != nil else { return word }
    var out = String.UnicodeScalarView()
    var escaped = false
    for scalar in word.unicodeScalars {
      if !escaped && scalar == "\\" {
        escaped = true
        continue
      }
      escaped = false
      out.append(scalar)
    }
    return String(out)
  }
}
