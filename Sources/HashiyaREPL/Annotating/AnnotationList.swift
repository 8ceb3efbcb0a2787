import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Annotations as people and scripts see them: handle, layer, label, covered text, attributes, author.
///
/// Every annotation's stored quote is compared with the report's text; a mismatch is shown and
/// flagged in JSON rather than silently displayed.
struct AnnotationList: CommandOutput {
  struct Entry {
    var annotation: Annotation
    var location: TextLocation
    var quoteMatches: Bool
    var links: [AnnotationLink]
  }

  var entries: [Entry]
  var heading: String?

  init(entries: [Entry], heading: String? = nil) {
    self.entries = entries
    self.heading = heading
  }

  /// Builds the list, reading each report's text once to place and check the annotations.
  init(_ annotations: [Annotation], session: Session, heading: String? = nil) throws {
    var texts: [Int: ReportText] = [:]
    let links = try session.store.links(touching: annotations.map(\.id))
    entries = try annotations.map { annotation in
      let text = try texts[annotation.reportID] ?? session.text(ofReport: annotation.reportID)
      texts[annotation.reportID] = text
      let inside = annotation.ranges.allSatisfy { $0.fits(in: text.count) }
      let matches =
        inside && text.text(in: annotation.range, equals: annotation.quote)
        && annotation.fragments.allSatisfy { text.text(in: $0.range, equals: $0.quote) }
      return Entry(
        annotation: annotation, location: inside ? text.location(of: annotation.range.start) : TextLocation(),
        quoteMatches: matches, links: links.filter { $0.fromID == annotation.id || $0.toID == annotation.id })
    }
    self.heading = heading
  }

  var mismatches: [Entry] { entries.filter { !$0.quoteMatches } }

  var json: JSONValue {
    .array(entries.map(Self.json))
  }

  static func json(_ entry: Entry) -> JSONValue {
    let a = entry.annotation
    var object: JSONObject = [
      "handle": .int(a.id), "uuid": .string(a.uuid), "report": .int(a.reportID), "layer": .string(a.layer),
      "label": .string(a.label), "start": .int(a.range.start), "end": .int(a.range.end), "quote": .string(a.quote),
      "attributes": .object(a.attributes), "author": .string(a.author), "origin": .string(a.origin),
      "status": .string(a.status.rawValue), "location": .string(entry.location.description),
      "links": .array(
        entry.links.map { link in
          .object(["type": .string(link.type), "from": .int(link.fromID), "to": .int(link.toID)])
        }),
    ]
    if !a.fragments.isEmpty { object["fragments"] = SpanFragment.json(a.fragments) }
    if !entry.quoteMatches { object["quoteMismatch"] = .bool(true) }
    return .object(object)
  }

  func text(_ style: TextStyle) -> String {
    guard !entries.isEmpty else { return heading.map { "\($0.visiblyEscaped): none" } ?? "no annotations" }
    let rows = entries.map { entry -> [String] in
      let a = entry.annotation
      let attributes = a.attributes.pairs.map { "\($0.key)=\(Self.plain($0.value))" }.joined(separator: " ")
      let links = entry.links.map { link in
        link.fromID == a.id ? "\(link.type) → #\(link.toID)" : "← \(link.type) #\(link.fromID)"
      }
      var quote = BidiIsolation.isolate("«" + DisplayWidth.truncate(a.displayQuote, to: 40) + "»")
      if !entry.quoteMatches { quote = style.red("⚠ quote no longer matches the text: ") + quote }
      if a.status == .deleted { quote = style.dim("(deleted) ") + quote }
      return [
        style.bold("#\(a.id)"), "\(a.layer)/\(a.label)".visiblyEscaped, "#\(a.reportID) \(entry.location)", quote,
        BidiIsolation.isolate(([attributes] + links).filter { !$0.isEmpty }.joined(separator: "  ")),
        a.author.visiblyEscaped,
      ]
    }
    let table = Table(header: ["", "layer/label", "where", "text", "attributes", "author"], rows: rows)
    var lines = [table.render(style)]
    if let heading { lines.insert(style.dim(heading.visiblyEscaped), at: 0) }
    return lines.joined(separator: "\n")
  }

  static func plain(_ value: JSONValue) -> String {
    if case .string(let s) = value { return s.contains(" ") ? "\"\(s)\"" : s }
    return JSONWriter.string(value)
  }
}
