import AnnotatorKit
import HashiyaAnnotating
import HashiyaModel
import HashiyaStore

/// `resize +N|-N [#ID]`, typed as just `+1` or `-1`: moves the end of the annotation just made
/// by whole words.
///
/// An annotation's span never changes in place (history and merge treat the span as what the
/// annotation is), so the old one is deleted and a new one made on the new span with the same
/// label, attributes and links, in one change that one `undo` takes back.
struct ResizeCommand: Command {
  let name = "resize"
  let synopsis = "+N|-N [#ID]"
  let summary = "move the end of the last annotation made (or #ID) by N words; +1 alone does it too"
  let details = """
    +1 after an annotation takes one more word into it, -1 gives its last word back; the
    annotation is made again on the new span, with its label, attributes and links, and
    the old one deleted. Without #ID it is the last annotation made in this session.
    undo puts the old one back.

    The same +N and -N work as a SPAN: speaker +1 tags the last span annotated and the
    word after it.

    Examples:
      speaker s4.3
      +1
      resize -1 #12
    """

  /// A line that starts with `+N` or `-N` is this command with that argument.
  static func rewriting(_ parsed: ParsedCommand) -> ParsedCommand {
    guard case .resized? = SpanSpecifier.parse(parsed.name) else { return parsed }
    return ParsedCommand(name: "resize", arguments: [.word(parsed.name)] + parsed.arguments, source: parsed.source)
  }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    guard case .resized(let words) = try arguments.takeSpan() else {
      throw CommandError.usage(command: name, message: "give the words to move the end by, like +1 or -2")
    }
    let handle = arguments.isEmpty ? nil : try arguments.takeHandle()
    try arguments.finish()
    guard let id = handle ?? session.lastAnnotation else {
      throw CommandError.usage(
        command: name, message: "no annotation made yet in this session: name one, like resize +1 #12")
    }
    let old = try session.visibleAnnotation(id)
    let text = try session.text(ofReport: old.reportID)
    // A span in pieces grows or shrinks at the end of its last piece.
    var ranges = old.ranges
    ranges[ranges.count - 1] = try SpanResolver.moving(
      end: ranges[ranges.count - 1], by: words, tokens: text.sentences.flatMap(\.tokens))
    let writer = try session.writer(old.layer)
    var attributes: [String: JSONValue] = [:]
    for (key, value) in old.attributes.pairs { attributes[key] = value }
    let draft = try writer.draft(
      label: old.label, range: ranges[0], fragments: Array(ranges.dropFirst()), reportID: old.reportID, text: text,
      attributes: attributes)
    let links = try session.store.links(touching: [old.id]).filter { $0.status == .active }
    let created = try session.change(writingTo: [old.layer]) { changes in
      try changes.delete(old.id)
      let created = try changes.add(draft)
      for link in links {
        try changes.link(
          link.type, from: link.fromID == old.id ? created.id : link.fromID,
          to: link.toID == old.id ? created.id : link.toID)
      }
      return created
    }
    session.noteAnnotated(created)
    return try AnnotationList([created], session: session, heading: "#\(created.id) replaces #\(old.id)")
  }
}
