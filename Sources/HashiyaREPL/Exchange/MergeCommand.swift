import AnnotatorKit
import HashiyaFormats
import HashiyaStore

/// `merge OTHER.hashiya`: bring a teammate's project file in.
struct MergeCommand: Command {
  let name = "merge"
  let synopsis = "[--skip-bad] OTHER.hashiya"
  let summary = "merge a teammate's project file: reports, annotations, links, reviews, history"
  let details = """
    Reports are matched by uid and text, annotations, links and reviews by their UUIDs, and
    the other file's events are appended to the log. Running it twice changes nothing. An
    annotation edited on both sides keeps both histories and the newer state, with a line
    saying so. A report whose text differs is reported and left as it is. The other file is
    only read.

    Every incoming annotation is checked as an import checks it (offsets inside the text and
    on character edges, the quote, layer and label, attribute types): one bad annotation
    refuses the whole merge, naming it, unless --skip-bad leaves it out (with its links,
    reviews and history) and lists it.
    """
  let completion = CompletionKind.files

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let skipBad = arguments.takeFlag("skip-bad")
    guard let path = try arguments.takePositional() else {
      throw CommandError.usage(command: name, message: "name the project file to merge")
    }
    try arguments.finish()
    let other = try ProjectStore.openReadOnly(path: path)
    let summary = try CheckedMerge.run(
      from: other, into: session.store, author: session.user,
      knownSchemas: try session.catalog.allSchemas(store: session.store), skipBad: skipBad)
    return MergeSummary(path: path, outcome: summary.outcome, skipped: summary.skipped)
  }
}

/// What `merge` did.
struct MergeSummary: CommandOutput {
  var path: String
  var outcome: MergeOutcome
  var skipped: [FormatError] = []

  var json: JSONValue {
    .object([
      "source": .string(path), "reports": .int(outcome.reportsAdded), "annotations": .int(outcome.annotationsAdded),
      "updated": .int(outcome.annotationsUpdated), "links": .int(outcome.linksAdded),
      "reviews": .int(outcome.reviewsAdded), "events": .int(outcome.eventsAppended),
      "notes": .array(outcome.notes.map(JSONValue.string)),
      "skipped": .array(skipped.map { .string($0.description) }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    let skippedLines = skipped.map { style.yellow("skipped: ") + $0.description.visiblyEscaped }
    guard outcome.changedAnything || !outcome.notes.isEmpty else {
      return (["nothing new in \(path.visiblyEscaped)"] + skippedLines).joined(separator: "\n")
    }
    let o = outcome
    var lines = [
      style.green(
        "merged \(path.visiblyEscaped): \(o.reportsAdded) reports, \(o.annotationsAdded) annotations (\(o.annotationsUpdated) updated), "
          + "\(o.linksAdded) links, \(o.reviewsAdded) reviews, \(o.eventsAppended) events")
    ]
    lines += outcome.notes.map { style.yellow("note: ") + $0.visiblyEscaped }
    lines += skippedLines
    return lines.joined(separator: "\n")
  }
}
