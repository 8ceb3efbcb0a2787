import AnnotatorKit
import HashiyaStore

/// Writes Label Studio tasks: one JSON array, a task per report, an annotation per author.
///
/// Label Studio addresses text in JavaScript string indices, i.e. UTF-16 code units, so every
/// offset is converted from scalars; an emoji outside the BMP counts two there. Result ids are
/// Hashiya handles, and each author's spans (with the links from them) form one annotation with
/// `completed_by` set to the author, so several annotators compare side by side in Label Studio.
/// Layers, attributes and reviews have no place in this shape.
public struct LabelStudioExporter: ReportExporter {
  private var output: ExportOutput
  private let context: ExportContext

  /// `path` nil or `-` writes to standard output.
  public init(path: String?, context: ExportContext) throws {
    self.output = try ExportOutput(path: path, project: context.projectPath)
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    let links = ExchangeSupport.links(of: bundle, between: annotations)
    var authors: [String] = []
    for annotation in annotations where !authors.contains(annotation.author) { authors.append(annotation.author) }
    let authorOf = Dictionary(annotations.map { ($0.id, $0.author) }, uniquingKeysWith: { first, _ in first })
    output.writer.beginObject()
    output.writer.key("data")
    output.writer.beginObject()
    output.writer.field("text", bundle.report.text)
    output.writer.field("hashiya_uid", bundle.report.uid)
    output.writer.field("title", bundle.report.title)
    output.writer.endObject()
    output.writer.key("annotations")
    output.writer.beginArray()
    for author in authors {
      output.writer.beginObject()
      output.writer.field("completed_by", author)
      output.writer.key("result")
      output.writer.beginArray()
      for annotation in annotations where annotation.author == author {
        writeSpan(annotation, text: text)
      }
      for link in links where authorOf[link.fromID] == author {
        writeRelation(link)
      }
      output.writer.endArray()
      output.writer.endObject()
    }
    output.writer.endArray()
    output.writer.endObject()
    // The array's brackets and commas are written here so tasks stream one at a time.
    try output.emit(
      separator: output.summary.reports == 0 ? "[\n" : ",\n", annotations: annotations.count, links: links.count)
  }

  public func discard() {
    output.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    try output.finish(trailer: output.summary.reports == 0 ? "[]\n" : "\n]\n")
  }

  private mutating func writeSpan(_ annotation: Annotation, text: ReportText) {
    output.writer.beginObject()
    output.writer.field("id", String(annotation.id))
    output.writer.field("from_name", "label")
    output.writer.field("to_name", "text")
    output.writer.field("type", "labels")
    output.writer.key("value")
    output.writer.beginObject()
    output.writer.field("start", text.utf16Offset(ofScalar: annotation.range.start))
    output.writer.field("end", text.utf16Offset(ofScalar: annotation.range.end))
    output.writer.field("text", text.substring(annotation.range))
    output.writer.key("labels")
    output.writer.beginArray()
    output.writer.string(annotation.label)
    output.writer.endArray()
    output.writer.endObject()
    output.writer.endObject()
  }

  private mutating func writeRelation(_ link: AnnotationLink) {
    output.writer.beginObject()
    output.writer.field("type", "relation")
    output.writer.field("from_id", String(link.fromID))
    output.writer.field("to_id", String(link.toID))
    output.writer.field("direction", "right")
    output.writer.key("labels")
    output.writer.beginArray()
    output.writer.string(link.type)
    output.writer.endArray()
    output.writer.endObject()
  }
}
