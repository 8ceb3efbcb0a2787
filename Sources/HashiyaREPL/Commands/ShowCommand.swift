import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// `show [ID] [--tokens]`: a report's text, sentence by sentence.
struct ShowCommand: Command {
  let name = "show"
  let synopsis = "[ID] [--tokens] [--layer L] [--author A | --mine]"
  let summary = "show a report with numbered sentences (and tokens)"
  let details = """
    Without ID, shows the current report. Sentences are numbered s1, s2, …; with
    --tokens each token is numbered too, as SPANs address them (s3.4-7).
    Each sentence is wrapped in Unicode bidi isolates so Arabic and Latin runs
    keep their order. Annotations show inline as ⟦text⟧#handle in their label's colour;
    --layer L shows one layer only; --author A one annotator's marks, --mine your own.
    On a blind layer an annotator sees only their own marks (see "team").
    """
  let completion = CompletionKind.reportIDs

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let tokens = arguments.takeFlag("tokens")
    let layer = try arguments.takeOption("layer")
    let author = try arguments.takeAuthor(session)
    let id = try arguments.takeReportID()
    try arguments.finish()
    let report = try session.report(id)
    session.currentReportID = report.id
    return try ReportView(report: report, session: session, showTokens: tokens, layer: layer, author: author)
  }
}

/// A report as `show` prints it.
struct ReportView: CommandOutput {
  var report: Report
  var text: ReportText
  var showTokens: Bool
  var annotations: AnnotationList
  /// Display colour per layer/label, from the schemas.
  var colours: [String: String]

  init(report: Report, session: Session, showTokens: Bool, layer: String? = nil, author: String? = nil) throws {
    self.report = report
    self.text = session.text(of: report)
    self.showTokens = showTokens
    self.annotations = try AnnotationList(
      session.visibleAnnotations(AnnotationFilter(reportID: report.id, layer: layer, author: author)),
      session: session)
    var colours: [String: String] = [:]
    for layer in Set(annotations.entries.map(\.annotation.layer)) {
      for label in (try? session.catalog.schema(layer, store: session.store))?.labels ?? [] {
        colours[layer + "/" + label.name] = label.colour
      }
    }
    self.colours = colours
  }

  var json: JSONValue {
    .object([
      "report": ReportView.metadata(report),
      "sentences": .array(
        text.sentences.map { sentence in
          var object: JSONObject = [
            "n": .int(sentence.number), "start": .int(sentence.range.start), "end": .int(sentence.range.end),
            "text": .string(text.substring(sentence.range)),
          ]
          if showTokens {
            object["tokens"] = .array(
              sentence.tokens.enumerated().map { index, token in
                .object([
                  "n": .int(index + 1), "start": .int(token.start), "end": .int(token.end),
                  "text": .string(text.substring(token)),
                ])
              })
          }
          return .object(object)
        }),
      "annotations": annotations.json,
    ])
  }

  static func metadata(_ report: Report) -> JSONValue {
    .object([
      "id": .int(report.id), "uid": .string(report.uid), "title": .string(report.title),
      "language": .string(report.language), "source": report.source.map(JSONValue.string) ?? .null,
      "length": .int(report.length), "sha256": .string(report.sha256),
    ])
  }

  func text(_ style: TextStyle) -> String {
    var lines = [
      style.bold("#\(report.id) ") + style.bold(BidiIsolation.isolate(report.title)),
      style.dim(
        "\(report.language.visiblyEscaped) · \(report.length) characters · \(text.sentences.count) sentences · "
          + "\(annotations.entries.count) annotations"),
      "",
    ]
    let labelWidth = "s\(text.sentences.count)".count
    // Sentences and token lists fold to the terminal with a hanging indent under the text.
    let indent = String(repeating: " ", count: labelWidth + 2)
    func hanging(_ first: String, _ body: String) -> [String] {
      guard let columns = style.columns else { return [first + body] }
      let folded = TextWrap.hanging(body, width: max(columns, indent.count + 20), indent: indent.count)
      return [first + (folded.first ?? "")] + folded.dropFirst()
    }
    for sentence in text.sentences {
      let label = DisplayWidth.pad("s\(sentence.number)", to: labelWidth)
      lines += hanging(
        style.cyan(label) + "  ",
        InlineMarkup(text: text, annotations: annotations, colours: colours).render(sentence.range, style))
      if showTokens {
        let numbered = sentence.tokens.enumerated().map { index, token in
          // No space between a number and its token, so a fold never parts them.
          style.dim("\(index + 1):") + BidiIsolation.isolate(text.substring(token))
        }
        lines += hanging(indent, numbered.joined(separator: " "))
      }
    }
    return lines.joined(separator: "\n")
  }
}
