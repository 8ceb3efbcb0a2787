import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// `assign`: deals reports out to annotators with an overlap, clears assignments, or lists them.
struct AssignCommand: Command {
  let name = "assign"
  let synopsis = "[REPORTS --to A,B,C [--overlap N] [--layer L] [--seed N]] [REPORTS --clear [--layer L]]"
  let summary = "assign reports to annotators, or list who has which"
  let details = """
    REPORTS is a selection: ids like 1,3,7-9, or all. Each report goes to --overlap
    annotators (1 by default) named in --to; every annotator gets within one report of
    the same number, counting what they already hold on that layer. The plan is drawn
    from --seed (a positive number, 1 by default, recorded in the history), so the same
    command on the same project gives the same assignment. --layer L assigns that layer
    only; without it the assignment covers every layer.
    Reports that already have someone assigned (on that layer) are kept as they are,
    done or not: clear them first to deal them again.
    assign REPORTS --clear removes the assignments of those reports (on --layer only,
    when given); the removal is recorded in the history and travels with merge: a copy that
    still holds the assignments does not bring them back, unless they were made again later.
    assign alone lists every assignment; --json gives each one.
    Example: assign all --to amal,karim,lina --overlap 2
    """
  var completion: CompletionKind { .reportIDs }

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let annotators = try arguments.takeOption("to")
    let overlap = try arguments.takeIntOption("overlap")
    let layer = try arguments.takeOption("layer")
    let seed = try arguments.takeIntOption("seed")
    let clear = arguments.takeFlag("clear")
    let selection = try arguments.takePositional()
    try arguments.finish()
    guard let selection else {
      guard annotators == nil, overlap == nil, layer == nil, seed == nil, !clear else {
        throw CommandError.usage(command: name, message: "name the reports to assign: a selection like 1-20, or all")
      }
      return AssignmentList(assignments: try session.store.assignments())
    }
    try Self.checkMayAssign(session)
    let ids = try ReportSelection.ids(selection, store: session.store, command: name)
    if let missing = Set(ids).subtracting(try session.store.existingReportIDs(ids)).min() {
      throw StoreError.noSuchReport(id: missing)
    }
    if clear {
      guard annotators == nil, overlap == nil, seed == nil else {
        throw CommandError.usage(command: name, message: "--clear takes no --to, --overlap or --seed")
      }
      let removed = try session.store.clearAssignments(reportIDs: ids, layer: layer, by: session.user)
      return Message(
        "removed \(removed) assignment\(removed == 1 ? "" : "s")",
        json: .object(["removed": .int(removed)]))
    }
    guard let annotators else {
      throw CommandError.usage(command: name, message: "say who gets the reports: --to amal,karim")
    }
    let assigner = try Assigner(
      annotators: annotators.split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
      },
      overlap: overlap ?? 1, seed: seed.map(UInt64.init) ?? Assigner.defaultSeed)
    let onLayer = layer ?? ""
    let taken = try session.store.assignedReportIDs(layer: onLayer)
    let plan = assigner.plan(
      reportIDs: ids.filter { !taken.contains($0) }, loads: try session.store.assignmentLoads(layer: onLayer))
    let added = try session.store.assign(
      plan, layer: onLayer, by: session.user,
      record: [
        "annotators": .array(assigner.annotators.map(JSONValue.string)), "overlap": .int(assigner.overlap),
        "seed": .string(String(assigner.seed)), "reports": .int(plan.count),
      ])
    let kept = Set(ids).count - plan.count
    return AssignResult(plan: plan, added: added, kept: kept, seed: assigner.seed, layer: layer)
  }

  /// The one place where the right to assign is checked: only leads deal out work.
  static func checkMayAssign(_ session: Session) throws {
    _ = try session.workspace.requireLead("assign reports")
  }
}

/// What `assign REPORTS --to …` did.
struct AssignResult: CommandOutput {
  var plan: [(reportID: Int, annotators: [String])]
  var added: Int
  var kept: Int
  var seed: UInt64
  var layer: String?

  var json: JSONValue {
    .object([
      "added": .int(added), "kept": .int(kept), "seed": .string(String(seed)),
      "layer": layer.map(JSONValue.string) ?? .null,
      "assignments": .array(
        plan.map { .object(["report": .int($0.reportID), "annotators": .array($0.annotators.map(JSONValue.string))]) }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    var loads: [String: Int] = [:]
    for entry in plan { for name in entry.annotators { loads[name, default: 0] += 1 } }
    var lines = [
      "assigned \(plan.count) report\(plan.count == 1 ? "" : "s")"
        + (layer.map { " on layer \($0.visiblyEscaped)" } ?? "") + " (seed \(seed)): "
        + loads.sorted { $0.key < $1.key }.map { "\($0.key.visiblyEscaped) \($0.value)" }.joined(separator: ", ")
    ]
    if kept > 0 { lines.append(style.dim("\(kept) already assigned, kept as they were")) }
    return lines.joined(separator: "\n")
  }
}

/// Every assignment, for `assign` alone.
struct AssignmentList: CommandOutput {
  /// How many reports the text lists; the totals below it count them all.
  static let shownRows = 200
  var assignments: [Assignment]

  var json: JSONValue {
    .object([
      "assignments": .array(
        assignments.map {
          .object([
            "report": .int($0.reportID), "layer": .string($0.layer), "annotator": .string($0.annotator),
            "assignedBy": .string($0.assignedBy), "assignedAt": .string($0.assignedAt),
            "doneAt": $0.doneAt.map(JSONValue.string) ?? .null,
          ])
        })
    ])
  }

  func text(_ style: TextStyle) -> String {
    guard !assignments.isEmpty else { return "no assignments yet: assign REPORTS --to A,B" }
    var rows: [[String]] = []
    var counts: [String: (all: Int, done: Int)] = [:]
    var hidden = 0
    var index = assignments.startIndex
    while index < assignments.endIndex {
      let first = assignments[index]
      let group = assignments[index...].prefix { $0.reportID == first.reportID && $0.layer == first.layer }
      if rows.count < Self.shownRows {
        rows.append([
          "#\(first.reportID)", first.layer.isEmpty ? "all" : first.layer.visiblyEscaped,
          group.map { $0.annotator.visiblyEscaped + ($0.isDone ? " ✓" : "") }.joined(separator: ", "),
        ])
      } else {
        hidden += 1
      }
      for row in group { counts[row.annotator, default: (0, 0)].all += 1 }
      for row in group where row.isDone { counts[row.annotator, default: (0, 0)].done += 1 }
      index += group.count
    }
    let footer = counts.sorted { $0.key < $1.key }.map {
      "\($0.key.visiblyEscaped) \($0.value.done)/\($0.value.all) done"
    }
    let more = hidden == 0 ? "" : "\n" + style.dim("… and \(hidden) more (assign --json lists every one)")
    return Table(header: ["report", "layer", "annotators"], rows: rows, rightAligned: [0]).render(style) + more + "\n"
      + style.dim(footer.joined(separator: " · "))
  }
}
