import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaReview
import HashiyaStore

/// `stats [--layer L] [--json]`: progress per annotator and layer, time active, agreement so far.
struct StatsCommand: Command {
  let name = "stats"
  let synopsis = "[--layer L] [--json]"
  let summary = "progress per annotator and layer: reports done, annotations, suggestions, time, agreement"
  let details = """
    For leads. One row per annotator and layer:
      reports      done/assigned: reports assigned to them on the layer (or whole reports),
                   and how many of those they marked done
      annotations  their active annotations on the layer
      accepted, rejected   their own decisions on suggestions
      active       time at work, all layers together: the gaps between two consecutive
                   events of theirs in the log that are under 5 minutes, summed (a longer
                   gap is a pause and counts nothing)
    Below the table, agreement so far per layer: Krippendorff's alpha (token level) over
    the reports two or more people have annotated on that layer.
    --json (or the session's --json) gives the same figures as JSON, time in seconds.

    Examples:
      stats
      stats --layer claim-labeling
    """

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let layer = try arguments.takeOption("layer")
    let asJSON = arguments.takeFlag("json")
    try arguments.finish()
    // Everyone's counts and the agreement so far are other people's work: for leads, as
    // `agreement` is. An annotator's own progress is `reports --mine --todo`.
    _ = try session.workspace.requireLead("stats")
    return StatsView(progress: try TeamProgress.compute(store: session.store, layer: layer), asJSON: asJSON)
  }
}

/// The `stats` table, or its JSON.
struct StatsView: CommandOutput {
  var progress: TeamProgress
  /// `stats --json` prints JSON even in a text session.
  var asJSON = false

  var json: JSONValue {
    var people: [String: [AnnotatorProgress]] = [:]
    var order: [String] = []
    for row in progress.rows {
      if people[row.annotator] == nil { order.append(row.annotator) }
      people[row.annotator, default: []].append(row)
    }
    return .object([
      "annotators": .array(
        order.map { name in
          .object([
            "annotator": .string(name), "activeSeconds": .double(progress.activeSeconds[name] ?? 0),
            "layers": .array(
              (people[name] ?? []).map { row in
                .object([
                  "layer": row.layer.isEmpty ? .null : .string(row.layer), "assigned": .int(row.assigned),
                  "done": .int(row.done), "annotations": .int(row.annotations), "accepted": .int(row.accepted),
                  "rejected": .int(row.rejected),
                ])
              }),
          ])
        }),
      "agreement": .array(
        progress.agreement.map {
          .object(["layer": .string($0.layer), "reports": .int($0.reports), "alpha": $0.alpha.json])
        }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    if asJSON { return JSONWriter.string(json) }
    guard !progress.rows.isEmpty else { return "no annotators or assignments yet" }
    var shown: Set<String> = []
    let rows = progress.rows.map { row -> [String] in
      // Time is per person, not per layer: shown once, on the person's first row.
      let first = shown.insert(row.annotator).inserted
      return [
        first ? row.annotator.visiblyEscaped : "", row.layer.isEmpty ? "(any)" : row.layer.visiblyEscaped,
        "\(row.done)/\(row.assigned)", String(row.annotations), String(row.accepted), String(row.rejected),
        first ? Self.duration(progress.activeSeconds[row.annotator] ?? 0) : "",
      ]
    }
    var lines = [
      Table(
        header: ["annotator", "layer", "reports", "annotations", "accepted", "rejected", "active"], rows: rows,
        rightAligned: [2, 3, 4, 5, 6]
      ).render(style)
    ]
    for layer in progress.agreement {
      lines.append(
        "agreement on \(layer.layer.visiblyEscaped): Krippendorff's alpha \(AgreementView.figure(layer.alpha))"
          + style.dim(" over \(layer.reports) report\(layer.reports == 1 ? "" : "s") annotated by two or more"))
    }
    return lines.joined(separator: "\n")
  }

  /// `1h 02m`, `12m 05s`, `45s`.
  static func duration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded())
    if total >= 3600 { return String(format: "%dh %02dm", total / 3600, total % 3600 / 60) }
    if total >= 60 { return String(format: "%dm %02ds", total / 60, total % 60) }
    return "\(total)s"
  }
}
