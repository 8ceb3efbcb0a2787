import AnnotatorKit
import HashiyaStore

/// `merge OTHER.hashiya`: bring a teammate's project file in.
struct MergeCommand: Command {
  let name = "merge"
  let synopsis = "OTHER.hashiya"
  let summary = "merge a teammate's project file: reports, annotations, links, reviews, history"
  let details = """
    Reports are matched by uid and text, annotations, links and reviews by their UUIDs, and
    the other file's events are appended to the log. Running it twice changes nothing. An
    annotation edited on both sides keeps both histories and the newer state, with a line
    saying so. A report whose text differs is reported and left as it is. The other file is
    only read.
    """
  let completion = CompletionKind.files

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    guard let path = arguments.takeNext()?.text else {
      throw CommandError.usage(command: name, message: "name the project file to merge")
    }
    try arguments.finish()
    let other = try ProjectStore.openReadOnly(path: path)
    let outcome = try session.store.merge(from: other, author: session.user)
    return MergeSummary(path: path, outcome: outcome)
  }
}

/// What `merge` did.
struct MergeSummary: CommandOutput {
  var path: String
  var outcome: MergeOutcome

  var json: JSONValue {
    .object([
      "source": .string(path), "reports": .int(outcome.reportsAdded), "annotations": .int(outcome.annotationsAdded),
      "updated": .int(outcome.annotationsUpdated), "links": .int(outcome.linksAdded),
      "reviews": .int(outcome.reviewsAdded), "events": .int(outcome.eventsAppended),
      "notes": .array(outcome.notes.map(JSONValue.string)),
    ])
  }

  func text(_ style: TextStyle) -> String {
    guard outcome.changedAnything || !outcome.notes.isEmpty else { return "nothing new in \(path.visiblyEscaped)" }
    let o = outcome
    var lines = [
      style.green(
        "merged \(path.visiblyEscaped): \(o.reportsAdded) reports, \(o.annotationsAdded) annotations (\(o.annotationsUpdated) updated), "
          + "\(o.linksAdded) links, \(o.reviewsAdded) reviews, \(o.eventsAppended) events")
    ]
    lines += outcome.notes.map { style.yellow("note: ") + $0.visiblyEscaped }
    return lines.joined(separator: "\n")
  }
}
