import AnnotatorKit
import Foundation
import HashiyaAnnotating
import HashiyaModel
import HashiyaPlugins
import HashiyaStore

/// `suggest [LAYER] [--all-reports] [--again]`: numbered candidates from the plugins, to accept or reject.
struct SuggestCommand: Command {
  /// Reports analysed at once, in parallel, and kept in one transaction.
  static let batchSize = PendingSuggestion.reportsPerBatch
  let name = "suggest"
  let synopsis = "[LAYER] [--all-reports] [--again]  ·  suggest --list [--page K]"
  let summary = "ask the plugins for candidate annotations (then accept N… or reject N…)"
  let details = """
    Decisions are your own: candidates you accepted or rejected, and spans you already
    annotated with the same label, are not offered to you again, while every other annotator
    still gets them. --again offers your rejected candidates once more. undo of an accept or
    a reject gives the candidate back. Accepting records the origin suggested:PLUGIN@VERSION.

    The numbered list is kept in the project, yours alone, until your next suggest: accept N,
    reject N and triage work on it after a restart too. --all-reports goes report by report,
    keeping the candidates as it goes, and prints how many each layer has plus the first page;
    --list shows a page of the list again (200 a page), with what you decided on each.

    Examples:
      suggest                       every layer, current report
      suggest claim-labeling --all-reports
      suggest --again               including the ones I rejected
      suggest --list --page 3       candidates 401 to 600
      accept 1 3 4;  reject 2;  accept all
    """
  let completion = CompletionKind.layers

  func run(_ arguments: Arguments, in session: Session) throws -> any CommandOutput {
    var arguments = arguments
    let allReports = arguments.takeFlag("all-reports")
    let again = arguments.takeFlag("again")
    let list = arguments.takeFlag("list")
    let page = try arguments.takeOption("page")
    if list || page != nil {
      try arguments.finish()
      guard !allReports && !again else {
        throw CommandError.usage(command: name, message: "--list shows the last list: it takes only --page")
      }
      return try Self.listed(page: page, in: session)
    }
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
    session.reviewQueue = nil
    let store = session.store
    let author = session.user
    let inProcess = plugins.filter { $0.kind != .process }
    // Process plugins take a batch's inputs after the in-process ones are done with them; without
    // any, each input (and its text's analyses) is freed on the core that analysed it rather
    // than by this thread between batches, which left the other cores idle.
    let keepInputs = inProcess.count < plugins.count
    var total = 0
    var perLayer: [String: Int] = [:]
    var failures: [String] = []
    // Each batch's candidates are written while the next batch is analysed.
    var unwritten: [PendingSuggestion]?
    var replacing = true
    for start in stride(from: 0, to: reportIDs.count, by: Self.batchSize) {
      try SignalHandling.check()
      let chunk = Array(reportIDs[start..<min(start + Self.batchSize, reportIDs.count)])
      let reports = try store.reports(ids: chunk)
      let known = try Self.knownSpans(chunk, session: session, again: again)
      let prepared =
        allReports
        ? nil : reports.map { ReportInput(id: $0.id, uid: $0.uid, language: $0.language, text: session.text(of: $0)) }
      let writing = unwritten
      let firstWrite = replacing
      // One task a report runs every in-process plugin on it, so its text is analysed once, hot.
      let (analysed, wrote) = ParallelMap.map(
        Array(reports.enumerated()),
        alongside: {
          Result { if let writing { try store.addPendingSuggestions(writing, author: author, replacing: firstWrite) } }
        }
      ) { index, report in
        let input =
          prepared?[index]
          ?? ReportInput(id: report.id, uid: report.uid, language: report.language, text: ReportText(report.text))
        let found = inProcess.map { plugin in
          Result { try plugin.annotator.suggest(input) }.map {
            Self.fresh($0, for: input, plugin: plugin.annotator, known: known)
          }
        }
        return (id: report.id, input: keepInputs ? input : nil, found: found)
      }
      try wrote.get()
      if writing != nil { replacing = false }
      var batch: [PendingSuggestion] = []
      for plugin in plugins {
        let found: [Result<[PendingSuggestion], any Error>]
        if let slot = inProcess.firstIndex(where: { $0.id == plugin.id }) {
          found = analysed.map { $0.found[slot] }
        } else {
          do {
            let inputs = analysed.compactMap(\.input)
            found = ParallelMap.map(Array(zip(inputs, try plugin.annotator.suggestEach(inputs)))) { input, result in
              result.map { Self.fresh($0, for: input, plugin: plugin.annotator, known: known) }
            }
          } catch {
            failures.append(Self.failure(error, plugin: plugin, report: nil))
            continue
          }
        }
        for (item, result) in zip(analysed, found) {
          switch result {
          case .success(let items):
            Self.append(items, to: &batch, after: total + batch.count)
            perLayer[plugin.id, default: 0] += items.count
          case .failure(let error):
            failures.append(Self.failure(error, plugin: plugin, report: item.id))
          }
        }
      }
      total += batch.count
      unwritten = batch
    }
    // The first batch replaces the last list: until then a failure leaves it as it was.
    try store.addPendingSuggestions(unwritten ?? [], author: author, replacing: replacing)
    // A plugin that Ctrl-C stopped fails like any other; the list would then be partial.
    try SignalHandling.check()
    return SuggestionList(
      items: try session.pendingSuggestions.page(1), page: 1, total: total, failures: failures,
      reports: allReports ? reportIDs.count : nil, perLayer: perLayer)
  }

  /// `suggest --list [--page K]`: a page of the list the last `suggest` kept.
  static func listed(page: String?, in session: Session) throws -> SuggestionList {
    let number = try page.map { text in
      guard let number = Int(text), number >= 1 else {
        throw CommandError.usage(command: "suggest", message: "--page takes a page number from 1, not \"\(text)\"")
      }
      return number
    }
    let counts = try session.store.pendingSuggestionCounts(author: session.user)
    let total = counts.reduce(0) { $0 + $1.total }
    guard total > 0 else { throw CommandError.noSuggestions }
    let pages = PendingSuggestions.pages(total: total)
    let shown = number ?? 1
    guard shown <= pages else {
      throw CommandError.usage(command: "suggest", message: "there is no page \(shown): the list has \(pages)")
    }
    return SuggestionList(
      items: try session.pendingSuggestions.page(shown), page: shown, total: total, failures: [], reports: nil,
      perLayer: Dictionary(uniqueKeysWithValues: counts.map { ($0.layer, $0.total) }))
  }

  /// A plugin's failure as one line, naming the plugin and, when it is one report's, the report.
  static func failure(_ error: any Error, plugin: LoadedPlugin, report: Int?) -> String {
    // Plugin errors name their plugin (and report) themselves.
    if error is PluginError { return ErrorReport.message(error) }
    let place = report.map { " on report #\($0)" } ?? ""
    return "plugin \(plugin.annotator.id)\(place): \(ErrorReport.message(error))"
  }

  /// A span with its label, as `knownSpans` keeps it.
  struct SpanKey: Hashable {
    var report: Int
    var layer: String
    var label: String
    var range: TextRange
  }

  /// Spans the user already decided (rejected ones too unless `again`) or annotated on these
  /// reports; other people's work hides nothing.
  static func knownSpans(_ reportIDs: [Int], session: Session, again: Bool = false) throws -> Set<SpanKey> {
    var keys = Set(
      try session.store.suggestionDecisions(reportIDs: reportIDs, author: session.user)
        .filter { !again || $0.verdict == .accepted }
        .map { SpanKey(report: $0.reportID, layer: $0.layer, label: $0.label, range: $0.range) })
    for annotation in try session.store.annotations(AnnotationFilter(reportIDs: reportIDs, author: session.user)) {
      keys.insert(
        SpanKey(report: annotation.reportID, layer: annotation.layer, label: annotation.label, range: annotation.range))
    }
    return keys
  }

  /// Drops candidates already decided or annotated, numbering the rest from 1.
  static func fresh(
    _ suggestions: [Suggestion], for input: ReportInput, plugin: any Annotator, known: Set<SpanKey>
  ) -> [PendingSuggestion] {
    var kept: [Int: Int] = [:]
    var result: [PendingSuggestion] = []
    let origin = "suggested:\(plugin.id)@\(plugin.version)"
    for (index, suggestion) in suggestions.enumerated() {
      guard (try? input.text.validate(suggestion.range)) != nil,
        known.isEmpty
          || !known.contains(
            SpanKey(report: input.id, layer: plugin.id, label: suggestion.label, range: suggestion.range))
      else { continue }
      kept[index] = result.count + 1
      var stored = suggestion
      stored.links = []
      result.append(
        PendingSuggestion(
          number: result.count + 1, reportID: input.id, layer: plugin.id, origin: origin, suggestion: stored,
          quote: input.text.substring(suggestion.range),
          location: "#\(input.id) \(input.text.location(of: suggestion.range.start))"))
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

  /// Appends candidates numbered from 1, and the numbers their links name, moved to follow `offset`.
  static func append(_ items: [PendingSuggestion], to list: inout [PendingSuggestion], after offset: Int) {
    for var item in items {
      item.number += offset
      if !item.linkTargets.isEmpty {
        item.linkTargets = item.linkTargets.map { (type: $0.type, number: $0.number + offset) }
      }
      list.append(item)
    }
  }
}
