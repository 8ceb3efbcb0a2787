import AnnotatorKit
import HashiyaStore

/// `show [ID] [--tokens]`: a report's text, sentence by sentence.
struct ShowCommand: Command {
  let name = "show"
  let synopsis = "[ID] [--tokens]"
  let summary = "show a report with numbered sentences (and tokens)"
  let details = """
    Without ID, shows the current report. Sentences are numbered s1, s2, …; with
    --tokens each token is numbered too, as SPANs address them (s3.4-7).
    Each sentence is wrapped in Unicode bidi isolates so Arabic and Latin runs
    keep their order.
    """
  let completion = CompletionKind.reportIDs

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let tokens = arguments.takeFlag("tokens")
    let id = try arguments.takeReportID()
    try arguments.finish()
    let report = try session.report(id)
    session.currentReportID = report.id
    return ReportView(report: report, text: session.text(of: report), showTokens: tokens)
  }
}

/// A report as `show` prints it.
struct ReportView: CommandOutput {
  var report: Report
  var text: ReportText
  var showTokens: Bool

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
      style.dim("\(report.language) · \(report.length) characters · \(text.sentences.count) sentences"),
      "",
    ]
    let labelWidth = "s\(text.sentences.count)".count
    for sentence in text.sentences {
      let label = DisplayWidth.pad("s\(sentence.number)", to: labelWidth)
      lines.append(style.cyan(label) + "  " + BidiIsolation.isolate(text.substring(sentence.range)))
      if showTokens {
        let numbered = sentence.tokens.enumerated().map { index, token in
          style.dim("\(index + 1):") + BidiIsolation.isolate(text.substring(token))
        }
        lines.append(String(repeating: " ", count: labelWidth + 2) + numbered.joined(separator: " "))
      }
    }
    return lines.joined(separator: "\n")
  }
}
