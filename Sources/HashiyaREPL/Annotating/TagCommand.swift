import AnnotatorKit
import HashiyaAnnotating
import HashiyaModel
import HashiyaStore

/// `tag LAYER LABEL SPAN [k=v…]`: the generic way to annotate, for any layer.
struct TagCommand: Command {
  let completion = CompletionKind.tag
  let name = "tag"
  let synopsis = "LAYER LABEL|KEY SPAN [key=value…]"
  let summary = "annotate a span of the current report with a layer's label"
  let details = """
    SPAN is one of:
      "exact text"   matched ignoring diacritics, tatweel and alef forms; "text"#2 for the 2nd
      /regex/        a regular expression on the original text
      s3             sentence 3;  s3.4-7  tokens 4 to 7 of sentence 3 (see show --tokens)
      A + B          a span in pieces, such as a quotation «قال» splits: "…" + "…"
      120..131       Unicode scalar offsets, half-open
      @              the last find result (@2: its second match)
    LABEL may be given by its one-key shortcut, where the layer's schema declares one.
    Attributes are checked against the layer's schema (see "plugin info LAYER").

    Examples:
      tag speaker-tagging speaker "كيفين كويثي" role="نائب قائد العمليات"
      tag claim-labeling claim s7 type=statistical checkworthiness=5
    """
  let takesPatterns = true

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let layer = try arguments.takeWord("layer")
    let writer = try session.writer(layer)
    // A label's one-key shortcut stands for it: `tag gazetteer o "…"`.
    let label = writer.label(try arguments.takeWord("label"))
    return try AnnotateCommand.annotate(
      writer, label: label, arguments: &arguments, session: session, link: nil, textAttribute: nil)
  }
}

/// A command a plugin declares (`speaker SPAN …`, `quote SPAN by #ID`, `note SPAN "…"`), run by the core.
struct AnnotateCommand: Command {
  let layer: String
  let declared: AnnotatorCommand

  var name: String { declared.name }
  var synopsis: String { declared.synopsis }
  var summary: String { declared.summary + " (\(layer))" }
  var details: String { declared.details }
  let takesPatterns = true
  var completion: CompletionKind {
    switch declared.form {
    case .span(let label), .spanWithText(let label, _): .span(layer: layer, label: label, keyword: nil)
    case .spanLinkedTo(let label, let keyword, _): .span(layer: layer, label: label, keyword: keyword)
    }
  }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    switch declared.form {
    case .span(let label):
      return try Self.annotate(
        try session.writer(layer), label: label, arguments: &arguments, session: session, link: nil, textAttribute: nil)
    case .spanLinkedTo(let label, let keyword, let linkType):
      return try Self.annotate(
        try session.writer(layer), label: label, arguments: &arguments, session: session, link: (keyword, linkType),
        textAttribute: nil)
    case .spanWithText(let label, let attribute):
      return try Self.annotate(
        try session.writer(layer), label: label, arguments: &arguments, session: session, link: nil,
        textAttribute: attribute)
    }
  }

  /// Reads SPAN, the optional link or text argument and attributes, then writes one annotation.
  static func annotate(
    _ writer: AnnotationWriter, label: String, arguments: inout Arguments, session: Session,
    link: (keyword: String, type: String)?, textAttribute: String?
  ) throws -> any CommandOutput {
    let report = try session.report(nil)
    let text = session.text(of: report)
    let spans = try arguments.takeSpans()
    var linkTarget: Int?
    if let link {
      let keyword = arguments.takeNext()
      guard keyword == .word(link.keyword) || keyword.map({ ArabicKeyboard.latin($0.text) }) == link.keyword else {
        throw CommandError.usage(command: arguments.command, message: "expected \"\(link.keyword) #ID\" after the SPAN")
      }
      linkTarget = try arguments.takeHandle()
    }
    var textValue: String?
    if textAttribute != nil {
      guard case .quoted(let value, _)? = arguments.takeNext() else {
        throw CommandError.usage(command: arguments.command, message: "give the text in quotes after the SPAN")
      }
      textValue = value
    }
    let typed = try arguments.takeAssignments()
    var attributes: [String: JSONValue] = [:]
    if let textAttribute, let textValue { attributes[textAttribute] = .string(textValue) }
    let resolver = SpanResolver(
      text: text, reportID: report.id, lastFind: session.lastFind, lastSpan: session.lastSpan)
    let ranges = try spans.map { span throws(SpanError) in try resolver.resolve(span) }.sorted()
    let draft = try writer.draft(
      label: label, range: ranges[0], fragments: Array(ranges.dropFirst()), reportID: report.id, text: text,
      attributes: attributes, typed: typed)
    var target: Annotation?
    if let linkTarget, let link {
      let found = try session.visibleAnnotation(linkTarget)
      try writer.checkLink(link.type, label: label, reportID: report.id, to: found)
      target = found
    }
    let created = try session.change(writingTo: [writer.layer]) { changes in
      let created = try changes.add(draft)
      if let target, let link { try changes.link(link.type, from: created.id, to: target.id) }
      return created
    }
    session.noteAnnotated(created)
    return try AnnotationList([created], session: session)
  }
}
