import AnnotatorKit
import Foundation
import HashiyaFormats
import HashiyaModel
import HashiyaPostgres
import HashiyaStore

/// `merge OTHER.hashiya`: bring a teammate's project file in.
struct MergeCommand: Command {
  let name = "merge"
  let synopsis = "[--skip-bad] OTHER.hashiya | postgresql://…"
  let summary = "merge a teammate's project file: reports, annotations, links, reviews, history"
  let details = """
    A three-way merge of the two event logs, field by field. Reports are matched by uid and
    text; annotations, links, reviews and review decisions by their UUIDs; review states and
    suggestion decisions by what they are about. The other file's events join the log, and
    each field they touched (a label, a status, each attribute) takes the value of its latest
    change. Only a field changed differently on both sides since the copies parted is a
    conflict: the later change is kept (then author, then event id, the same on every
    machine) and the conflict is listed here and by `conflicts`, for a lead to keep or take.
    Merging in any order gives the same project, and merging twice changes nothing. A report
    whose text differs is reported and left as it is. The other file is only read.

    Every incoming annotation is checked as an import checks it (offsets inside the text and
    on character edges, the quote, layer and label, attribute types): one bad annotation
    refuses the whole merge, naming it, unless --skip-bad leaves it out (with its links,
    reviews and history) and lists it.

    The other copy may be a team server's project (merge postgresql://db.example/newsroom),
    read in one snapshot: a clone taken for offline work merges back into the file it was
    cloned from, or into any other copy of the project.
    """
  let completion = CompletionKind.files

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let skipBad = arguments.takeFlag("skip-bad")
    guard let path = try arguments.takePositional() else {
      throw CommandError.usage(command: name, message: "name the project file to merge")
    }
    try arguments.finish()
    let other = try ProjectOpener.openForReading(path)
    // A server merges through a scratch file copy of itself, with the file's own merge.
    let summary = try CheckedMerge.run(
      from: other, into: session.store, author: session.user,
      knownSchemas: try session.catalog.allSchemas(store: session.store), skipBad: skipBad)
    return MergeSummary(path: other.path, outcome: summary.outcome, skipped: summary.skipped)
  }
}

/// What `merge` did.
struct MergeSummary: CommandOutput {
  var path: String
  var outcome: MergeOutcome
  var skipped: [FormatError] = []

  var json: JSONValue {
    let o = outcome
    return .object([
      "source": .string(path), "reports": .int(o.reportsAdded), "annotations": .int(o.annotationsAdded),
      "updated": .int(o.annotationsUpdated), "fields": .int(o.fieldsUpdated), "links": .int(o.linksAdded),
      "reviews": .int(o.reviewsAdded), "reviewDecisions": .int(o.reviewDecisionsAdded),
      "reviewStates": .int(o.reviewStatesTaken), "suggestionDecisions": .int(o.suggestionDecisionsTaken),
      "events": .int(o.eventsAppended), "conflicts": .array(o.conflicts.map(ConflictList.json)),
      "conflictRecords": .int(o.conflictRecordsTaken),
      "notes": .array(o.notes.map(JSONValue.string)), "skipped": .array(skipped.map { .string($0.description) }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    let skippedLines = skipped.map { style.yellow("skipped: ") + $0.description.visiblyEscaped }
    guard outcome.changedAnything || !outcome.notes.isEmpty else {
      return (["nothing new in \(path.visiblyEscaped)"] + skippedLines).joined(separator: "\n")
    }
    let o = outcome
    var parts = [
      count(o.reportsAdded, "new report"), count(o.annotationsAdded, "new annotation"),
      o.annotationsUpdated > 0 ? "\(o.annotationsUpdated) updated (\(count(o.fieldsUpdated, "field")))" : "",
      count(o.linksAdded, "new link"), count(o.reviewsAdded, "review"),
      count(o.reviewDecisionsAdded, "review decision"), count(o.reviewStatesTaken, "review state"),
      count(o.suggestionDecisionsTaken, "suggestion decision"),
      count(o.conflictRecordsTaken, "conflict record"),
    ].filter { !$0.isEmpty }
    if !o.conflicts.isEmpty {
      let listed = o.conflicts.prefix(3).map { ConflictList.describe($0) }.joined(separator: "; ")
      parts.append(count(o.conflicts.count, "conflict") + " (\(listed)\(o.conflicts.count > 3 ? "; …" : ""))")
    }
    if parts.isEmpty { parts.append("history only") }
    var lines = [
      style.green("merged \(path.visiblyEscaped): ") + parts.joined(separator: ", ").visiblyEscaped
        + style.dim(" · \(o.eventsAppended) event\(o.eventsAppended == 1 ? "" : "s") of history")
    ]
    if !o.conflicts.isEmpty {
      lines.append(style.yellow("note: ") + "conflicts lists them; a lead keeps or takes each")
    }
    lines += outcome.notes.map { style.yellow("note: ") + $0.visiblyEscaped }
    lines += skippedLines
    return lines.joined(separator: "\n")
  }

  private func count(_ n: Int, _ noun: String) -> String {
    n == 0 ? "" : "\(n) \(noun)\(n == 1 ? "" : "s")"
  }
}
