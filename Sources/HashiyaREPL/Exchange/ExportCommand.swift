import AnnotatorKit
import Foundation
import HashiyaFormats
import HashiyaModel
import HashiyaReview
import HashiyaStore

/// `export [--format F] [--reports SEL] [--layer L…] [--author A…] [--gold] [--deleted] [--offsets all] OUT|-`.
struct ExportCommand: Command {
  let name = "export"
  let synopsis =
    "[--format json|jsonl|w3c|brat|prodigy|doccano|labelstudio|html] [--reports SEL] [--layer L] [--author A] [--gold [--allow-open]] [--deleted] [--with-suggestions] [--offsets all] OUT|-"
  let summary = "export annotated reports as JSON, JSON Lines, W3C, brat, Prodigy, doccano, Label Studio or HTML"
  let details = """
    OUT is a file (a new or empty folder for brat) or - for standard output; ~/ is the home
    folder. The format defaults to the file's extension (.json, .jsonl, .html), else jsonl.
    html writes one page for one report (or to standard output); for several reports, or when
    OUT is a folder (ending in /), it writes a new or empty folder OUT: index.html lists the
    reports (title, id, annotations per layer) with a search box, and each report has its own
    page with links to the previous, the next and the index.
    --layer and --author may repeat or take comma lists; --reports takes ids like 1,3,7-9.
    --gold exports adjudicated annotations only, and is refused while review units are still
    open on the exported reports and layers (it names how many per layer), since a gold file
    missing them would pass for a finished one; --allow-open exports the incomplete gold anyway.
    On a blind layer an annotator exports only their own annotations (see "team").
    brat has no authors, so it gets a folder per annotator (OUT/NAME/, the reports they
    annotated) under one OUT/annotation.conf that names them, and import gives each folder's
    annotations back to its annotator; with --gold the adjudicated annotations go in OUT itself.
    --deleted also writes deleted annotations and links, and withdrawn review decisions, as
    tombstones ("status": "deleted"), so an import elsewhere keeps them; json and jsonl only,
    as the other formats have no way to mark one.
    The native formats carry the review work too: review decisions with their comments, review
    state per layer, and suggestion decisions, so an import elsewhere keeps settled units settled
    and rejected suggestions rejected.
    --with-suggestions adds the candidates of the last suggest (origin suggestion:PLUGIN@VERSION,
    not yet accepted). --offsets all adds UTF-16 and UTF-8 offsets to the native formats.
    Offsets are Unicode scalar (code point) offsets; Label Studio's are converted to UTF-16.
    prodigy, doccano and labelstudio write one record per report and annotator, adjudicated
    annotations in records of their own; each span keeps its layer, so the file imports back
    without --layer. doccano and labelstudio also write the tool's label configuration beside
    the file (label_config.json, label_config.xml), which import reads to learn the layers.
    An existing file is replaced whole, by renaming the finished export over it; export never
    writes over a folder, a link, a project or any SQLite database. A failed or interrupted
    export leaves no partial file behind.

    Examples:
      export team.jsonl
      export --format brat --layer claim-labeling brat-out/
      export --format html site/
      export --gold --format json gold.json
      export --format labelstudio ls/tasks.json
      export --deleted archive.jsonl
    """
  let completion = CompletionKind.files

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let formatName = try arguments.takeOption("format")
    let reports = try arguments.takeOption("reports")
    let layers = try takeList(&arguments, "layer")
    let access = try session.access()
    let authors = try takeList(&arguments, "author")?.map(session.memberName)
    let gold = arguments.takeFlag("gold")
    let allowOpen = arguments.takeFlag("allow-open")
    let deleted = arguments.takeFlag("deleted")
    let withSuggestions = arguments.takeFlag("with-suggestions")
    let offsets = try arguments.takeOption("offsets")
    guard let target = try arguments.takePositional() else {
      throw CommandError.usage(command: name, message: "name the output file, folder or -")
    }
    try arguments.finish()
    for author in authors ?? [] {
      for layer in layers?.map({ Optional($0) }) ?? [nil] {
        try session.checkMaySee(author: author, layer: layer, access)
      }
    }
    let format = try Self.format(formatName, destination: target)
    guard offsets == nil || offsets == "all" || offsets == "scalar" else {
      throw CommandError.usage(command: name, message: "--offsets takes all or scalar")
    }
    // Refused rather than ignored: a user asking for tombstones must not get a file without them.
    guard !deleted || format == .json || format == .jsonl else {
      throw CommandError.usage(
        command: name,
        message:
          "--deleted is for the native formats (json, jsonl): \(format.rawValue) has no way to mark a deleted annotation"
      )
    }
    guard gold || !allowOpen else {
      throw CommandError.usage(command: name, message: "--allow-open goes with --gold")
    }
    let destination = try ExportDestination(target, format: format, project: session.store.path)
    let selection = ExportSelection(
      reportIDs: try reports.map { try ReportSelection.ids($0, store: session.store, command: name) },
      layers: layers, authors: authors, goldOnly: gold, includeDeleted: deleted)
    if gold && !allowOpen { try refuseOpenUnits(reportIDs: selection.reportIDs, layers: layers, session: session) }
    let context = ExportContext(
      projectUID: try session.store.projectUID(), projectName: session.store.name,
      exportedAt: Timestamp.now(), exportedBy: session.user, schemas: try schemas(layers, session: session),
      offsets: offsets == "all" ? .all : .scalar, gold: gold, projectPath: session.store.path)
    var exporter = try ExporterFactory.make(destination, context: context)
    let extra = withSuggestions ? try Self.pendingByReport(session) : [:]
    do {
      try ReportPrefetch.forEachReport(in: session.store, selection) { bundle, text in
        // On blind layers an annotator's export holds their own work only.
        var bundle = access.restricted(bundle)
        if let pending = extra[bundle.report.id] {
          bundle.annotations = (bundle.annotations + pending).sorted { $0.range < $1.range }
        }
        try exporter.write(bundle, text: text)
      }
      let summary = try exporter.finish()
      // Standard output carries the export itself: a summary there would corrupt it, so what the
      // format could not carry is said on standard error.
      guard let path = destination.path else {
        for warning in summary.warnings {
          FileHandle.standardError.write(Data("warning: \(warning.visiblyEscaped)\n".utf8))
        }
        return SilentOutput()
      }
      // An HTML folder is read from its index, so that is the place to name.
      let opened = format == .html ? summary.files.first ?? path : path
      return ExportReport(format: format, destination: opened, summary: summary)
    } catch {
      exporter.discard()
      throw error
    }
  }

  /// Refuses a gold export while the review queue of the exported reports and layers has units
  /// nobody settled.
  private func refuseOpenUnits(reportIDs: [Int]?, layers: [String]?, session: Session) throws {
    let ids = try reportIDs ?? session.store.reportIDs(limit: Int.max)
    let queue: ReviewQueue
    do {
      queue = try ReviewQueue.undecided(
        store: session.store, reportIDs: ids, layers: layers, annotators: nil, forDisplay: false)
    } catch ReviewError.tooFewAnnotators {
      return  // Nothing to compare, so nothing can be open.
    }
    let open = queue.openPerLayer
    guard !open.isEmpty else { return }
    let total = open.values.reduce(0, +)
    let perLayer = open.sorted { $0.key < $1.key }.map { "\($0.key.visiblyEscaped) \($0.value)" }
    throw CommandError.usage(
      command: name,
      message: "\(total) review unit\(total == 1 ? " is" : "s are") still open (\(perLayer.joined(separator: ", "))): "
        + "settle \(total == 1 ? "it" : "them") with review, or export the incomplete gold with --allow-open")
  }

  /// `--layer a --layer b` or `--layer a,b`; nil when not given.
  private func takeList(_ arguments: inout Arguments, _ option: String) throws -> [String]? {
    var values: [String] = []
    while let value = try arguments.takeOption(option) {
      values += value.split(separator: ",").map(String.init)
    }
    return values.isEmpty ? nil : values
  }

  static func format(_ name: String?, destination: String) throws -> ExportFormat {
    if let name {
      guard let format = ExportFormat(rawValue: name.lowercased()) else {
        throw CommandError.usage(
          command: "export",
          message: "unknown format \"\(name)\" (\(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      return format
    }
    switch (destination as NSString).pathExtension.lowercased() {
    case "json": return .json
    case "html", "htm": return .html
    default: return .jsonl
    }
  }

  /// The schemas of the exported layers, or of every layer the project or session knows.
  private func schemas(_ layers: [String]?, session: Session) throws -> [LayerSchema] {
    let known = Set(try session.store.layerRecords().map(\.id) + session.catalog.plugins.map(\.id))
    return try (layers ?? known.sorted()).map { try session.catalog.schema($0, store: session.store) }
  }

  /// The open candidates of the last `suggest`, as annotations marked `suggestion:…`, by report.
  static func pendingByReport(_ session: Session) throws -> [Int: [Annotation]] {
    let now = Timestamp.now()
    var byReport: [Int: [Annotation]] = [:]
    var handle = Int(Int32.max)
    let open = try session.pendingSuggestions.numbers(openOnly: true)
    for item in try session.pendingSuggestions.list(open) {
      handle += 1
      let origin = item.origin.replacingOccurrences(of: "suggested:", with: "suggestion:")
      byReport[item.reportID, default: []].append(
        Annotation(
          id: handle, uuid: UUID().uuidString.lowercased(), reportID: item.reportID, layer: item.layer,
          label: item.suggestion.label, range: item.suggestion.range, quote: item.quote,
          attributes: JSONObject(item.suggestion.attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
          author: session.user, origin: origin, status: .active, createdAt: now, updatedAt: now))
    }
    return byReport
  }
}

/// What `export` wrote.
struct ExportReport: CommandOutput {
  var format: ExportFormat
  var destination: String
  var summary: ExportSummary

  var json: JSONValue {
    .object([
      "format": .string(format.rawValue), "destination": .string(destination), "reports": .int(summary.reports),
      "annotations": .int(summary.annotations), "links": .int(summary.links),
      "reviewDecisions": .int(summary.reviewDecisions), "suggestionDecisions": .int(summary.suggestionDecisions),
      "bytes": .int(summary.bytes),
      "files": .array(summary.files.map(JSONValue.string)),
      "warnings": .array(summary.warnings.map(JSONValue.string)),
    ])
  }

  func text(_ style: TextStyle) -> String {
    // Review work is named only when there is some, so other formats read as they always did.
    var work = ""
    if summary.reviewDecisions > 0 { work += ", \(summary.reviewDecisions) review decisions" }
    if summary.suggestionDecisions > 0 { work += ", \(summary.suggestionDecisions) suggestion decisions" }
    let done = style.green(
      "exported \(summary.reports) report\(summary.reports == 1 ? "" : "s"), \(summary.annotations) annotations, "
        + "\(summary.links) links\(work) as \(format.rawValue) to \(destination == "-" ? "standard output" : destination.visiblyEscaped)"
    )
    return ([done] + summary.warnings.map { style.yellow("warning: ") + $0.visiblyEscaped }).joined(separator: "\n")
  }
}
