import AnnotatorKit

/// How a `triage` walk ended: its counts and the annotations it created.
struct TriageSummary: CommandOutput, FailingOutput {
  var accepted: Int
  var rejected: Int
  var skipped: Int
  var total: Int
  var handles: [Int]
  /// What keys could not do (shown as they happened at a terminal, listed here for a script).
  var problems: [String]
  var interrupted: Bool
  /// Plugins that failed while suggesting for the walk: reported as errors, as `suggest` reports them.
  var failures: [String] = []
  /// Whether the problems belong in the text (a script, which showed nothing as it went).
  var listsProblems = false

  var json: JSONValue {
    .object([
      "accepted": .int(accepted), "rejected": .int(rejected), "skipped": .int(skipped), "total": .int(total),
      "handles": .array(handles.map(JSONValue.int)), "problems": .array(problems.map(JSONValue.string)),
      "interrupted": .bool(interrupted),
    ])
  }

  func text(_ style: TextStyle) -> String {
    let lines =
      (listsProblems ? problems.map { style.yellow($0.visiblyEscaped) } : []) + [
        "triage: \(accepted) accepted, \(rejected) rejected, \(skipped) skipped of \(total)"
          + (interrupted ? " (interrupted)" : "")
      ]
    return lines.joined(separator: "\n")
  }
}
