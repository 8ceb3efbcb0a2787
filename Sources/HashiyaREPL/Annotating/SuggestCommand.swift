import AnnotatorKit
import Foundation
import HashiyaAnnotating
import HashiyaPlugins
import HashiyaStore

/// `suggest [LAYER] [--all-reports] [--again]`: numbered candidates from the plugins, to accept or reject.
struct SuggestCommand: Command {
  static let batchSize = 50
  static let shownAtMost = 200
  let name = "suggest"
  let synopsis = "[LAYER] [--all-reports] [--again]"
  let summary = "ask the plugins for candidate annotations (then accept N… or reject N…)"
  let details = """
    Decisions are your own: candidates you accepted or rejected, and spans you already
    annotated with the same label, are not offered to you again, while every other annotator
    still gets them. --again offers your rejected candidates once more. undo of an accept or
    a reject gives the candidate back. Accepting records the origin suggested:PLUGIN@VERSION.

    Examples:
      suggest                       every layer, current report
      suggest claim-labeling --all-reports
      suggest --again               including the ones I rejected
      accept 1 3 4;  reject 2;  accept all
    """
  let completion = CompletionKind.layers

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let allReports = arguments.takeFlag("all-reports")
    let again = arguments.takeFlag("again")
    let layer = arguments.isEmpty ? nil : try arguments.takeWord("layer")
    try arguments.finish()
    let plugins: [LoadedPlugin]
    if let layer {
      guard let plugin = session.catalog.plugin(layer) else {
        _ = try session.catalog.schema(layer, store: session.store)
        throw CommandError.usage(command: name, message: "layer \(layer) has no plugin loaded here to suggest with")
      }
      plugins = [plugin]
    } else {
      plugins = session.catalog.plugins
    }
    let reportIDs = allReports ? try session.store.reportIDs(limit: Int.max) : [try session.report(nil).id]
    var pending: [PendingSuggestion] = []
    var failures: [String] = []
    for start in stride(from: 0, to: reportIDs.count, by: Self.batchSize) {
      try SignalHandling.check()
      let chunk = Array(reportIDs[start..<min(start + Self.batchSize, reportIDs.count)])
      let reports = try session.store.reports(ids: chunk)
      let inputs =
        allReports
        ? ParallelMap.map(reports) {
          ReportInput(id: $0.id, uid: $0.uid, language: $0.language, text: ReportText($0.text))
        }
        : reports.map { ReportInput(id: $0.id, uid: $0.uid, language: $0.language, text: session.text(of: $0)) }
      let known = try Self.knownSpans(chunk, session: session, again: again)
      for plugin in plugins {
        do {
          for (input, result) in zip(inputs, try Self.suggest(plugin, inputs)) {
            switch result {
            case .success(let suggestions):
              pending += Self.fresh(
                suggestions, for: input, plugin: plugin.annotator, known: known, offset: pending.count)
            case .failure(let error):
              failures.append(Self.failure(error, plugin: plugin, report: input.id))
            }
          }
        } catch {
          failures.append(Self.failure(error, plugin: plugin, report: nil))
        }
      }
    }
    // A plugin that Ctrl-C stopped fails like any other; the list would then be partial.
    try SignalHandling.check()
    session.pendingSuggestions = pending
    session.reviewQueue = nil
    return SuggestionList(pending: pending, failures: failures)
  }

  /// In-process annotators work on all cores, one report per task; a process plugin gets the batch.
  /// Each report has its own outcome, so one faulty suggestion costs its report, not the run.
  static func suggest(_ plugin: LoadedPlugin, _ inputs: [ReportInput]) throws -> [Result<[Suggestion], any Error>] {
    let annotator = plugin.annotator
    guard plugin.kind != .process else { return try annotator.suggestEach(inputs) }
    return ParallelMap.map(inputs) { input in Result { try annotator.suggest(input) } }
  }

  /// A plugin's failure as one line, naming the plugin and, when it is one report's, the report.
  static func failure(_ error: any Error, plugin: LoadedPlugin, report: Int?) -> String {
    // Plugin errors name their plugin (and report) themselves.
    if error is PluginError { return ErrorReport.message(error) }
    let place = report.map { " on report #\($0)" } ?? ""
    return "plugin \(plugin.annotator.id)\(place): \(ErrorReport.message(error))"
  }

  /// Spans the user already decided (rejected ones too unless `again`) or annotated on these
  /// reports, as `report/layer/label@range` keys; other people's work hides nothing.
  static func knownSpans(_ reportIDs: [Int], session: Session, again: Bool = false) throws -> Set<String> {
    var keys = Set(
      try session.store.suggestionDecisions(reportIDs: reportIDs, author: session.user)
        .filter { !again || $0.verdict == .accepted }
        .map { key($0.reportID, $0.layer, $0.label, $0.range) })
    for annotation in try session.store.annotations(AnnotationFilter(reportIDs: reportIDs, author: session.user)) {
      keys.insert(key(annotation.reportID, annotation.layer, annotation.label, annotation.range))
    }
    return keys
  }

  static func key(_ report: Int, _ layer: String, _ label: String, _ range: TextRange) -> String {
    "\(report)/\(layer)/\(label)@\(range)"
  }

  /// Drops candidates already decided or annotated, numbering the rest after `offset`.
  static func fresh(
    _ suggestions: [Suggestion], for input: ReportInput, plugin: any Annotator, known: Set<String>, offset: Int
  ) -> [PendingSuggestion] {
    var kept: [Int: Int] = [:]
    var result: [PendingSuggestion] = []
    let origin = "suggested:\(plugin.id)@\(plugin.version)"
    for (index, suggestion) in suggestions.enumerated() {
      guard (try? input.text.validate(suggestion.range)) != nil,
        !known.contains(key(input.id, plugin.id, suggestion.label, suggestion.range))
      else { continue }
      kept[index] = offset + result.count + 1
      result.append(
        PendingSuggestion(
          reportID: input.id, layer: plugin.id, origin: origin, suggestion: suggestion,
          quote: input.text.substring(suggestion.range),
          location: "#\(input.id) \(input.text.location(of: suggestion.range.start))", linkTargets: []))
    }
    // Links are renumbered to the pending list; a link to a dropped candidate is dropped with it.
    var position = 0
    for (index, suggestion) in suggestions.enumerated() where kept[index] != nil {
      result[position].linkTargets = suggestion.links.compactMap { link in
        kept[link.target].map { (type: link.type, number: $0) }
      }
      position += 1
    }
    return result
  }
}

/// The numbered candidates of `suggest`.
struct SuggestionList: CommandOutput, FailingOutput {
  var pending: [PendingSuggestion]
  var failures: [String]

  var json: JSONValue {
    var writer = JSONWriter()
    writeJSON(&writer)
    return (try? JSONParser.parse(writer.bytes)) ?? .null
  }

  /// Streams the list: `suggest --all-reports` can yield a million candidates.
  func writeJSON(_ writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("suggestions")
    writer.beginArray()
    for (index, item) in pending.enumerated() {
      writer.beginObject()
      writer.field("n", index + 1)
      writer.field("report", item.reportID)
      writer.field("layer", item.layer)
      writer.field("label", item.suggestion.label)
      writer.field("start", item.suggestion.range.start)
      writer.field("end", item.suggestion.range.end)
      writer.field("quote", item.quote)
      writer.key("attributes")
      writer.beginObject()
      for (key, value) in item.suggestion.attributes.sorted(by: { $0.key < $1.key }) {
        writer.key(key)
        writer.value(value)
      }
      writer.endObject()
      writer.key("score")
      writer.double(item.suggestion.score)
      writer.field("explanation", item.suggestion.explanation)
      writer.field("origin", item.origin)
      writer.key("links")
      writer.beginArray()
      for link in item.linkTargets {
        writer.beginObject()
        writer.field("type", link.type)
        writer.field("to", link.number)
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.key("failures")
    writer.value(.array(failures.map(JSONValue.string)))
    writer.endObject()
  }

  func text(_ style: TextStyle) -> String {
    var lines: [String] = []
    if pending.isEmpty { lines.append("no new suggestions") }
    let rows = pending.prefix(SuggestCommand.shownAtMost).enumerated().map { index, item -> [String] in
      let links = item.linkTargets.map { "\($0.type) → \($0.number)" }.joined(separator: " ")
      let attributes = item.suggestion.attributes.sorted { $0.key < $1.key }
        .map { "\($0.key)=\(AnnotationList.plain($0.value))" }.joined(separator: " ")
      return [
        String(index + 1), "\(item.layer)/\(item.suggestion.label)".visiblyEscaped, item.location,
        BidiIsolation.isolate("«" + DisplayWidth.truncate(item.quote, to: 36) + "»"),
        String(format: "%.2f", item.suggestion.score),
        BidiIsolation.isolate(
          [attributes, links, item.suggestion.explanation].filter { !$0.isEmpty }.joined(separator: "  ")),
      ]
    }
    if !rows.isEmpty {
      lines.append(
        Table(header: ["n", "layer/label", "where", "text", "score", "why"], rows: rows, rightAligned: [0, 4])
          .render(style))
      if pending.count > SuggestCommand.shownAtMost {
        lines.append(style.dim("… and \(pending.count - SuggestCommand.shownAtMost) more (--json lists all)"))
      }
      lines.append(
        style.dim("\(pending.count) suggestion\(pending.count == 1 ? "" : "s") — accept N…|all, reject N…|all"))
    }
    return lines.joined(separator: "\n")
  }
}
