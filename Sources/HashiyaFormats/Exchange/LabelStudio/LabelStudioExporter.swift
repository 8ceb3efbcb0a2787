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
  private let sink: OutputSink
  private let path: String
  private let context: ExportContext
  private var writer = JSONWriter(capacity: 1 << 16)
  private var summary = ExportSummary()

  /// `path` nil or `-` writes to standard output.
  public init(path: String?, context: ExportContext) throws {
    self.sink = try OutputSink(path: path)
    self.path = path ?? "-"
    self.context = context
  }

  public mutating func write(_ bundle: ReportBundle, text: ReportText) throws {
    let annotations = ExchangeSupport.annotations(of: bundle, context: context)
    let links = ExchangeSupport.links(of: bundle, between: annotations)
    var authors: [String] = []
    for annotation in annotations where !authors.contains(annotation.author) { authors.append(annotation.author) }
    let authorOf = Dictionary(annotations.map { ($0.id, $0.author) }, uniquingKeysWith: { first, _ in first })
    writer.beginObject()
    writer.key("data")
    writer.beginObject()
    writer.key("text")
    writer.string(bundle.report.text)
    writer.key("hashiya_uid")
    writer.string(bundle.report.uid)
    writer.key("title")
    writer.string(bundle.report.title)
    writer.endObject()
    writer.key("annotations")
    writer.beginArray()
    for author in authors {
      writer.beginObject()
      writer.key("completed_by")
      writer.string(author)
      writer.key("result")
      writer.beginArray()
      for annotation in annotations where annotation.author == author {
        writeSpan(annotation, text: text)
      }
      for link in links where authorOf[link.fromID] == author {
        writeRelation(link)
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
    // The array's brackets and commas are written here so tasks stream one at a time.
    try sink.write(summary.reports == 0 ? "[\n" : ",\n")
    try sink.write(writer.bytes)
    writer.removeAll(keepingCapacity: true)
    summary.reports += 1
    summary.annotations += annotations.count
    summary.links += links.count
  }

  public func discard() {
    sink.discard()
  }

  public mutating func finish() throws -> ExportSummary {
    try sink.write(summary.reports == 0 ? "[]\n" : "\n]\n")
    try sink.close()
    summary.bytes = sink.bytesWritten
    summary.files = [path]
    return summary
  }

  private mutating func writeSpan(_ annotation: Annotation, text: ReportText) {
    writer.beginObject()
    writer.key("id")
    writer.string(String(annotation.id))
    writer.key("from_name")
    writer.string("label")
    writer.key("to_name")
    writer.string("text")
    writer.key("type")
    writer.string("labels")
    writer.key("value")
    writer.beginObject()
    writer.key("start")
    writer.int(text.utf16Offset(ofScalar: annotation.range.start))
    writer.key("end")
    writer.int(text.utf16Offset(ofScalar: annotation.range.end))
    writer.key("text")
    writer.string(text.substring(annotation.range))
    writer.key("labels")
    writer.beginArray()
    writer.string(annotation.label)
    writer.endArray()
    writer.endObject()
    writer.endObject()
  }

  private mutating func writeRelation(_ link: AnnotationLink) {
    writer.beginObject()
    writer.key("type")
    writer.string("relation")
    writer.key("from_id")
    writer.string(String(link.fromID))
    writer.key("to_id")
    writer.string(String(link.toID))
    writer.key("direction")
    writer.string("right")
    writer.key("labels")
    writer.beginArray()
    writer.string(link.type)
    writer.endArray()
    writer.endObject()
  }
}
