import AnnotatorKit
import HashiyaAnnotating

/// Argument helpers shared by the annotating commands.
extension Arguments {
  /// Consumes an annotation handle, `#12` or `12`.
  mutating func takeHandle(_ what: String = "annotation") throws(CommandError) -> Int {
    guard let word = try takePositional() else {
      throw .usage(command: command, message: "name the \(what) by its handle, like #12")
    }
    guard let handle = Handle.parse(word) else {
      throw .usage(command: command, message: "\"\(word)\" is not a handle like #12")
    }
    return handle
  }

  /// Consumes the next token as a SPAN.
  mutating func takeSpan() throws -> SpanSpecifier {
    guard let token = takeNext() else {
      throw CommandError.usage(command: command, message: "give a SPAN: \(SpanSpecifier.forms)")
    }
    guard let span = SpanSpecifier(token) else { throw SpanError.notASpan(token.text) }
    return span
  }

  /// Consumes a SPAN of one or more pieces joined by `+` (`"…" + "…"`, `s10.4-9 + s10.14-20`): a
  /// discontinuous span, such as a quotation the speech verb splits.
  mutating func takeSpans() throws -> [SpanSpecifier] {
    var spans = [try takeSpan()]
    while peek == .word("+") {
      _ = takeNext()
      guard !isEmpty else {
        throw CommandError.usage(command: command, message: "give the next piece of the SPAN after \"+\"")
      }
      spans.append(try takeSpan())
    }
    return spans
  }

  /// Consumes a plain word (a layer, a label, a link type).
  mutating func takeWord(_ what: String) throws(CommandError) -> String {
    guard case .word(let word)? = takeNext(), !word.hasPrefix("--") else {
      throw .usage(command: command, message: "give the \(what)")
    }
    return word
  }

  /// Consumes every remaining `key=value`; anything else left over is an error.
  mutating func takeAssignments() throws(CommandError) -> [(key: String, value: String)] {
    var pairs: [(key: String, value: String)] = []
    for token in takeAll() {
      guard case .assignment(let key, let value) = token else {
        throw .usage(command: command, message: "unexpected \"\(token.text)\" (attributes are key=value)")
      }
      pairs.append((key, value))
    }
    return pairs
  }
}
