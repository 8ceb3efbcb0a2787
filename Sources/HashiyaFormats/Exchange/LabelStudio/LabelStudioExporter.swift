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
    self.output = try ExportOutput(path: path)
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
    output.writer.key("text")
    output.writer.string(bundle.report.text)
    output.writer.key("hashiya_uid")
    output.writer.string(bundle.report.uid)
    output.writer.key("title")
    output.writer.string(bundle.report.title)
    output.writer.endObject()
    output.writer.key("annotations")
    output.writer.beginArray()
    for author in authors {
      output.writer.beginObject()
      output.writer.key("completed_by")
      output.writer.string(author)
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
    output.writer.key("id")
    output.writer.string(String(annotation.id))
    output.writer.key("from_name")
    output.writer.string("label")
    output.writer.key("to_name")
    output.writer.string("text")
    output.writer.key("type")
    output.writer.string("labels")
    output.writer.key("value")
    output.writer.beginObject()
    output.writer.key("start")
    output.writer.int(text.utf16Offset(ofScalar: annotation.range.start))
    output.writer.key("end")
    output.writer.int(text.utf16Offset(ofScalar: annotation.range.end))
    output.writer.key("text")
    output.writer.string(text.substring(annotation.range))
    output.writer.key("labels")
    output.writer.beginArray()
    output.writer.string(annotation.label)
    output.writer.endArray()
    output.writer.endObject()
    output.writer.endObject()
  }

  private mutating func writeRelation(_ link: AnnotationLink) {
    output.writer.beginObject()
    output.writer.key("type")
    output.writer.string("relation")
    output.writer.key("from_id")
    output.writer.string(String(link.fromID))
    output.writer.key("to_id")
    output.writer.string(String(link.toID))
    output.writer.key("direction")
    output.writer.string("right")
    output.writer.key("labels")
    output.writer.beginArray()
    output.writer.string(link.type)
    output.writer.endArray()
    output.writer.endObject()
  }
}
