import AnnotatorKit
import HashiyaFormats
import HashiyaModel
import HashiyaStore

/// `import FILE|DIR|-…`: adds reports to the project, all or nothing.
struct ImportCommand: Command {
  let name = "import"
  let synopsis = "[--format F] [--layer L] [--schema FILE] [--skip-bad] FILE|DIR|- …"
  let summary = "import reports (.txt, .md, .jsonl, folders, -) or annotated files (exports, brat, Prodigy, …)"
  let details = """
    A .txt or .md file is one report; its title is the first line unless a sidecar
    NAME.json beside it gives "title", "lang", "source", "url", "published" or "metadata".
    A .jsonl file holds one report per line: {"id", "title", "text", "lang", "source",
    "url", "published", "metadata"} with "text" required. Folders are read recursively.
    "-" reads standard input (JSON Lines if it starts with "{", else one text report).
    Importing a text the project already has is a no-op that says so.

    Annotated files are recognised by their content, or named with --format: Hashiya
    json/jsonl exports (ids, authors, links, reviews, tombstones, review decisions, review
    state and suggestion decisions kept), brat folders, prodigy,
    doccano and labelstudio files. --layer puts the labels of a format without layers
    into a layer. A layer no plugin declares takes its schema from the corpus: brat's
    annotation.conf, Label Studio's label_config.xml or doccano's label_config.json beside the
    file, or the file --schema names. Every annotation is checked against its text: offsets outside it, a
    split character, or a quote that disagrees with the text rejects the record with its
    location and reason. The import is all or nothing unless --skip-bad is given, which
    skips bad records and lists them: for plain reports, an empty or unreadable file, a
    bad JSON line, or an id already used by another text.

    Examples:
      import projects/samples
      import news.jsonl report.ar.txt
      import --format doccano --layer claim-labeling doccano.jsonl
      import --format labelstudio --schema ls/label_config.xml ls/project-1.json
    """
  let completion = CompletionKind.files

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    do {
      return try importing(arguments, in: session)
    } catch {
      // A failed or interrupted import leaves no half-drawn progress bar before its error.
      session.importProgress?(ImportProgress(bytesDone: 1, bytesTotal: 1, reportsRead: 0))
      throw error
    }
  }

  private func importing(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let formatName = try arguments.takeOption("format")
    let layer = try arguments.takeOption("layer")
    let schemaPath = try arguments.takeOption("schema")
    let skipBad = arguments.takeFlag("skip-bad")
    let paths = try arguments.takeRest().map(\.text)
    guard !paths.isEmpty else {
      throw CommandError.usage(command: name, message: "name at least one file, folder or -")
    }
    var format: ExportFormat?
    if let formatName {
      guard let named = ExportFormat(rawValue: formatName.lowercased()) else {
        throw CommandError.usage(command: name, message: "unknown format \"\(formatName)\"")
      }
      format = named
    }
    let annotated = paths.filter { $0 != "-" && AnnotatedImport.detect(path: $0) != nil }
    if format != nil || !annotated.isEmpty {
      guard format != nil || annotated.count == paths.count else {
        throw CommandError.usage(command: name, message: "import annotated files apart from plain reports")
      }
      let summary = try AnnotatedImport.run(
        paths: paths,
        options: AnnotatedImport.Options(format: format, layer: layer, skipBad: skipBad, schemaPath: schemaPath),
        store: session.store, author: session.user, knownSchemas: try session.catalog.allSchemas(store: session.store),
        progress: session.importProgress)
      if session.currentReportID == nil {
        session.currentReportID = summary.outcome.reportsAdded.first ?? summary.outcome.reportsMatched.first
      }
      return AnnotatedImportSummary(summary: summary)
    }
    if paths.contains("-") && session.commandsFromStandardInput {
      throw ImportError.stdinIsCommandStream
    }
    let files = try ReportImport.plan(paths: paths)
    let skipped = skipBad ? SkippedReports() : nil
    let outcome = try ReportImport.run(
      files, into: session.store, author: session.user, progress: session.importProgress, skipping: skipped)
    if session.currentReportID == nil { session.currentReportID = outcome.added.first }
    return ImportSummary(outcome: outcome, skipped: skipped?.descriptions ?? [])
  }
}

/// The result of importing annotated files.
struct AnnotatedImportSummary: CommandOutput {
  var summary: AnnotatedImport.Summary

  var json: JSONValue {
    let o = summary.outcome
    return .object([
      "reportsAdded": .array(o.reportsAdded.map { .int($0) }),
      "reportsMatched": .array(o.reportsMatched.map { .int($0) }),
      "annotations": .int(o.annotations), "links": .int(o.links), "reviews": .int(o.reviews),
      "reviewDecisions": .int(o.reviewDecisions), "reviewStates": .int(o.reviewStates),
      "suggestionDecisions": .int(o.suggestionDecisions), "alreadyPresent": .int(o.alreadyPresent),
      "suggestionsLeftOut": .int(summary.suggestionsLeftOut),
      "skipped": .array(
        summary.skipped.map { .object(["location": .string($0.location), "reason": .string($0.reason)]) }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    let o = summary.outcome
    // Review work is named only when the file brought some.
    var work = ""
    if o.reviewDecisions > 0 { work += ", \(o.reviewDecisions) review decisions" }
    if o.reviewStates > 0 { work += ", \(o.reviewStates) review states" }
    if o.suggestionDecisions > 0 { work += ", \(o.suggestionDecisions) suggestion decisions" }
    var lines = [
      style.green(
        "imported \(o.annotations) annotations, \(o.links) links, \(o.reviews) reviews\(work) on "
          + "\(o.reportsAdded.count + o.reportsMatched.count) reports (\(o.reportsAdded.count) new)"
          + (o.alreadyPresent > 0 ? "; \(o.alreadyPresent) records were already here" : ""))
    ]
    if summary.suggestionsLeftOut > 0 {
      let count = summary.suggestionsLeftOut
      lines.append(
        style.yellow(
          "left out \(count) suggestion\(count == 1 ? "" : "s") (origin suggestion:…): a candidate becomes an "
            + "annotation only when accepted; run suggest here to decide \(count == 1 ? "it" : "them")"))
    }
    lines += SkippedRecords.lines(summary.skipped.map { "\($0.location): \($0.reason)" }, style: style)
    return lines.joined(separator: "\n")
  }
}

/// The result of an import, counted.
struct ImportSummary: CommandOutput {
  var outcome: ImportOutcome
  /// What `--skip-bad` left out, each with its place and reason.
  var skipped: [String] = []

  var json: JSONValue {
    .object([
      "added": .array(outcome.added.map { .int($0) }),
      "duplicates": .array(outcome.duplicates.map { .int($0) }),
      "skipped": .array(skipped.map { .string($0) }),
    ])
  }

  func text(_ style: TextStyle) -> String {
    ([headline(style)] + SkippedRecords.lines(skipped, style: style)).joined(separator: "\n")
  }

  private func headline(_ style: TextStyle) -> String {
    let added = outcome.added.count
    let duplicates = outcome.duplicates.count
    if added == 0 && duplicates == 0 { return "nothing imported" }
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

/// The list of what `--skip-bad` left out, as both kinds of import print it.
enum SkippedRecords {
  static func lines(_ descriptions: [String], style: TextStyle) -> [String] {
    guard !descriptions.isEmpty else { return [] }
    let count = descriptions.count
    return [style.yellow("skipped \(count) bad record\(count == 1 ? "" : "s"):")]
      + descriptions.map { "  " + $0.visiblyEscaped }
  }
}
