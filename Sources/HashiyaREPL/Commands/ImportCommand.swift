import AnnotatorKit
import HashiyaFormats
import HashiyaStore

/// `import FILE|DIR|-…`: adds reports to the project, all or nothing.
struct ImportCommand: Command {
  let name = "import"
  let synopsis = "FILE|DIR|- …"
  let summary = "import reports from .txt/.md files, .jsonl files, folders or standard input"
  let details = """
    A .txt or .md file is one report; its title is the first line unless a sidecar
    NAME.json beside it gives "title", "lang", "source", "url", "published" or "metadata".
    A .jsonl file holds one report per line: {"id", "title", "text", "lang", "source",
    "url", "published", "metadata"} with "text" required. Folders are read recursively.
    "-" reads standard input (JSON Lines if it starts with "{", else one text report).
    The import is one transaction: if any file is bad, nothing is imported.
    Importing a text the project already has is a no-op that says so.

    Examples:
      import projects/samples
      import news.jsonl report.ar.txt
    """
  let completion = CompletionKind.files

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let paths = arguments.takeAll().map(\.text)
    guard !paths.isEmpty else {
      throw CommandError.usage(command: name, message: "name at least one file, folder or -")
    }
    if paths.contains("-") && session.commandsFromStandardInput {
      throw ImportError.stdinIsCommandStream
    }
    let files = try ReportImport.plan(paths: paths)
    let outcome = try ReportImport.run(
      files, into: session.store, author: session.user, progress: session.importProgress)
    if session.currentReportID == nil { session.currentReportID = outcome.added.first }
    return ImportSummary(outcome: outcome)
  }
}

/// The result of an import, counted.
struct ImportSummary: CommandOutput {
  var outcome: ImportOutcome

  var json: JSONValue {
    .object([
      "added": .array(outcome.added.map { .int($0) }),
      "duplicates": .array(outcome.duplicates.map { .int($0) }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    let added = outcome.added.count
    let duplicates = outcome.duplicates.count
    if added == 0 {
      let noun = duplicates == 1 ? "report is" : "reports are"
      return
        "nothing new: \(duplicates == 1 ? "the" : "all \(duplicates)") \(noun) already in the project (\(Self.ids(outcome.duplicates)))"
    }
    var line = "imported \(added) report\(added == 1 ? "" : "s") (\(Self.ids(outcome.added)))"
    if duplicates > 0 {
      line += "; \(duplicates) already in the project (\(Self.ids(outcome.duplicates)))"
    }
    return style.green(line)
  }

  /// `#1, #2, #3` for a few ids, `#1–#500` for a run.
  static func ids(_ ids: [Int]) -> String {
    guard let first = ids.first, let last = ids.last else { return "" }
    if ids.count <= 5 { return ids.map { "#\($0)" }.joined(separator: ", ") }
    if last - first + 1 == ids.count { return "#\(first)–#\(last)" }
    return ids.prefix(3).map { "#\($0)" }.joined(separator: ", ") + ", … #\(last)"
  }
}
