import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaReview
import HashiyaStore

/// `agreement [LAYER] [--by token|span] [--annotators …] [--reports SEL]`: how far annotators agree.
struct AgreementCommand: Command {
  let completion = CompletionKind.layers
  let name = "agreement"
  let synopsis = "[LAYER] [--by token|span] [--annotators A,B,…] [--reports SEL]"
  let summary = "agreement per layer and label: kappas, alpha, span F1, attributes and links"
  let details = """
    Token level (--by token): each token takes the label of the span covering it; pairwise
    Cohen's kappa, Fleiss' kappa and Krippendorff's alpha (nominal, missing data allowed).
    Span level (--by span): pairwise precision/recall/F1 with exact and with overlap matching.
    A span in pieces labels the tokens of each piece (not the words between); it matches
    exactly only a span with the same pieces, and by overlap one sharing characters with
    any piece, the partner sharing the most characters first.
    Both also give agreement on each attribute and on links over matched spans. Every figure
    shows the number of units it rests on; n/a means undefined (no units, one annotator, or
    everyone used a single label). Adjudicated annotations are left out. --json gives all.
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    try session.workspace.requireLead("agreement")
    var arguments = arguments
    let by = try arguments.takeOption("by")
    guard by == nil || by == "token" || by == "span" else {
      throw CommandError.usage(command: name, message: "--by takes token or span")
    }
    let reportIDs = try ReportSelection.ids(try arguments.takeOption("reports"), store: session.store, command: name)
    let annotators = try arguments.takeOption("annotators").map { $0.split(separator: ",").map(String.init) }
    let layer = arguments.isEmpty ? nil : try arguments.takeWord("layer")
    try arguments.finish()
    let reports = try AgreementMetrics.compute(
      store: session.store, reportIDs: reportIDs, layer: layer, annotators: annotators)
    return AgreementView(reports: reports, by: by)
  }
}

/// Agreement figures per layer.
struct AgreementView: CommandOutput {
  var reports: [(layer: String, report: AgreementReport)]
  var by: String?

  var json: JSONValue {
    .object(JSONObject(reports.map { (key: $0.layer, value: $0.report.json) }))
  }

  func text(_ style: TextStyle) -> String {
    guard !reports.isEmpty else { return "no annotations to compare" }
    var sections: [String] = []
    for (layer, report) in reports {
      var lines = [
        style.bold(layer.visiblyEscaped)
          + style.dim(
            " · \(report.documents) reports, \(report.tokens) tokens, annotators "
              + report.annotators.joined(separator: ", ").visiblyEscaped)
      ]
      if by != "span" {
        lines.append(
          "  Fleiss' kappa \(Self.figure(report.fleissKappa))   Krippendorff's alpha \(Self.figure(report.krippendorffAlpha))"
        )
      }
      var rows: [[String]] = []
      for pair in report.pairs { rows.append(Self.row("(all)", pair, by: by)) }
      for label in report.labels {
        for pair in label.pairs { rows.append(Self.row(label.label, pair, by: by)) }
        if by != "span" {
          rows.append(
            [
              label.label, "all", "fleiss " + Self.figure(label.fleissKappa),
              "alpha " + Self.figure(label.krippendorffAlpha),
            ]
              + (by == "token" ? [] : ["", ""]))
        }
      }
      let header =
        ["label", "pair"] + (by == "span" ? [] : ["cohen κ"]) + (by == "token" ? [] : ["exact F1", "overlap F1"])
      lines.append(
        Table(header: header, rows: rows.map { Array($0.prefix(header.count)).map(\.visiblyEscaped) }).render(style))
      var extra: [String] = report.attributes.map {
        "  attribute \($0.name.visiblyEscaped): \(Self.fraction($0.fraction, $0.pairs))"
      }
      extra.append("  links: \(Self.fraction(report.links.fraction, report.links.pairs))")
      lines += extra
      sections.append(lines.joined(separator: "\n"))
    }
    return sections.joined(separator: "\n\n")
  }

  static func row(_ label: String, _ pair: PairAgreement, by: String?) -> [String] {
    var row = [label, "\(pair.first)–\(pair.second)"]
    if by != "span" { row.append(figure(pair.cohenKappa)) }
    if by != "token" { row += [f1(pair.exact), f1(pair.overlap)] }
    return row
  }

  static func figure(_ figure: AgreementFigure) -> String {
    (figure.value.map { String(format: "%.3f", $0) } ?? "n/a") + " (n=\(figure.units))"
  }

  static func f1(_ f1: SpanF1) -> String {
    (f1.f1.map { String(format: "%.3f", $0) } ?? "n/a") + " (\(f1.matched)/\(f1.inFirst)/\(f1.inSecond))"
  }

  static func fraction(_ value: Double?, _ n: Int) -> String {
    (value.map { String(format: "%.3f", $0) } ?? "n/a") + " (n=\(n))"
  }
}
