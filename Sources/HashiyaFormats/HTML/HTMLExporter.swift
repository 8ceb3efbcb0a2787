import AnnotatorKit
import HashiyaStore

/// Writes one self-contained HTML page to read and share: every report with its annotations in colour.
///
/// Nothing is linked (inline CSS and script, system fonts), so the page opens offline. Each
/// annotation is a `<mark>` carrying `data-layer`, `data-label`, `data-handle`, `data-author`,
/// `data-start` and `data-end` (scalar offsets); its `title` sums it up for hovering, and a click
/// opens a popup with attributes, links, notes and reviews. Paragraphs take their direction from
/// their first strong letter, so Arabic reads right to left. Two annotators can be compared in
/// two columns. Reports stream out one at a time; the author list follows them.
public struct HTMLExporter: ReportExporter {
  private let sink: OutputSink
  private let path: String
  private let context: ExportContext
  private var authors: [String] = []
  private var summary = ExportSummary()
  private var started = false

  /// `path` nil or `-` writes to standard output.
  public init(path: String?, context: ExportContext) throws {
    self.sink = try OutputSink(path: path, project: context.projectPath)
    self.path = path ?? "-"
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    if !started { try writeHead() }
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    let links = ExchangeSupport.links(of: bundle, between: annotations)
    for annotation in annotations where !authors.contains(annotation.author) { authors.append(annotation.author) }
    let report = bundle.report
    let rtlLanguages: Set<String> = ["ar", "fa", "ur", "he", "ps", "ckb", "yi"]
    let fallback = rtlLanguages.contains(String(report.language.prefix { $0 != "-" })) ? "rtl" : "ltr"
    var tags: [Int: String] = [:]
    for annotation in annotations {
      tags[annotation.id] = openingTag(annotation, links: links, annotations: annotations)
    }
    let renderer = HTMLSpanRenderer(text: text, openingTags: tags)
    var out = "<article dir=\"auto\" lang=\"\(HTMLEscaping.escape(report.language))\" data-report=\"\(report.id)\""
    out += " id=\"report-\(report.id)\">\n<h2 dir=\"auto\">\(HTMLEscaping.escape(report.title))</h2>\n"
    let authorsHere = annotations.reduce(into: [String]()) { list, a in
      if !list.contains(a.author) { list.append(a.author) }
    }
    var meta = ["#\(report.id)", report.uid, "\(annotations.count) annotations"]
    if !authorsHere.isEmpty { meta.append("by " + authorsHere.joined(separator: ", ")) }
    out +=
      "<p class=\"meta\" dir=\"ltr\">\(HTMLEscaping.escape(meta.joined(separator: " · ")))</p>\n<div class=\"single\">\n"
    for paragraph in HTMLSpanRenderer.paragraphs(of: text) {
      let direction = HTMLSpanRenderer.direction(of: paragraph, in: text, fallback: fallback)
      out += "<p dir=\"\(direction)\">" + renderer.render(paragraph: paragraph, annotations: annotations) + "</p>\n"
    }
    out += "</div>\n<div class=\"columns\" hidden></div>\n"
    out += "<script type=\"application/json\" class=\"hashiya-details\" data-report=\"\(report.id)\">"
    out += details(bundle, annotations: annotations, links: links, text: text) + "</script>\n</article>\n"
    try sink.write(out)
    summary.reports += 1
    summary.annotations += annotations.count
    summary.links += links.count
  }

  public func discard() {
    sink.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    if !started { try writeHead() }
    var writer = JSONWriter()
    writer.value(.array(authors.map(JSONValue.string)))
    var out = "</main>\n<div id=\"popup\" hidden></div>\n"
    out +=
      "<script type=\"application/json\" id=\"hashiya-authors\">\(HTMLEscaping.scriptSafeJSON(writer.bytes))</script>\n"
    out += "<script>\n\(HTMLPageAssets.script)</script>\n</body>\n</html>\n"
    try sink.write(out)
    try sink.close()
    summary.bytes = sink.bytesWritten
    summary.files = [path]
    return summary
  }

  private mutating func writeHead() throws {
    started = true
    let name = HTMLEscaping.escape(context.projectName)
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="Hashiya">
      <title>\(name) — Hashiya</title>
      <style>
      \(HTMLPageAssets.style)</style>
      </head>
      <body>
      <header>
      <h1>\(name)</h1>
      <p class="meta">Exported \(HTMLEscaping.escape(context.exportedAt)) by \(HTMLEscaping.escape(context.exportedBy))\
      \(context.gold ? " · adjudicated annotations only" : "")</p>
      <div class="legend">

      """
    for schema in context.schemas {
      let layer = HTMLEscaping.escape(schema.layer)
      out += "<span class=\"layer\"><label><input type=\"checkbox\" class=\"layer-toggle\" value=\"\(layer)\" checked>"
      out += " <b>\(layer)</b></label>"
      for label in schema.labels {
        let description = HTMLEscaping.escape(label.description)
        out += " <span class=\"swatch \(HTMLColour.className(label.colour))\" title=\"\(description)\">"
        out += HTMLEscaping.escape(label.name) + "</span>"
      }
      out += "</span>\n"
    }
    out += """
      </div>
      <div class="controls"><label><input type="checkbox" id="compare"> side by side:</label>
      <select id="author-a" aria-label="first annotator"></select>
      <select id="author-b" aria-label="second annotator"></select> <span id="compare-note"></span></div>
      </header>
      <main>

      """
    try sink.write(out)
  }

  /// An attribute's name as the page shows it: the one a schema declares as the note reads "note".
  private func displayName(_ name: String, of annotation: Annotation) -> String {
    name == context.attributeName(playing: .note, in: annotation) ? "note" : name
  }

  private func colourClass(_ annotation: Annotation) -> String {
    let schema = context.schemas.first { $0.layer == annotation.layer }
    return HTMLColour.className(schema?.label(annotation.label)?.colour ?? "cyan")
  }

  private func openingTag(_ annotation: Annotation, links: [AnnotationLink], annotations: [Annotation]) -> String {
    var summary = ["#\(annotation.id) \(annotation.label) (\(annotation.layer)) by \(annotation.author)"]
    for member in annotation.attributes.pairs {
      summary.append("\(displayName(member.key, of: annotation)): \(Self.display(member.value))")
    }
    summary += linkLines(of: annotation, links: links, annotations: annotations)
    let attributes: [(String, String)] = [
      ("data-handle", String(annotation.id)), ("data-layer", annotation.layer), ("data-label", annotation.label),
      ("data-author", annotation.author), ("data-start", String(annotation.range.start)),
      ("data-end", String(annotation.range.end)), ("title", summary.joined(separator: "\n")),
    ]
    let spelled = attributes.map { " \($0.0)=\"\(HTMLEscaping.escape($0.1))\"" }.joined()
    return "<mark class=\"hl \(colourClass(annotation))\"\(spelled)>"
  }

  /// `said-by → #3 speaker` and `← said-by #7 quote`, for both ends of each link.
  private func linkLines(of annotation: Annotation, links: [AnnotationLink], annotations: [Annotation]) -> [String] {
    func label(_ id: Int) -> String { annotations.first { $0.id == id }?.label ?? "" }
    return links.compactMap { link in
      if link.fromID == annotation.id { return "\(link.type) → #\(link.toID) \(label(link.toID))" }
      if link.toID == annotation.id { return "← \(link.type) #\(link.fromID) \(label(link.fromID))" }
      return nil
    }
  }

  /// Every annotation's details by handle, for the popup.
  private func details(_ bundle: ReportBundle, annotations: [Annotation], links: [AnnotationLink], text: ReportText)
    -> String
  {
    var writer = JSONWriter()
    writer.beginObject()
    for annotation in annotations {
      writer.key(String(annotation.id))
      writer.beginObject()
      for (key, value) in [
        ("handle", String(annotation.id)), ("layer", annotation.layer), ("label", annotation.label),
        ("author", annotation.author), ("origin", annotation.origin), ("text", text.substring(annotation.range)),
      ] {
        writer.field(key, value)
      }
      writer.key("attributes")
      writer.beginObject()
      for member in annotation.attributes.pairs {
        writer.field(displayName(member.key, of: annotation), Self.display(member.value))
      }
      writer.endObject()
      writer.key("links")
      writer.value(.array(linkLines(of: annotation, links: links, annotations: annotations).map(JSONValue.string)))
      writer.key("reviews")
      let reviews = bundle.reviews.filter { $0.annotationID == annotation.id }.map { review in
        JSONValue.string("\(review.verdict.rawValue) by \(review.reviewer)" + (review.comment.map { ": \($0)" } ?? ""))
      }
      writer.value(.array(reviews))
      writer.endObject()
    }
    writer.endObject()
    return HTMLEscaping.scriptSafeJSON(writer.bytes)
  }

  /// An attribute value as people read it: strings bare, anything else as JSON.
  private static func display(_ value: JSONValue) -> String {
    if case .string(let string) = value { return string }
    return JSONWriter.string(value)
  }
}
