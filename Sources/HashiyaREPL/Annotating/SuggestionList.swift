import AnnotatorKit
import Foundation
import HashiyaModel
import HashiyaStore

/// A page of the numbered candidates `suggest` keeps, with how many there are on each layer.
struct SuggestionList: CommandOutput, FailingOutput {
  var items: [PendingSuggestion]
  /// The page shown (from 1) and the size of the whole list.
  var page: Int
  var total: Int
  var failures: [String]
  /// How many reports `suggest --all-reports` went through; nil for one report.
  var reports: Int?
  var perLayer: [String: Int]
  var pages: Int { PendingSuggestions.pages(total: total) }

  var json: JSONValue {
    var writer = JSONWriter()
    writeJSON(&writer)
    return (try? JSONParser.parse(writer.bytes)) ?? .null
  }

  func writeJSON(_ writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("suggestions")
    writer.beginArray()
    for item in items {
      writer.beginObject()
      writer.field("n", item.number)
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
      writer.field("state", Self.state(item.decided))
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
    writer.field("total", total)
    writer.field("page", page)
    writer.field("pages", pages)
    if let reports { writer.field("reports", reports) }
    writer.key("layers")
    writer.beginObject()
    for (layer, count) in perLayer.sorted(by: { $0.key < $1.key }) { writer.field(layer, count) }
    writer.endObject()
    writer.key("failures")
    writer.value(.array(failures.map(JSONValue.string)))
    writer.endObject()
  }

  static func state(_ state: PendingSuggestion.State) -> String {
    switch state {
    case .open: "open"
    case .accepted: "accepted"
    case .rejected: "rejected"
    }
  }

  func text(_ style: TextStyle) -> String {
    var lines: [String] = []
    if let reports {
      let layers = perLayer.sorted { $0.key < $1.key }.map { "\($0.key.visiblyEscaped) \($0.value.formatted())" }
      lines.append(
        "\(total.formatted()) suggestion\(total == 1 ? "" : "s") on \(reports.formatted()) report\(reports == 1 ? "" : "s")"
          + (layers.isEmpty ? "" : ": " + layers.joined(separator: " · ")))
    }
    if total == 0 { lines.append("no new suggestions") }
    let rows = items.map { item -> [String] in
      let links = item.linkTargets.map { "\($0.type) → \($0.number)" }.joined(separator: " ")
      let attributes = item.suggestion.attributes.sorted { $0.key < $1.key }
        .map { "\($0.key)=\(AnnotationList.plain($0.value))" }.joined(separator: " ")
      let state = item.decided == .open ? "" : Self.state(item.decided)
      return [
        String(item.number), "\(item.layer)/\(item.suggestion.label)".visiblyEscaped, item.location,
        BidiIsolation.isolate("«" + DisplayWidth.truncate(item.quote, to: 36) + "»"),
        String(format: "%.2f", item.suggestion.score),
        BidiIsolation.isolate(
          [state, attributes, links, item.suggestion.explanation].filter { !$0.isEmpty }.joined(separator: "  ")),
      ]
    }
    guard !rows.isEmpty else { return lines.joined(separator: "\n") }
    lines.append(
      Table(header: ["n", "layer/label", "where", "text", "score", "why"], rows: rows, rightAligned: [0, 4])
        .render(style))
    if page < pages {
      let left = total - (items.last?.number ?? 0)
      lines.append(style.dim("… and \(left.formatted()) more: suggest --list --page \(page + 1)"))
    }
    let position = pages > 1 ? " (page \(page) of \(pages))" : ""
    lines.append(
      style.dim(
        "\(total.formatted()) suggestion\(total == 1 ? "" : "s")\(position) — accept N…|all, reject N…|all"))
    return lines.joined(separator: "\n")
  }
}
