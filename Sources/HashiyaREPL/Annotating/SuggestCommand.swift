import AnnotatorKit
import HashiyaPlugins
import Foundation
import HashiyaStore

/// `suggest [LAYER] [--all-reports]`: numbered candidates from the plugins, to accept or reject.
struct SuggestCommand: Command {
  static let batchSize = 50
  static let shownAtMost = 200
  let name = "suggest"
  let synopsis = "[LAYER] [--all-reports]"
  let summary = "ask the plugins for candidate annotations (then accept N… or reject N…)"
  let details = """
    Candidates already accepted or rejected, and spans already annotated with the same
    label, are never offered again. Accepting records the origin suggested:PLUGIN@VERSION.

    Examples:
      suggest                       every layer, current report
      suggest claim-labeling --all-reports
      accept 1 3 4;  reject 2;  accept all
    """
  let completion = CompletionKind.none

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let allReports = arguments.takeFlag("all-reports")
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
    for chunk in stride(from: 0, to: reportIDs.count, by: Self.batchSize).map({
      Array(reportIDs[$0..<min($0 + Self.batchSize, reportIDs.count)])
    }) {
      let inputs = try chunk.map { id -> ReportInput in
        let report = try session.store.report(id: id)
        return ReportInput(id: id, uid: report.uid, language: report.language, text: session.text(of: report))
      }
      for plugin in plugins {
        do {
          let results = try plugin.annotator.suggest(batch: inputs)
          for (input, suggestions) in zip(inputs, results) {
            pending += try Self.fresh(suggestions, for: input, plugin: plugin.annotator, session: session, offset: pending.count)
          }
        } catch {
          failures.append("\(plugin.annotator.id): \(ErrorReport.message(error))")
        }
      }
    }
    session.pendingSuggestions = pending
    if pending.isEmpty && !failures.isEmpty {
      throw CommandError.refusedByPlugin(layer: plugins.map(\.annotator.id).joined(separator: ", "), reasons: failures)
    }
    return try SuggestionList(pending: pending, failures: failures, session: session)
  }

  /// Drops candidates already decided or already annotated, numbering the rest after `offset`.
  static func fresh(
    _ suggestions: [Suggestion], for input: ReportInput, plugin: any Annotator, session: Session, offset: Int
  ) throws -> [PendingSuggestion] {
    let decided = Set(try session.store.suggestionDecisions(reportID: input.id).map { "\($0.layer)/\($0.label)@\($0.range)" })
    let existing = Set(
      try session.store.annotations(AnnotationFilter(reportID: input.id, layer: plugin.id)).map {
        "\($0.layer)/\($0.label)@\($0.range)"
      })
    var kept: [Int: Int] = [:]
    var result: [PendingSuggestion] = []
    for (index, suggestion) in suggestions.enumerated() {
      let key = "\(plugin.id)/\(suggestion.label)@\(suggestion.range)"
      guard (try? input.text.validate(suggestion.range)) != nil, !decided.contains(key), !existing.contains(key) else {
        continue
      }
      kept[index] = offset + result.count + 1
      result.append(
        PendingSuggestion(
          reportID: input.id, layer: plugin.id, origin: "suggested:\(plugin.id)@\(plugin.version)",
          suggestion: suggestion, linkTargets: []))
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
struct SuggestionList: CommandOutput {
  var pending: [PendingSuggestion]
  var failures: [String]
  var locations: [String]
  var quotes: [String]

  init(pending: [PendingSuggestion], failures: [String], session: Session) throws {
    self.pending = pending
    self.failures = failures
    var texts: [Int: ReportText] = [:]
    var locations: [String] = []
    var quotes: [String] = []
    for item in pending {
      let text = try texts[item.reportID] ?? session.text(ofReport: item.reportID)
      texts[item.reportID] = text
      locations.append("#\(item.reportID) \(text.location(of: item.suggestion.range.start))")
      quotes.append(text.substring(item.suggestion.range))
    }
    self.locations = locations
    self.quotes = quotes
  }

  var json: JSONValue {
    .object([
      "suggestions": .array(
        pending.enumerated().map { index, item in
          .object([
            "n": .int(index + 1), "report": .int(item.reportID), "layer": .string(item.layer),
            "label": .string(item.suggestion.label), "start": .int(item.suggestion.range.start),
            "end": .int(item.suggestion.range.end), "quote": .string(quotes[index]),
            "attributes": .object(JSONObject(item.suggestion.attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })),
            "score": .double(item.suggestion.score), "explanation": .string(item.suggestion.explanation),
            "origin": .string(item.origin),
            "links": .array(item.linkTargets.map { .object(["type": .string($0.type), "to": .int($0.number)]) }),
          ])
        }),
      "failures": .array(failures.map(JSONValue.string)),
    ])
  }

  func text(_ style: TextStyle) -> String {
    var lines: [String] = []
    if pending.isEmpty { lines.append("no new suggestions") }
    let rows = pending.prefix(SuggestCommand.shownAtMost).enumerated().map { index, item -> [String] in
      let links = item.linkTargets.map { "\($0.type) → \($0.number)" }.joined(separator: " ")
      let attributes = item.suggestion.attributes.sorted { $0.key < $1.key }
        .map { "\($0.key)=\(AnnotationList.plain($0.value))" }.joined(separator: " ")
      return [
        String(index + 1), "\(item.layer)/\(item.suggestion.label)", locations[index],
        BidiIsolation.isolate("«" + DisplayWidth.truncate(quotes[index], to: 36) + "»"),
        String(format: "%.2f", item.suggestion.score),
        BidiIsolation.isolate([attributes, links, item.suggestion.explanation].filter { !$0.isEmpty }.joined(separator: "  ")),
      ]
    }
    if !rows.isEmpty {
      lines.append(
        Table(header: ["n", "layer/label", "where", "text", "score", "why"], rows: rows, rightAligned: [0, 4])
          .render(style))
      if pending.count > SuggestCommand.shownAtMost {
        lines.append(style.dim("… and \(pending.count - SuggestCommand.shownAtMost) more (--json lists all)"))
      }
      lines.append(style.dim("\(pending.count) suggestion\(pending.count == 1 ? "" : "s") — accept N…|all, reject N…|all"))
    }
    for failure in failures { lines.append(style.red("plugin failed: ") + failure) }
    return lines.joined(separator: "\n")
  }
}
