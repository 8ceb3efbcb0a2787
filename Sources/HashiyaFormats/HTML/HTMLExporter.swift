import AnnotatorKit
import HashiyaModel
import HashiyaStore

/// Writes HTML to read and share: every report with its annotations in colour.
///
/// One report, or standard output, makes one self-contained page. Several reports make a folder
/// (`HTMLSite`): an index page with a table of contents and a search box, and a page per report
/// with links to the previous, the next and the index; so does a folder named as the
/// destination, whatever the count. Reports stream out one at a time: the first is held only
/// until the second tells a page from a folder.
///
/// Nothing is linked (inline CSS and script, system fonts), so the pages open offline. Each
/// annotation is a `<mark>` carrying `data-layer`, `data-label`, `data-handle`, `data-author`,
/// `data-start` and `data-end` (scalar offsets); its `title` sums it up for hovering, and a click
/// opens a popup with attributes, links, notes and reviews. Paragraphs take their direction from
/// their first strong letter, so Arabic reads right to left. Two annotators can be compared in
/// two columns.
public struct HTMLExporter: ReportExporter {
  /// The file or folder to write; nil for standard output.
  private let path: String?
  private let context: ExportContext
  /// The page being written: standard output's from the start, a file's once it holds one report.
  private var sink: OutputSink?
  private var site: HTMLSite?
  /// A file destination's first report, until a second one makes it a folder.
  private var held: HTMLArticle?
  private var authors: [String] = []
  private var summary = ExportSummary()
  private var started = false

  /// `path` nil or `-` writes to standard output; a path naming a folder (ending in `/`, or an
  /// existing one) is always written as a folder.
  public init(path: String?, context: ExportContext) throws {
    self.path = path == "-" ? nil : path
    self.context = context
    if let path = self.path {
      if ExportDestination.namesFolder(path) { site = try HTMLSite(folder: path, context: context) }
    } else {
      sink = try OutputSink(path: nil, project: context.projectPath)
    }
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let article = article(bundle, text: text)
    summary.reports += 1
    summary.annotations += article.annotations
    summary.links += article.links
    if let site {
      try site.add(article)
    } else if let sink {
      try writeHead(to: sink)
      for author in article.authors where !authors.contains(author) { authors.append(author) }
      try sink.write(article.markup)
    } else if let first = held, let path {
      let site = try HTMLSite(folder: path, context: context)
      self.site = site
      held = nil
      try site.add(first)
      try site.add(article)
    } else {
      held = article
    }
  }

  public func discard() {
    sink?.discard()
    site?.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    if let site {
      summary.files = [try site.finish()]
      summary.bytes = site.bytesWritten
      return summary
    }
    let sink = try sink ?? OutputSink(path: path, project: context.projectPath)
    self.sink = sink
    try writeHead(to: sink)
    if let held {
      authors = held.authors
      try sink.write(held.markup)
    }
    try sink.write(HTMLPageFrame.tail(authors: authors))
    try sink.close()
    summary.bytes = sink.bytesWritten
    summary.files = [path ?? "-"]
    return summary
  }

  private mutating func writeHead(to sink: OutputSink) throws {
    guard !started else { return }
    started = true
    try sink.write(HTMLPageFrame.head(context: context, title: nil, navigation: nil))
  }

  /// One report's `<article>`, with what the index and the summary count of it.
  private func article(_ bundle: ReportBundle, text: ReportText) -> HTMLArticle {
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    let links = ExchangeSupport.links(of: bundle, between: annotations)
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
    var perLayer: [String: Int] = [:]
    for annotation in annotations { perLayer[annotation.layer, default: 0] += 1 }
    return HTMLArticle(
      id: report.id, uid: report.uid, title: report.title, markup: out, authors: authorsHere,
      perLayer: perLayer, annotations: annotations.count, links: links.count)
  }

  /// An attribute's name as the page shows it: the one a schema declares as the note reads "note".
  private func displayName(_ name: String, of annotation: Annotation) -> String {
    name == context.attributeName(playing: .note, in: annotation) ? "note" : name
  }

  private func colourClass(_ annotation: Annotation) -> String {
    let schema = context.schema(of: annotation)
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
